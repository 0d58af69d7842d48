/// Cuts what an e-mail client or a helpdesk added around the customer's own words: the quoted message being replied
/// to (`On … wrote:`, `>` lines, Outlook's `From:`/`Sent:` header, `-----Original Message-----`), the signature after
/// `--`, the sign-off and name at the end (`Thanks,\nJane`), and `Sent from my iPhone`.
///
/// A cut that would leave no words is not made.
enum MessageTrimmer {
    /// A line's bytes and its lowercased, trimmed text.
    typealias Line = (bytes: [UInt8], text: String)

    static func trim(_ lines: [[UInt8]]) -> [[UInt8]] {
        // Each line's lowercased, trimmed text, made once: every rule below compares it against phrases.
        var kept: [Line] = lines.map { ($0, lowercasedTrimmed($0)) }
        if let cut = firstQuoteOrSignature(in: kept.map(\.text)), hasWords(kept[..<cut]) {
            kept = Array(kept[..<cut])
        }
        let unquoted = kept.filter { line in
            !(firstNonSpace(line.bytes) == UInt8(ascii: ">")) && !isBoilerplate(line.bytes, line.text)
        }
        if hasWords(unquoted[...]) { kept = unquoted }
        if let signOff = signOffLine(in: kept), hasWords(kept[..<signOff]) { kept = Array(kept[..<signOff]) }
        return kept.map(\.bytes)
    }

    // MARK: Quotes and signatures

    private static func firstQuoteOrSignature(in texts: [String]) -> Int? {
        for (index, text) in texts.enumerated() where mayMarkQuoteOrSignature(text) {
            if text == "--" || text == "—" || text == "__" || text.hasPrefix("-----original message")
                || text.hasPrefix("----- original message") || text.hasPrefix("-------- original message")
                || text.hasPrefix("________________") || text.hasPrefix("-----ursprüngliche nachricht")
            {
                return index
            }
            if replyMarkers.contains(where: { text.hasSuffix($0) }) {
                // "On Mon, 2 Nov 2026 at 09:12, Tandem Support\n<support@…> wrote:" wraps over two lines.
                if index > 0, !replyOpeners.contains(where: { text.hasPrefix($0) }),
                    replyOpeners.contains(where: { texts[index - 1].hasPrefix($0) })
                {
                    return index - 1
                }
                if replyOpeners.contains(where: { text.hasPrefix($0) }) || text.contains("@") { return index }
            }
            if isHeaderLine(text, names: ["from:", "von:", "de :", "de:"]) {
                let following = texts[(index + 1)..<min(texts.count, index + 5)]
                if following.contains(where: {
                    isHeaderLine($0, names: ["sent:", "date:", "to:", "subject:", "gesendet:", "an:", "betreff:",
                                             "envoyé :", "objet :", "à :"])
                }) {
                    return index
                }
            }
        }
        return nil
    }

    /// Whether a line can be one of the markers below, from its first and last bytes: every marker starts with `-`,
    /// `_` or `—`, ends with `:` or has a `:` in its first ten bytes. Most lines are sentences, and this spares them
    /// some forty string comparisons each.
    private static func mayMarkQuoteOrSignature(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first else { return false }
        return first == UInt8(ascii: "-") || first == UInt8(ascii: "_") || first == 0xE2 || utf8.last == UInt8(ascii: ":")
            || utf8.prefix(10).contains(UInt8(ascii: ":"))
    }

    static let replyMarkers = ["wrote:", "schrieb:", "a écrit :", "a écrit:", "escribió:", "ha scritto:", "geschreven:"]
    static let replyOpeners = ["on ", "am ", "le ", "el ", "il ", "op "]

    private static func isHeaderLine(_ text: String, names: [String]) -> Bool {
        names.contains { text.hasPrefix($0) }
    }

    // MARK: Sign-offs

    /// The line where a closing like `Thanks,` or `Best regards` starts the last few short lines of the message.
    private static func signOffLine(in lines: [Line]) -> Int? {
        var trailing = 0
        var index = lines.count - 1
        while index > 0 {
            let text = lines[index].text
            if text.isEmpty {
                index -= 1
                continue
            }
            if isSignOff(text, followedByName: trailing > 0) { return index }
            trailing += 1
            // A name, a role, a company, a phone: a signature is a few short lines, not a paragraph.
            if trailing > 4 || lines[index].bytes.count > 70 || text.hasSuffix("?") { return nil }
            index -= 1
        }
        return nil
    }

