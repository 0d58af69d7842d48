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

    /// The text escaped, with each case-insensitive occurrence of `terms` wrapped in `<mark>`: the spans that put the
    /// record in its theme. Overlapping matches merge; the text between them is escaped like any other.
    static func highlighted(_ text: String, terms: [String]) -> String {
        var spans: [Range<String.Index>] = []
        for term in Set(terms) where !term.isEmpty {
            var searchStart = text.startIndex
            while let found = text.range(of: term, options: [.caseInsensitive, .diacriticInsensitive], range: searchStart..<text.endIndex) {
                spans.append(found)
                searchStart = found.upperBound
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
}
