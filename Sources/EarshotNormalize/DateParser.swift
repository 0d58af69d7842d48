import Foundation
import EarshotModel

/// A timestamp as read from a cell: a wall-clock time, and the UTC offset when the cell states one.
public struct ParsedTimestamp: Sendable, Hashable {
    /// The wall-clock time written in the cell.
    public var civil: CivilDateTime
    /// The offset from UTC in seconds, when the cell says (`Z`, `+02:00`, `-0800`, `UTC`), or epoch time was given.
    public var utcOffsetSeconds: Int?
}

/// How to read the `a/b/yyyy` dates of one column.
public enum DayMonthOrder: String, Sendable, Hashable, Codable {
    /// `14/01/2025`: day first (Freshdesk, UK exports).
    case dayFirst = "day-first"
    /// `1/15/2025`: month first (Google Sheets, Excel US).
    case monthFirst = "month-first"
}

/// Reads the date formats feedback tools write, without a locale and without `DateFormatter`.
///
/// Recognised: ISO 8601 with or without `T`, seconds, fractions, `Z` or an offset (`2015-02-24 11:35:52 -0800`);
/// `a/b/yyyy[ H:mm[:ss]][ AM|PM]` in either day/month order; `yyyy/MM/dd h:mm:ss a`; `dd/MMM/yy h:mm a` (Jira);
/// `dd-MMM-yyyy`; epoch seconds (10 digits) and milliseconds (13 digits).
public enum DateParser {
    /// Parses one cell; `order` decides `a/b/yyyy` dates.
    public static func parse(_ text: String, order: DayMonthOrder) -> ParsedTimestamp? {
        parse(utf8: Array(text.utf8), order: order)
    }

    /// Parses one cell given as UTF-8 bytes; `order` decides `a/b/yyyy` dates.
    public static func parse(utf8 input: [UInt8], order: DayMonthOrder) -> ParsedTimestamp? {
        var lower = 0
        var upper = input.count
        while lower < upper, input[lower] == 0x20 || input[lower] == 0x09 { lower += 1 }
        while upper > lower, input[upper - 1] == 0x20 || input[upper - 1] == 0x09 { upper -= 1 }
        guard lower < upper else { return nil }
        let trimmed = lower == 0 && upper == input.count ? input : Array(input[lower..<upper])
        if let epoch = parseEpoch(trimmed) { return epoch }
        var scanner = Scanner(trimmed)
        guard let first = scanner.number() else { return nil }
        let separator = scanner.peek()
        if first.digits == 4, separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") {
            scanner.advance()
            guard let month = scanner.number(), scanner.take(separator!), let day = scanner.number() else { return nil }
            return finishTime(&scanner, year: first.value, month: month.value, day: day.value)
        }
        guard separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") || separator == UInt8(ascii: ".") else { return nil }
        scanner.advance()
        if let monthName = scanner.word(), let month = monthNumber(monthName) {
            guard scanner.take(separator!), let year = scanner.number() else { return nil }
            return finishTime(&scanner, year: expandYear(year), month: month, day: first.value)
        }
        guard let second = scanner.number(), scanner.take(separator!), let year = scanner.number() else { return nil }
        let (day, month) = order == .dayFirst ? (first.value, second.value) : (second.value, first.value)
        return finishTime(&scanner, year: expandYear(year), month: month, day: day)
    }

    /// The order a column's `a/b/yyyy` values force: a first part over 12 means day-first, a second part over 12
    /// month-first; `nil` when every value could be read either way.
    public static func forcedOrder(of text: String) -> DayMonthOrder? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "." })
        guard parts.count >= 3, parts[0].count <= 2, let first = Int(parts[0]), let second = Int(parts[1]) else { return nil }
        if first > 12 && second <= 12 { return .dayFirst }
        if second > 12 && first <= 12 { return .monthFirst }
        return nil
    }

    /// Whether a value is an `a/b/yyyy` date, whose order matters.
    public static func isSlashedNumericDate(_ text: String) -> Bool {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ").first?.split(separator: "/") ?? []
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) } && parts[0].count <= 2
    }

    private static func parseEpoch(_ bytes: [UInt8]) -> ParsedTimestamp? {
        guard bytes.count == 10 || bytes.count == 13, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var seconds = bytes.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
        if bytes.count == 13 { seconds /= 1000 }
        return ParsedTimestamp(civil: CivilDateTime(secondsSinceEpoch: seconds), utcOffsetSeconds: 0)
    }

    private static func expandYear(_ year: (value: Int, digits: Int)) -> Int {
        year.digits <= 2 ? 2000 + year.value : year.value
    }

    private static func finishTime(_ scanner: inout Scanner, year: Int, month: Int, day: Int) -> ParsedTimestamp? {
        var hour = 0
        var minute = 0
        var second = 0
        var offset: Int?
        if scanner.take(UInt8(ascii: "T")) || scanner.skipSpaces() {
            if let h = scanner.number(), scanner.take(UInt8(ascii: ":")), let m = scanner.number() {
                hour = h.value
                minute = m.value
                if scanner.take(UInt8(ascii: ":")), let s = scanner.number() {
                    second = s.value
                    if scanner.take(UInt8(ascii: ".")) || scanner.take(UInt8(ascii: ",")) { _ = scanner.number() }
                }
                _ = scanner.skipSpaces()
                if let meridiem = scanner.word()?.uppercased() {
                    if meridiem == "PM", hour < 12 { hour += 12 } else if meridiem == "AM", hour == 12 { hour = 0 }
                    else if meridiem == "UTC" || meridiem == "GMT" || meridiem == "Z" { offset = scanner.offset() ?? 0 }
                    _ = scanner.skipSpaces()
                }
            }
        }
        if offset == nil { offset = scanner.offset() }
        guard let civil = CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        return ParsedTimestamp(civil: civil, utcOffsetSeconds: offset)
    }

    private static func monthNumber(_ name: String) -> Int? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        return months.firstIndex(of: String(name.lowercased().prefix(3))).map { $0 + 1 }
    }
}

/// A byte cursor over a date cell.
private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }
    mutating func advance() { index += 1 }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() -> Bool {
        let start = index
        while peek() == UInt8(ascii: " ") { index += 1 }
        return index > start
    }

    mutating func number() -> (value: Int, digits: Int)? {
        var value = 0
        var digits = 0
        while let byte = peek(), byte >= 0x30, byte <= 0x39, digits < 9 {
            value = value * 10 + Int(byte - 0x30)
            digits += 1
            index += 1
        }
        return digits > 0 ? (value, digits) : nil
    }

    mutating func word() -> String? {
        let start = index
        while let byte = peek(), (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x7A { index += 1 }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    /// `Z`, `+02:00`, `-0800`, `+02`.
    mutating func offset() -> Int? {
        _ = skipSpaces()
        if take(UInt8(ascii: "Z")) { return 0 }
        guard let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        index += 1
        guard let first = number() else { return nil }
        var hours = first.value
        var minutes = 0
        if first.digits == 4 {
            hours = first.value / 100
            minutes = first.value % 100
        } else if take(UInt8(ascii: ":")), let m = number() {
            minutes = m.value
        }
        let total = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -total : total
    }
}
