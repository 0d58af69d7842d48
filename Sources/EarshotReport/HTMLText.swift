import Foundation

/// Escaping for the HTML report: every piece of customer text and every taxonomy name goes through here.
enum HTMLText {
    /// Escapes text for element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The text escaped, with each case-insensitive occurrence of `terms` as whole words wrapped in `<mark>`: the
    /// spans that put the record in its theme. Overlapping matches merge; the text between them is escaped like any
    /// other.
    static func highlighted(_ text: String, terms: [String]) -> String {
        var spans: [Range<String.Index>] = []
        for term in Set(terms) where !term.isEmpty {
            var searchStart = text.startIndex
            while let found = text.range(of: term, options: [.caseInsensitive, .diacriticInsensitive], range: searchStart..<text.endIndex) {
                searchStart = found.upperBound
                if let span = wordSpan(of: found, in: text) { spans.append(span) }
            }
        }
        guard !spans.isEmpty else { return escape(text) }
        spans.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<String.Index>] = []
        for span in spans {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        var result = ""
        var position = text.startIndex
        for span in merged {
            result += escape(String(text[position..<span.lowerBound]))
            result += "<mark>" + escape(String(text[span])) + "</mark>"
            position = span.upperBound
        }
        return result + escape(String(text[position...]))
    }

    /// An occurrence of a keyword as the words it marks: it must start a word, and it ends one or runs on into an
    /// inflection, which is marked with it ("answer" marks "answers", "crash" marks "crashed"). Inside another word
    /// ("app" in "disappointed", "log" in "login") it marks nothing.
    static func wordSpan(of found: Range<String.Index>, in text: String) -> Range<String.Index>? {
        if found.lowerBound > text.startIndex, isWordCharacter(text[text.index(before: found.lowerBound)]) { return nil }
        var end = found.upperBound
        while end < text.endIndex, isWordCharacter(text[end]) { end = text.index(after: end) }
        guard end > found.upperBound else { return found }
        return inflections.contains(text[found.upperBound..<end].lowercased()) ? found.lowerBound..<end : nil
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// The English endings a keyword's word may carry and still be that word: keywords are shown as the commonest
    /// word of their stem, and a quote may use another form of it.
    static let inflections: Set<String> = ["s", "es", "d", "ed", "ing", "er", "ers", "ly"]
}
