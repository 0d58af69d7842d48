import EarshotModel

/// Tallies which day/month order a column's `a/b/yyyy` values force.
struct DateOrderEvidence {
    var dayFirst = 0
    var monthFirst = 0
    var slashed = 0

    mutating func tally(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        func number() -> (value: Int, digits: Int)? {
            var value = 0
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, digits < 5 {
                value = value * 10 + Int(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
            return digits > 0 ? (value, digits) : nil
        }
        guard let first = number(), first.digits <= 2, index < bytes.count, bytes[index] == UInt8(ascii: "/") else { return }
        index += 1
        guard let second = number(), second.digits <= 2, index < bytes.count, bytes[index] == UInt8(ascii: "/") else { return }
        index += 1
        guard number() != nil else { return }
        slashed += 1
        if first.value > 12 && second.value <= 12 { dayFirst += 1 }
        if second.value > 12 && first.value <= 12 { monthFirst += 1 }
    }

    func decide(file: ExportFile, column created: Int, fallback: DayMonthOrder, diagnostics: inout [Diagnostic]) -> DayMonthOrder {
        guard slashed > 0 else { return fallback }
        let column = created < file.columns.count ? file.columns[created] : "#\(created + 1)"
        let location = SourceLocation(file: file.fileName, column: created + 1)
        if dayFirst > 0 && monthFirst > 0 {
            let order: DayMonthOrder = dayFirst >= monthFirst ? .dayFirst : .monthFirst
            diagnostics.append(Diagnostic(
                .warning,
                "column '\(column)' mixes day-first and month-first dates (\(dayFirst) vs \(monthFirst)); read as \(order.rawValue). Set created_at_format in a mapping to decide it.",
                at: location))
            return order
        }
        if dayFirst > 0 { return .dayFirst }
        if monthFirst > 0 { return .monthFirst }
        let other: DayMonthOrder = fallback == .monthFirst ? .dayFirst : .monthFirst
        diagnostics.append(Diagnostic(
            .warning,
            "every date in column '\(column)' could be day-first or month-first; read as \(fallback.rawValue). If that is wrong, set ambiguous_date_order = \"\(other.rawValue)\" under [workspace] in earshot.toml (or created_at_format in a mapping for this file).",
            at: location))
        return fallback
    }
}
