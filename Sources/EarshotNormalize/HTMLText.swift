/// HTML message bodies (Intercom, Zendesk's HTML comments, Help Scout threads) as the text a reader sees.
///
/// Only names of real HTML elements are read as tags, so that `Tandem Support <support@tandem.example> wrote:` or
/// `a <3 b` in plain text survive. Block elements become line breaks; quoted mail (`<blockquote>`, Gmail's and
/// Outlook's quote containers), scripts, styles and comments are dropped with their content.
enum HTMLText {
    static func stripTags(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                output.append(byte)
                index += 1
                continue
            }
            if hasPrefix(bytes, at: index, "<!--") {
                index = find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            guard let tag = Tag(bytes, at: index) else {
                output.append(byte)
                index += 1
                continue
            }
            index = tag.end
            if !tag.isClosing, !tag.isSelfClosing, tag.dropsContent {
                index = endOfElement(named: tag.name, in: bytes, from: index)
                output.append(0x0A)
                continue
            }
            switch tag.name {
            case "br": output.append(0x0A)
            case "li", "tr", "dt", "dd": output.append(0x0A)
            case "td", "th": output.append(0x20)
            case _ where blockElements.contains(tag.name): output += [0x0A, 0x0A]
            default: break
            }
        }
        return output
    }

    /// The index after the closing tag that matches an element opened before `start`, counting nested ones.
    private static func endOfElement(named name: String, in bytes: [UInt8], from start: Int) -> Int {
        var depth = 1
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), let tag = Tag(bytes, at: index) {
                if tag.name == name, !tag.isSelfClosing { depth += tag.isClosing ? -1 : 1 }
                index = tag.end
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    static let blockElements: Set<String> = [
        "p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "section", "article",
        "header", "footer", "blockquote", "dl", "center", "form", "body", "html",
    ]

    static let knownElements: Set<String> = blockElements.union([
        "br", "li", "tr", "td", "th", "dt", "dd", "tbody", "thead", "tfoot", "span", "a", "b", "i", "u", "s", "em",
        "strong", "small", "big", "sup", "sub", "strike", "del", "ins", "mark", "code", "kbd", "font", "img", "abbr",
        "cite", "q", "label", "input", "button", "select", "option", "textarea", "iframe", "svg", "video", "audio",
        "source", "picture", "figure", "figcaption", "caption", "col", "colgroup", "style", "script", "head", "title",
        "meta", "link", "base", "nav", "main", "aside", "time", "wbr", "o:p", "noscript", "template", "object", "embed",
    ])

    /// An opening or closing tag of a known element, with its end just after the `>`.
    struct Tag {
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
        var end: Int
        var attributes: ArraySlice<UInt8>

        init?(_ bytes: [UInt8], at start: Int) {
            var index = start + 1
            isClosing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
            if isClosing { index += 1 }
            let nameStart = index
            while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart else { return nil }
            name = String(decoding: bytes[nameStart..<index].map { $0 | 0x20 }, as: UTF8.self)
            guard HTMLText.knownElements.contains(name), index < bytes.count else { return nil }
            let next = bytes[index]
            guard next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next == 0x20 || next == 0x09 || next == 0x0A
                || next == 0x0D
            else { return nil }
            let attributesStart = index
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                index += 1
            }
            guard index < bytes.count else { return nil }
            attributes = bytes[attributesStart..<index]
            isSelfClosing = index > start && bytes[index - 1] == UInt8(ascii: "/")
            end = index + 1
        }

        /// Quoted mail and code that is never shown: dropped with everything inside.
        var dropsContent: Bool {
            switch name {
            case "script", "style", "head", "title", "template", "blockquote": return true
            case "div":
                let text = String(decoding: attributes.map { $0 | 0x20 }, as: UTF8.self)
                return text.contains("gmail_quote") || text.contains("divrplyfwdmsg") || text.contains("moz-cite-prefix")
                    || text.contains("yahoo_quoted") || text.contains("appendonsend")
            default: return false
            }
        }

        private static func isNameByte(_ byte: UInt8) -> Bool {
            (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == UInt8(ascii: ":")
        }
    }

    // MARK: Entities

    /// `&amp;`, `&#39;`, `&#x27;` and the named entities feedback text uses, decoded; anything else left as written.
    static func decodeEntities(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&"), let (scalar, end) = entity(bytes, at: index) else {
                output.append(byte)
                index += 1
                continue
            }
            output += Array(String(Character(scalar)).utf8)
            index = end
        }
        return output
    }

    private static func entity(_ bytes: [UInt8], at start: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        let limit = min(bytes.count, start + 12)
        while index < limit, bytes[index] != UInt8(ascii: ";") { index += 1 }
        guard index < limit, index > start + 1 else { return nil }
        let body = bytes[(start + 1)..<index]
        let end = index + 1
        if body.first == UInt8(ascii: "#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if let first = digits.first, first | 0x20 == UInt8(ascii: "x") {
                value = UInt32(String(decoding: digits.dropFirst(), as: UTF8.self), radix: 16)
            } else {
                value = UInt32(String(decoding: digits, as: UTF8.self))
            }
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, end)
        }
        guard let scalar = namedEntities[String(decoding: body, as: UTF8.self)] else { return nil }
        return (scalar, end)
    }

    static let namedEntities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "hellip": "…", "mdash": "—",
        "ndash": "–", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "euro": "€", "pound": "£", "yen": "¥",
        "cent": "¢", "copy": "©", "reg": "®", "trade": "™", "deg": "°", "middot": "·", "bull": "•", "times": "×",
        "laquo": "«", "raquo": "»", "shy": "\u{AD}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "eacute": "é",
        "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â", "iacute": "í", "oacute": "ó",
        "uacute": "ú", "ntilde": "ñ", "ccedil": "ç", "Eacute": "É", "iexcl": "¡", "iquest": "¿",
    ]

    // MARK: Bytes

    static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { buffer in
            for offset in 0..<count where bytes[index + offset] != buffer[offset] { return false }
            return true
        }
    }

    static func find(_ bytes: [UInt8], _ needle: StaticString, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if hasPrefix(bytes, at: index, needle) { return index }
            index += 1
        }
        return nil
    }
}
