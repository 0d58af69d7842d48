/// One data row of an export, byte-faithful, with the place it came from.
///
/// Fields are kept as bytes (already transcoded to UTF-8 when the file was UTF-16 or Windows-1252), in
/// file order, so duplicate and empty header names lose nothing.
public struct RawRow: Sendable, Hashable {
    /// The workspace id of the file the row came from.
    public var fileID: Int64
    /// The 1-based physical line the row starts on.
    public var line: Int
    /// The row's fields, in column order.
    public var fields: [[UInt8]]

    /// Creates a row.
    public init(fileID: Int64, line: Int, fields: [[UInt8]]) {
        self.fileID = fileID
        self.line = line
        self.fields = fields
    }

    /// The field at `index` decoded as text, or `""` when the row is shorter.
    ///
    /// Bytes that are not valid UTF-8 are read as Windows-1252, so a stray legacy byte in a UTF-8 file still reads
    /// as the character its author typed.
    public func text(at index: Int) -> String {
        guard index < fields.count else { return "" }
        return TextDecoding.string(fromPossiblyLegacyBytes: fields[index])
    }
}
