import EarshotModel
import Foundation

/// Renders a ``WeeklyReport`` as Markdown for chat and wikis: tables and quotes, no HTML.
public struct MarkdownRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as Markdown text, ending in a newline.
    public func render(_ report: WeeklyReport) -> String {
        var out: [String] = []
        let headline = report.headline
        out.append("# Customer feedback, week \(report.week) (\(report.weekStart) to \(report.weekEnd), \(report.timeZone))")
        out.append("")
        out.append("## Headline")
        out.append("")
        out.append("- **Responses:** \(headline.responses)")
        out.append("- **Tickets:** \(headline.tickets) (last week \(headline.ticketsLastWeek)\(change(headline.tickets, headline.ticketsLastWeek)))")
        if let nps = headline.nps {
            out.append("- **NPS:** \(signed(nps.score)) ± \(format(nps.marginOfError)) (95%), \(nps.respondents) answers: \(nps.promoters) promoters, \(nps.passives) passives, \(nps.detractors) detractors")
        }
        if let last = headline.npsLastWeek { out.append("- **NPS last week:** \(signed(last.score)) ± \(format(last.marginOfError))") }
        if let baseline = headline.npsBaseline { out.append("- **NPS, 4-week baseline:** \(signed(baseline.score)) ± \(format(baseline.marginOfError))") }
        out.append("")
        out.append(escape(headline.npsVerdict))
        out.append("")
        out.append("## Themes this week")
        out.append("")
        if report.themes.isEmpty {
            out.append("No theme has records this week.")
        } else {
            out.append("| Theme | Records | Share | Last week | Detractors | Sources |")
            out.append("|---|---:|---:|---:|---:|---|")
            for theme in report.themes {
                let detractors = theme.detractorShare.map(percent) ?? "–"
                out.append("| \(escapeCell(theme.label)) | \(theme.volume) | \(percent(theme.share)) | \(theme.volumeLastWeek) | \(detractors) | \(escapeCell(theme.sources.joined(separator: ", "))) |")
            }
            for theme in report.themes {
                out.append("")
                out.append("### \(escape(theme.label)) (`\(theme.id)`)")
                out.append("")
                out.append("Keywords: \(theme.keywords.map(escape).joined(separator: ", ")). 12-week trend: \(theme.trend.map(String.init).joined(separator: " "))")
                for quote in theme.quotes {
                    out.append("")
                    out.append("> \(escape(quote.text))")
                    out.append(">")
                    out.append("> — \(escape(quote.source)), \(quote.date), `\(quote.recordID.replacingOccurrences(of: "`", with: "'"))`")
                }
            }
        }
        out.append("")
        out.append("## Data health")
        out.append("")
        let health = report.dataHealth
        out.append("- Files ingested: \(health.files); rows read: \(health.rowsRead)")
        out.append("- Records: \(health.records); merged duplicates: \(health.mergedDuplicates); quarantined rows: \(health.quarantined)")
        out.append("- Records this week with a theme: \(percent(health.themedShare))")
        for reason in health.quarantineReasons.prefix(10) {
            out.append("- Quarantined \(reason.count)×: \(escape(reason.reason))")
        }
        out.append("")
        out.append("## How it was made")
        out.append("")
        out.append("Earshot \(report.provenance.earshotVersion); earshot.toml SHA-256 `\(report.provenance.configSHA256)`.")
        out.append("")
        out.append("| File | Source | SHA-256 |")
        out.append("|---|---|---|")
        for file in report.provenance.inputFiles {
            out.append("| \(escapeCell(file.fileName)) | \(escapeCell(file.source)) | `\(file.sha256)` |")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
    private func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + format(value) }
    private func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
    private func change(_ now: Int, _ before: Int) -> String {
        guard before > 0 else { return "" }
        return String(format: ", %+.0f%%", (Double(now) - Double(before)) / Double(before) * 100)
    }

    /// Customer text must not become Markdown structure, links or HTML.
    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "(", ")", "&":
                result.append("\\")
                result.append(character)
            case "\n", "\r": result.append(" ")
            default: result.append(character)
            }
        }
        return result
    }

    private func escapeCell(_ text: String) -> String { escape(text) }
}
