import EarshotModel
import Foundation

/// Reads scores as tools write them: `9`, `9 - Very likely`, `4.5`, `Good`/`Bad`.
public enum ScoreParser {
    /// The leading number of a cell (`9 - Very likely` → 9), or `nil`.
    public static func leadingNumber(_ text: String) -> Double? {
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
