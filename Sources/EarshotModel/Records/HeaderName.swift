/// Header text as Earshot compares it: tags, markdown emphasis, BOM and surrounding space removed, lowercased.
public enum HeaderName {
    /// Normalises a header cell for matching (`<strong>Age?</strong>` and `*Age?*` both become `age?`).
    public static func normalize(_ header: String) -> String {
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
}
