import EarshotModel
import Foundation

/// The words and number formats that the Markdown and HTML forms share, so both tell the same story.
enum ReportText {
    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    static func signed(_ value: Double) -> String { (value > 0 ? "+" : value < 0 ? "−" : "") + number(abs(value)) }

    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }

    /// "0.0012", "0.04", "0.31": enough digits to compare with 0.05.
    static func qValue(_ value: Double) -> String {
        value < 0.001 ? "<0.001" : value < 0.01 ? String(format: "%.3f", value) : String(format: "%.2f", value)
    }

    /// The change of a count, as "+14%" or "new" or "".
    static func change(_ now: Int, _ before: Int) -> String {
        guard before > 0 else { return now > 0 ? "none before" : "" }
        return String(format: "%+.0f%%", (Double(now) - Double(before)) / Double(before) * 100).replacingOccurrences(of: "-", with: "−")
    }

    /// A verdict with its marker: "▲ new", "▲ rising", "▼ fading", "steady", "too few to say".
    static func verdict(_ verdict: TrendVerdict) -> String {
        switch verdict {
        case .new: "▲ new"
        case .rising: "▲ rising"
        case .falling: "▼ fading"
        case .steady: "steady"
        case .tooFew: "too few to say"
        }
    }

    /// The verdict with its evidence: "▲ rising: 12% against 5% before (q 0.004)".
    static func verdictWithEvidence(_ theme: WeeklyReport.ThemeLine) -> String {
        switch theme.verdict {
        case .tooFew: return verdict(theme.verdict)
        default:
            return "\(verdict(theme.verdict)): \(percent(theme.share)) against \(percent(theme.baselineShare)) before (q \(qValue(theme.qValue)))"
        }
    }

    /// "10 zendesk, 3 typeform"; with `limit`, the biggest ones and "+2 more".
    static func sources(_ sources: [SourceCount], limit: Int? = nil) -> String {
        let shown = sources.prefix(limit ?? sources.count).map { "\($0.records) \($0.source)" }.joined(separator: ", ")
        let hidden = sources.count - min(sources.count, limit ?? sources.count)
        return hidden > 0 ? "\(shown) +\(hidden) more" : shown
    }

    /// "+12.3 ± 4.5".
    static func pointsAtStake(_ theme: WeeklyReport.ThemeLine) -> String? {
        guard let points = theme.npsPointsAtStake else { return nil }
        let margin = theme.npsPointsAtStakeMargin.map { " ± \(number($0))" } ?? ""
        return "+\(number(points))\(margin)"
    }

    /// Eight-level block characters, for plain-text sparklines.
    static func sparkline(_ values: [Int]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        let maximum = max(values.max() ?? 0, 1)
        return String(values.map { blocks[min(7, $0 * 7 / maximum)] })
    }

    static func emotionName(_ emotion: Emotion) -> String {
        switch emotion {
        case .frustration: "Frustration"
        case .confusion: "Confusion"
        case .urgency: "Urgency"
        case .delight: "Delight"
        }
    }

    /// How the theme ranking reads, with or without 0–10 answers in the week.
    static func ranking(hasNPS: Bool) -> String {
        hasNPS
            ? "Ranked by the NPS points at stake (what this week's NPS would gain if the theme's detractors had been passives, with its 95% margin), then by volume."
            : "Ranked by volume: no 0–10 scores came in this week, so there is no NPS impact to rank by; “Frustrated” is the share of the theme's records with frustration cues."
    }

    /// Whether any theme line carries NPS figures: without them the NPS columns give way to frustration.
    static func hasNPS(_ report: WeeklyReport) -> Bool {
        report.themes.contains { $0.npsPointsAtStake != nil }
    }

    /// How a taxonomy change reads: "“CSV export” (T0002) born: keywords: export, csv".
    static func change(_ note: WeeklyReport.TaxonomyChange) -> String {
        let change = note.change
        let related = change.relatedThemeID.map { id in note.relatedLabel.map { " (with “\($0)”, \(id))" } ?? " (with \(id))" } ?? ""
        return "“\(note.label)” (\(change.themeID)) \(change.kind.rawValue)\(related): \(change.evidence)"
    }

    /// "1 record", "12 records".
    static func records(_ count: Int) -> String { count == 1 ? "1 record" : "\(count) records" }
}
