/// The character encoding of an export file.
public enum ExportEncoding: String, Sendable, Codable, Hashable {
    /// UTF-8 without a byte-order mark.
    case utf8 = "utf-8"
    /// UTF-8 with a byte-order mark (Excel "CSV UTF-8", Qualtrics legacy).
    case utf8BOM = "utf-8-bom"
    /// UTF-16 little-endian with a byte-order mark (Google Play, Excel "Unicode Text").
    case utf16LE = "utf-16le"
    /// UTF-16 big-endian with a byte-order mark.
    case utf16BE = "utf-16be"
    /// Windows-1252, the fallback for bytes that are not UTF-8 (Excel re-saves, old SurveyMonkey).
    case windows1252 = "windows-1252"

    /// The length of the byte-order mark that starts a file in this encoding.
    public var byteOrderMarkLength: Int {
        switch self {
        case .utf8BOM: 3
        case .utf16LE, .utf16BE: 2
        case .utf8, .windows1252: 0
        }
    }

    /// Decides the encoding from the first bytes of a file.
    ///
    /// A byte-order mark decides it; so does a NUL pattern typical of BOM-less UTF-16 text. Otherwise the prefix is
    /// checked as UTF-8 (ignoring a sequence cut at the end of the prefix) and anything invalid means Windows-1252.
    public static func sniff(prefix: [UInt8]) -> ExportEncoding {
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if prefix.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if prefix.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        if prefix.count >= 4 {
            let evenNULs = stride(from: 0, to: min(prefix.count, 200) & ~1, by: 2).filter { prefix[$0] == 0 }.count
            let oddNULs = stride(from: 1, to: min(prefix.count, 200) & ~1, by: 2).filter { prefix[$0] == 0 }.count
            let pairs = min(prefix.count, 200) / 2
            if oddNULs * 10 > pairs * 7 && evenNULs == 0 { return .utf16LE }
            if evenNULs * 10 > pairs * 7 && oddNULs == 0 { return .utf16BE }
        }
        return isValidUTF8(prefix, allowingTruncatedEnd: true) ? .utf8 : .windows1252
    }

    /// Whether bytes are valid UTF-8; with `allowingTruncatedEnd`, a multi-byte sequence cut by the end of a full
    /// 64 KiB prefix is accepted (the rest of the character is in the part of the file not read yet).
    static func isValidUTF8(_ bytes: [UInt8], allowingTruncatedEnd: Bool) -> Bool {
        if String(validating: bytes, as: UTF8.self) != nil { return true }
        guard allowingTruncatedEnd, bytes.count >= 65_536 else { return false }
        // Find the lead byte of the last character and cut only if its continuation bytes run past the end.
        var lead = bytes.count - 1
        while lead > bytes.count - 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let expected = switch bytes[lead] {
        case 0xC0...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF7: 4
        default: 0
        }
        guard expected > bytes.count - lead else { return false }
        return String(validating: bytes[..<lead], as: UTF8.self) != nil
    }
}
