import Foundation

/// Replaces personal data in customer text with typed placeholders before it reaches a report.
public enum Redactor {
    private static let patterns: [(NSRegularExpression, String)] = [
        (try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#), "[email]"),
        (try! NSRegularExpression(pattern: #"\b(?:\d[ \-]?){13,19}\b"#), "[card]"),
        (try! NSRegularExpression(pattern: #"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b"#), "[iban]"),
        (try! NSRegularExpression(pattern: #"(?<![\w.])\+?\(?\d{1,4}\)?(?:[ .\-]?\(?\d{2,4}\)?){2,5}(?![\w.])"#), "[phone]"),
    ]

    /// The text with e-mail addresses, card numbers, IBANs and phone numbers replaced.
    public static func redact(_ text: String) -> String {
        var result = text
        for (expression, placeholder) in patterns {
            let range = NSRange(result.startIndex..., in: result)
            result = expression.stringByReplacingMatches(in: result, range: range, withTemplate: placeholder)
        }
        return result
    }
}
