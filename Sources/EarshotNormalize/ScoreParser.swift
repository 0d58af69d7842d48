import EarshotModel
import Foundation

/// Reads scores as tools write them: `9`, `9 - Very likely`, `4.5`, `Good`/`Bad`.
public enum ScoreParser {
    /// The leading number of a cell (`9 - Very likely` → 9), or `nil`.
    public static func leadingNumber(_ text: String) -> Double? {
        if let value = asciiLeadingNumber(text.utf8) { return value }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var end = trimmed.startIndex
        var sawDigit = false
        var sawPoint = false
        while end < trimmed.endIndex {
            let character = trimmed[end]
            if character.isASCII && character.isNumber {
                sawDigit = true
            } else if character == "." && !sawPoint && sawDigit {
                sawPoint = true
            } else {
                break
            }
            end = trimmed.index(after: end)
        }
        guard sawDigit else { return nil }
        var number = String(trimmed[..<end])
        if number.hasSuffix(".") { number.removeLast() }
        // "10 - Extremely likely" is a score; "10/15/2026" or "12abc" is not.
        if end < trimmed.endIndex {
            let next = trimmed[end]
            guard next == " " || next == "-" || next == "(" else { return nil }
            if next == "-", trimmed[trimmed.index(after: end)...].first?.isNumber == true { return nil }
        }
        return Double(number)
    }

    /// ``leadingNumber(_:)`` for the common cell, ASCII digits with ASCII spaces around: `.some(value)` or
    /// `.some(nil)` when it decides, `nil` to leave the cell to the general reading (Unicode spaces, other digits).
    private static func asciiLeadingNumber(_ utf8: String.UTF8View) -> Double?? {
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)] == 0x20 || utf8[utf8.index(before: end)] == 0x09 { end = utf8.index(before: end) }
        guard start < end, utf8[start] < 0x80, utf8[utf8.index(before: end)] < 0x80 else { return nil }
        var index = start
        var digits = 0
        var value = 0
        while index < end, utf8[index] &- 0x30 < 10, digits < 15 {
            value = value * 10 + Int(utf8[index] &- 0x30)
            digits += 1
            index = utf8.index(after: index)
        }
        guard digits > 0, digits < 15 else { return digits == 0 ? .some(nil) : nil }
        guard index < end else { return .some(Double(value)) }
        switch utf8[index] {
        case 0x20, UInt8(ascii: "("): return .some(Double(value))
        case UInt8(ascii: "-"):
            let next = utf8.index(after: index)
            return next < end && utf8[next] &- 0x30 < 10 ? .some(nil) : .some(Double(value))
        default: return nil  // a decimal point, a letter, a slash: the general reading decides
        }
    }

    /// Parses a cell on a given scale; `nil` when the cell is empty, not a score, or outside the scale.
    public static func score(_ text: String, scale: ScoreScale) -> Score? {
        if scale == .goodBad {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "good", "good, i'm satisfied", "satisfied": return Score(value: 1, scale: .goodBad)
            case "bad", "bad, i'm unsatisfied", "unsatisfied": return Score(value: 0, scale: .goodBad)
            default: return nil  // offered, unoffered, empty: no verdict was given
            }
        }
        guard let value = leadingNumber(text) else { return nil }
        return Score(value: value, scale: scale)
    }
}