    private static func isSignOff(_ text: String, followedByName: Bool) -> Bool {
        // Byte by byte rather than by Character: this runs on the last lines of every message.
        let utf8 = text.utf8
        let endsWithComma = utf8.last == UInt8(ascii: ",")
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            let byte = utf8[before]
            guard byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == 0x20 else { break }
            end = before
        }
        let phrase = text[..<end]
        if phrase.utf8.count <= longestSignOff, signOffs.contains(String(phrase)) { return endsWithComma || followedByName }
        // "Best, Devon" or "Kind regards, Marcus Lee" on one line.
        guard let comma = phrase.utf8.firstIndex(of: UInt8(ascii: ",")),
            phrase.utf8.distance(from: phrase.startIndex, to: comma) <= longestSignOff,
            signOffs.contains(String(phrase[..<comma]))
        else { return false }
        let name = phrase.utf8[phrase.utf8.index(after: comma)...].split(separator: 0x20)
        return !name.isEmpty && name.count <= 3 && !followedByName
    }

    private static let longestSignOff = signOffs.map(\.utf8.count).max() ?? 0

    static let signOffs: Set<String> = [
        "thanks", "thank you", "thanks again", "many thanks", "thanks in advance", "thanks so much", "thank you so much",
        "thx", "ty", "cheers", "best", "best regards", "kind regards", "regards", "warm regards", "warmest regards",
        "best wishes", "all the best", "sincerely", "yours sincerely", "yours faithfully", "yours", "respectfully",
        "take care", "talk soon", "br", "rgds",
        "viele grüße", "beste grüße", "liebe grüße", "mit freundlichen grüßen", "freundliche grüße", "grüße", "lg", "mfg",
        "vg", "danke", "vielen dank",
        "cordialement", "bien cordialement", "bien à vous", "merci", "merci beaucoup", "bonne journée",
        "saludos", "un saludo", "saludos cordiales", "atentamente", "gracias", "muchas gracias",
        "cordiali saluti", "saluti", "grazie", "grazie mille",
        "groeten", "met vriendelijke groet", "met vriendelijke groeten", "bedankt",
        "atenciosamente", "obrigado", "obrigada", "abraços",
    ]

    // MARK: Boilerplate

    private static func isBoilerplate(_ line: [UInt8], _ text: String) -> Bool {
        guard line.count < 90, let first = text.utf8.first, boilerplateFirstBytes.contains(first) else { return false }
        return boilerplatePrefixes.contains { text.hasPrefix($0) }
    }

    static let boilerplatePrefixes = [
        "sent from my ", "sent from mail for windows", "sent from outlook", "sent from yahoo mail", "sent from gmail",
        "sent via ", "get outlook for ", "sent from samsung", "von meinem iphone gesendet", "von meinem ipad gesendet",
        "gesendet von meinem", "von meinem smartphone gesendet", "envoyé de mon ", "envoyé depuis mon ",
        "enviado desde mi ", "inviato da ", "verzonden vanaf mijn ", "verstuurd vanaf mijn ", "enviado do meu ",
    ]

    private static let boilerplateFirstBytes = Set(boilerplatePrefixes.compactMap(\.utf8.first))

    // MARK: Bytes

    private static func hasWords(_ lines: ArraySlice<Line>) -> Bool {
        lines.contains { line in line.bytes.contains { ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 || $0 >= 0x80 } }
    }

    private static func firstNonSpace(_ line: [UInt8]) -> UInt8? {
        line.first { $0 != 0x20 && $0 != 0x09 }
    }

    private static func lowercasedTrimmed(_ line: [UInt8]) -> String {
        var start = 0
        var end = line.count
        while start < end, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
        while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        // ASCII case only: every marker and sign-off starts lowercase-able in ASCII ("Grüße" is "grüße" already),
        // and full Unicode lowercasing of every line cost more than the rest of normalization.
        return String(decoding: line[start..<end].map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
