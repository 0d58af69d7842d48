/// Attributes and term lists as compact JSON (keys sorted), written by hand over bytes because it runs once per
/// record or assignment; the same text as ``JSONText/encode(_:)``.
enum AttributeJSON {
    static func encode(_ list: [String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, value) in list.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(value, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    static func encode(_ attributes: [String: [String]]) -> String {
        guard !attributes.isEmpty else { return "{}" }
        var entries = Array(attributes)
        if entries.count > 1 {
            // ASCII names (nearly all) sort by their bytes, which is String's order for ASCII and needs no Unicode
            // comparison; others as Strings compare.
            if entries.allSatisfy({ $0.key.utf8.allSatisfy { $0 < 0x80 } }) {
                entries.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            } else {
                entries.sort { $0.key < $1.key }
            }
        }
        var out: [UInt8] = []
        // Room for the common case (no escapes) up front: growing the buffer was most of this function's time.
        var capacity = 2
        for entry in entries {
            capacity += entry.key.utf8.count + 6
            for value in entry.value { capacity += value.utf8.count + 3 }
        }
        out.reserveCapacity(capacity)
        out.append(UInt8(ascii: "{"))
        for (position, entry) in entries.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            append(entry.key, to: &out)
            out.append(UInt8(ascii: ":"))
            out.append(UInt8(ascii: "["))
            for (index, value) in entry.value.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(value, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func append(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most values need no escape: copy them whole.
        let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied == true {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case ..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
