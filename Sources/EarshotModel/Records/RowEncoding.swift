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
        let bytes = Array(bytes)
        var index = 0
        func readVarint() -> Int? {
            var value = 0
            var shift = 0
            while index < bytes.count, shift < 63 {
                let byte = bytes[index]
                index += 1
                value |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        guard let count = readVarint(), count <= bytes.count else { return nil }
        var fields: [[UInt8]] = []
        fields.reserveCapacity(count)
        for _ in 0..<count {
            guard let length = readVarint(), length <= bytes.count - index else { return nil }
            fields.append(Array(bytes[index..<index + length]))
            index += length
        }
        return index == bytes.count ? fields : nil
    }
}
