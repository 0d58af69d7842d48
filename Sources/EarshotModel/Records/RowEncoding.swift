/// The compact byte encoding of a row's fields, as stored in the workspace's `rawRow.fields` column.
///
/// Layout: a LEB128 field count, then for each field a LEB128 byte length followed by the bytes. It is cheap to write
/// while parsing and cheap to read back, and it keeps every byte of every field.
public enum RowEncoding {
    /// Appends the LEB128 form of `value` to `buffer`.
    @inlinable
    public static func appendVarint(_ value: Int, to buffer: inout [UInt8]) {
        var remaining = UInt(value)
        while remaining >= 0x80 {
            buffer.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        buffer.append(UInt8(remaining))
    }

    /// Encodes fields into one byte string.
    public static func encode(_ fields: [[UInt8]]) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(fields.reduce(8) { $0 + $1.count + 2 })
        appendVarint(fields.count, to: &buffer)
        for field in fields {
            appendVarint(field.count, to: &buffer)
            buffer.append(contentsOf: field)
        }
        return buffer
    }

    /// Decodes a byte string written by ``encode(_:)``; returns `nil` when it is malformed.
    public static func decode(_ bytes: some Collection<UInt8>) -> [[UInt8]]? {
        Array(bytes).withUnsafeBytes { raw in
            var reader = RawFieldReader()
            guard reader.load(raw) else { return nil }
            return (0..<reader.count).map { Array(reader.untrimmedBytes($0)) }
        }
    }
}
