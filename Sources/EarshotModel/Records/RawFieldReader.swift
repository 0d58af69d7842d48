/// Reads the fields of a stored row (``RowEncoding``) in place, without copying them.
///
/// Normalize reads millions of rows and needs only a few of their fields; one reader is reused for every row so
/// that reading a row allocates nothing.
public struct RawFieldReader {
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var base = UnsafeRawBufferPointer(start: nil, count: 0)

    /// Creates a reader.
    public init() {}

    /// The number of fields of the loaded row.
    public var count: Int { starts.count }

    /// Loads a row; returns `false` when the bytes are not a valid encoding. The bytes must outlive the reads.
    public mutating func load(_ encoded: UnsafeRawBufferPointer) -> Bool {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        base = encoded
        var index = 0
        func varint() -> Int? {
            var value = 0
            var shift = 0
            while index < encoded.count, shift < 63 {
                let byte = encoded[index]
                index += 1
                value |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        guard let fieldCount = varint(), fieldCount <= encoded.count else { return false }
        for _ in 0..<fieldCount {
            guard let length = varint(), length <= encoded.count - index else { return false }
            starts.append(index)
            ends.append(index + length)
            index += length
        }
        return index == encoded.count
    }

    /// The bytes of a field, ASCII whitespace trimmed; empty when the row has no such field.
    public func trimmedBytes(_ field: Int) -> UnsafeRawBufferPointer {
        guard field >= 0, field < starts.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        var start = starts[field]
        var end = ends[field]
        while start < end, Self.isSpace(base[start]) { start += 1 }
        while end > start, Self.isSpace(base[end - 1]) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: base[start..<end])
    }

    /// The bytes of a field exactly as stored.
    public func untrimmedBytes(_ field: Int) -> UnsafeRawBufferPointer {
        guard field >= 0, field < starts.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: base[starts[field]..<ends[field]])
    }

    /// A field as text, whitespace trimmed: UTF-8, or Windows-1252 when the bytes are not valid UTF-8.
    public func string(_ field: Int) -> String {
        let bytes = trimmedBytes(field)
        if bytes.isEmpty { return "" }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return TextDecoding.windows1252String(Array(bytes))
    }

    /// Every field as text, untrimmed (for the excerpt of a quarantined row).
    public func allStrings() -> [String] {
        (0..<starts.count).map { TextDecoding.string(fromPossiblyLegacyBytes: Array(untrimmedBytes($0))) }
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
