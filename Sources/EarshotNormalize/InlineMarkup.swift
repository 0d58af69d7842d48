/// Markup at the start of a line: Jira's `h3.` headings and `#` numbered lists, Markdown's `#` headings, `*` bullets
/// and rules (`---`, `***`).
enum BlockMarkup {
    static func strip(_ line: [UInt8]) -> [UInt8] {
        var start = 0
        while start < line.count, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
        guard start < line.count else { return line }
        let rest = line[start...]
        // h1. … h6.
        if rest.count >= 4, rest[start] == UInt8(ascii: "h"), rest[start + 1] &- 0x31 < 6,
            rest[start + 2] == UInt8(ascii: "."), rest[start + 3] == 0x20
        {
            return Array(rest.dropFirst(4))
        }
        // A rule: three or more of one of - * _ and nothing else.
        if rest.count >= 3, let first = rest.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_"),
            rest.allSatisfy({ $0 == first || $0 == 0x20 })
        {
            return []
        }
        // `# `, `## `, `#* `, `** `: headings and Jira's list markers.
        var index = start
        while index < line.count, line[index] == UInt8(ascii: "#") || line[index] == UInt8(ascii: "*") { index += 1 }
        if index > start, index - start <= 6, index < line.count, line[index] == 0x20 {
            let allStars = line[start..<index].allSatisfy { $0 == UInt8(ascii: "*") }
            return (allStars ? Array("- ".utf8) : []) + Array(line[(index + 1)...])
        }
        return line
    }
}

/// Inline markup in one line, as Markdown and Jira write it: emphasis (`**b**`, `*b*`, `_i_`, `~~s~~`), code
/// (`` `c` ``, `{{c}}`), links (`[text](url)`, `[text|url]`), images and attachments (`![alt](url)`,
/// `!shot.png|thumbnail!`) and Jira mentions (`[~accountid:…]`, which become `[user]`).
///
/// Emphasis markers are removed only in pairs that open before a word and close after one, so `snake_case`,
/// `2 * 3 = 6` and a lone `*` stay as written.
enum InlineMarkup {
    static func strip(_ line: [UInt8]) -> [UInt8] {
        guard line.contains(where: isMarkupByte) else { return line }
        var output: [UInt8] = []
        output.reserveCapacity(line.count)
        var index = 0
        while index < line.count {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: "["):
                if let (replacement, end) = bracket(line, at: index) {
                    output += replacement
                    index = end
                    continue
                }
            case UInt8(ascii: "!"):
                if index + 1 < line.count, line[index + 1] == UInt8(ascii: "["),
                    let (_, end) = bracket(line, at: index + 1), line[index + 1..<end].contains(UInt8(ascii: "("))
                {
                    index = end  // a Markdown image: its alt text is rarely the customer's words
                    continue
                }
                if let end = attachmentEnd(line, at: index) {
                    index = end
                    continue
                }
            case UInt8(ascii: "{"):
                if index + 1 < line.count, line[index + 1] == UInt8(ascii: "{"),
                    let close = HTMLText.find(line, "}}", from: index + 2), close > index + 2
                {
                    output += line[(index + 2)..<close]
                    index = close + 2
                    continue
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "`"):
                if let (inner, end) = emphasis(line, at: index) {
                    output += strip(Array(inner))
                    index = end
                    continue
                }
            default: break
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    private static func isMarkupByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "[") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "*")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "`")
    }

    /// `[text](url)` → text, `[text|url]` → text, `[~mention]` → `[user]`, `[http://…]` → the address.
    private static func bracket(_ line: [UInt8], at start: Int) -> ([UInt8], Int)? {
        guard let close = line[(start + 1)...].firstIndex(of: UInt8(ascii: "]")), close > start + 1 else { return nil }
        let inner = line[(start + 1)..<close]
        if inner.first == UInt8(ascii: "~") { return (Array("[user]".utf8), close + 1) }
        if close + 1 < line.count, line[close + 1] == UInt8(ascii: "("),
            let end = closingParenthesis(line, from: close + 1), !line[(close + 1)..<end].contains(0x20)
        {
            return (Array(inner), end + 1)
        }
        if let bar = inner.firstIndex(of: UInt8(ascii: "|")) {
            let target = inner[(bar + 1)...]
            if startsWithAddress(target) || target.first == UInt8(ascii: "^") || target.first == UInt8(ascii: "#") {
                return (Array(inner[..<bar]), close + 1)
            }
        }
        if startsWithAddress(inner), !inner.contains(0x20) { return (Array(inner), close + 1) }
        return nil
    }

    /// The `)` that closes the `(` at `open`, counting nested pairs as CommonMark does, so that
    /// `(https://en.wikipedia.org/wiki/Swift_(language))` is one address.
    private static func closingParenthesis(_ line: [UInt8], from open: Int) -> Int? {
        var depth = 0
        for index in open..<line.count {
            if line[index] == UInt8(ascii: "(") {
                depth += 1
            } else if line[index] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    private static func startsWithAddress(_ bytes: ArraySlice<UInt8>) -> Bool {
        let prefix = String(decoding: bytes.prefix(8).map { $0 | 0x20 }, as: UTF8.self)
        return prefix.hasPrefix("http://") || prefix.hasPrefix("https://") || prefix.hasPrefix("mailto:")
    }

    /// `!name.ext!` or `!name.ext|options!`: a Jira attachment shown inline.
    private static func attachmentEnd(_ line: [UInt8], at start: Int) -> Int? {
        guard start + 1 < line.count, line[start + 1] != 0x20,
            let close = line[(start + 1)...].firstIndex(of: UInt8(ascii: "!"))
        else { return nil }
        let inner = line[(start + 1)..<close]
        let name = inner.split(separator: UInt8(ascii: "|"), maxSplits: 1).first ?? inner[...]
        guard !name.contains(0x20), let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > name.startIndex,
            name.endIndex - dot >= 3, name.endIndex - dot <= 5
        else { return nil }
        return close + 1
    }

    /// A pair of one marker run (`*`, `**`, `_`, `__`, `~~`, `` ` ``) around words, and the index after it.
    private static func emphasis(_ line: [UInt8], at start: Int) -> (ArraySlice<UInt8>, Int)? {
        let marker = line[start]
        var width = 1
        while start + width < line.count, line[start + width] == marker, width < 2 { width += 1 }
        if marker == UInt8(ascii: "~"), width != 2 { return nil }
        // Opening: not after a letter or digit, and a non-space follows.
        if start > 0, isWordByte(line[start - 1]) { return nil }
        let contentStart = start + width
        guard contentStart < line.count, line[contentStart] != 0x20, line[contentStart] != marker else { return nil }
        var index = contentStart + 1
        while index + width <= line.count {
            if line[index] == marker, line[(index)..<(index + width)].allSatisfy({ $0 == marker }),
                line[index - 1] != 0x20
            {
                let after = index + width
                let closes = after >= line.count || (!isWordByte(line[after]) && line[after] != marker)
                if closes { return (line[contentStart..<index], after) }
            }
            index += 1
        }
        return nil
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte >= 0x80
    }
}
