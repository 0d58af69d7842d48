/// Header text as Earshot compares it: tags, markdown emphasis, BOM and surrounding space removed, lowercased.
public enum HeaderName {
    /// Normalises a header cell for matching (`<strong>Age?</strong>` and `*Age?*` both become `age?`).
    public static func normalize(_ header: String) -> String {
        if isPlain(header.utf8) { return header.lowercased() }
        var text = ""
        text.reserveCapacity(header.count)
        var inTag = false
        for character in header {
            if character == "<" { inTag = true; continue }
            if character == ">" && inTag {
                inTag = false
                text.append(" ")
                continue
            }
            if inTag { continue }
            if character == "*" || character == "\u{FEFF}" { continue }
            text.append(character.isNewline ? " " : character)
        }
        let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return collapsed.lowercased()
    }

    /// Whether a header is printable ASCII with no markup, `*` or space to collapse: then normalizing only lowercases.
    ///
    /// Most headers are; the fast path keeps tool detection on a 100,000-column header from taking seconds.
    private static func isPlain(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0x20
        for byte in bytes {
            if byte < 0x20 || byte > 0x7E || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "*") { return false }
            if byte == 0x20 && previous == 0x20 { return false }
            previous = byte
        }
        return previous != 0x20
    }
}
