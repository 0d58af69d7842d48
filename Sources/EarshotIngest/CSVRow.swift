import EarshotModel

/// One row as the CSV reader produced it: the line it starts on and its fields in ``RowEncoding`` form.
public struct CSVRow: Sendable, Hashable {
    /// The 1-based physical line the row starts on.
    public var line: Int
    /// The number of fields.
    public var fieldCount: Int
    /// The fields in ``RowEncoding`` form (count first), ready to store.
    public var encoded: [UInt8]

    /// Creates a row from already-encoded fields.
    public init(line: Int, fieldCount: Int, encoded: [UInt8]) {
        self.line = line
        self.fieldCount = fieldCount
        self.encoded = encoded
    }

    /// Creates a row from fields.
    public init(line: Int, fields: [[UInt8]]) {
        self.init(line: line, fieldCount: fields.count, encoded: RowEncoding.encode(fields))
    }

    /// The fields, decoded.
    public var fields: [[UInt8]] { RowEncoding.decode(encoded) ?? [] }

    /// The fields as text (Windows-1252 where a field is not UTF-8).
    public var texts: [String] { fields.map(TextDecoding.string(fromPossiblyLegacyBytes:)) }
}
