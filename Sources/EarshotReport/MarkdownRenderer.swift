import EarshotModel
import Foundation

/// Renders a ``WeeklyReport`` as Markdown for chat and wikis: tables and quotes, no HTML.
public struct MarkdownRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as Markdown text, ending in a newline.
    public func render(_ report: WeeklyReport) -> String {
        var out: [String] = []
        out.append("# Customer feedback, week \(report.week) (\(report.weekStart) to \(report.weekEnd), \(escape(report.timeZone)))")
        headline(report, into: &out)
        themes(report, into: &out)
        movers(report, into: &out)
        emotions(report, into: &out)
        segments(report, into: &out)
        mustRead(report, into: &out)
        health(report, into: &out)
        provenance(report, into: &out)
        return out.joined(separator: "\n") + "\n"
    }

    private func headline(_ report: WeeklyReport, into out: inout [String]) {
        let headline = report.headline
        out += ["", "## Headline", ""]
        out.append("- **Responses:** \(headline.responses) (last week \(headline.responsesLastWeek))")
        if headline.tickets > 0 || headline.ticketsLastWeek > 0 {
            let change = ReportText.change(headline.tickets, headline.ticketsLastWeek)
            out.append("- **Tickets:** \(headline.tickets) (last week \(headline.ticketsLastWeek)\(change.isEmpty ? "" : ", \(change)"))")
        }
        if let nps = headline.nps {
            out.append("- **NPS:** \(ReportText.signed(nps.score)) ± \(ReportText.number(nps.marginOfError)) (95%), \(nps.respondents) answers: \(nps.promoters) promoters, \(nps.passives) passives, \(nps.detractors) detractors")
        }
        if let last = headline.npsLastWeek, let change = headline.changeFromLastWeek {
            out.append("- **Against last week** (\(ReportText.signed(last.score))): \(changeText(change))")
        }
        if let baseline = headline.npsBaseline, let change = headline.changeFromBaseline {
            out.append("- **Against the 4-week baseline** (\(ReportText.signed(baseline.score))): \(changeText(change))")
        }
        out.append("")
        out.append(headline.summary.map(escape).joined(separator: " "))
        if report.volumeByWeek.contains(where: { $0.records > 0 }) {
            out.append("")
            out.append("Records per week, oldest first: `\(ReportText.sparkline(report.volumeByWeek.map(\.records)))` (\(report.volumeByWeek.map { String($0.records) }.joined(separator: ", ")))")
        }
    }

    private func changeText(_ change: WeeklyReport.NPSChange) -> String {
        "\(ReportText.signed(change.points)) ± \(ReportText.number(change.marginOfError)) points, \(change.isReal ? "**a real change**" : "within noise")"
    }

    private func themes(_ report: WeeklyReport, into out: inout [String]) {
        out += ["", "## Themes that matter", ""]
        guard !report.themes.isEmpty else {
            out.append("No theme has records this week.")
            return
        }
        let hasNPS = ReportText.hasNPS(report)
        out.append(ReportText.ranking(hasNPS: hasNPS))
        out.append("")
        let scoreHeaders = hasNPS ? "Detractors | NPS impact | Points at stake" : "Frustrated"
        out.append("| # | Theme | Records | Share | Change | \(scoreHeaders) | Sources | Weekly trend |")
        out.append("|---:|---|---:|---:|---|" + (hasNPS ? "---:|---:|---:|" : "---:|") + "---|---|")
        for (index, theme) in report.themes.enumerated() {
            let scoreCells = hasNPS
                ? [theme.detractorShare.map(ReportText.percent) ?? "–", theme.npsImpact.map(ReportText.signed) ?? "–",
                   ReportText.pointsAtStake(theme) ?? "–"]
                : [ReportText.percent(theme.frustrationShare)]
            let cells = [
                "\(index + 1)", "\(escape(theme.label)) `\(theme.id)`", "\(theme.volume)", ReportText.percent(theme.share),
                escape(ReportText.verdict(theme.verdict)),
            ] + scoreCells + [
                escape(ReportText.sources(theme.sources, limit: 3)), "`\(ReportText.sparkline(theme.trend))`",
            ]
            out.append("| " + cells.joined(separator: " | ") + " |")
        }
        for (index, theme) in report.themes.enumerated() {
            out += ["", "### \(index + 1). \(escape(theme.label)) (`\(theme.id)`)", ""]
            var facts = "**\(ReportText.records(theme.volume))** (\(ReportText.percent(theme.share)) of the week), \(theme.volumeLastWeek) last week; \(escape(ReportText.verdictWithEvidence(theme)))."
            if let detractors = theme.detractorShare { facts += " Detractors: \(ReportText.percent(detractors))." }
            facts += " Frustrated: \(ReportText.percent(theme.frustrationShare))."
            if let impact = theme.npsImpact { facts += " NPS impact \(ReportText.signed(impact)) points" }
            if let stake = ReportText.pointsAtStake(theme) { facts += "; \(stake) points if its detractors were passives." }
            out.append(facts)
            out.append("")
            out.append("Keywords: \(theme.keywords.map(escape).joined(separator: ", ")). Sources: \(escape(ReportText.sources(theme.sources))). By week: \(theme.trend.map(String.init).joined(separator: " ")).")
            for quote in theme.quotes { self.quote(quote, into: &out) }
            if let counter = theme.counterQuote {
                out += ["", "On the other side:"]
                self.quote(counter, into: &out)
            }
        }
    }

    private func quote(_ quote: WeeklyReport.Quote, into out: inout [String], note: String? = nil) {
        out.append("")
        out.append("> \(escape(quote.text))")
        out.append(">")
        var footer = "> — \(escape(quote.source)), \(quote.date)"
        if let score = quote.score { footer += ", score \(Int(score))" }
        footer += ", `\(quote.recordID.replacingOccurrences(of: "`", with: "'"))`"
        if !quote.matchedTerms.isEmpty { footer += " · matched: \(quote.matchedTerms.prefix(6).map(escape).joined(separator: ", "))" }
        if let note { footer += " · \(escape(note))" }
        out.append(footer)
    }

    private func movers(_ report: WeeklyReport, into out: inout [String]) {
        let movers = report.movers
        out += ["", "## New and rising", ""]
        let up = movers.new.map { ($0, "new") } + movers.rising.map { ($0, "rising") }
        if up.isEmpty { out.append("No theme is new or rising beyond chance this week.") }
        for (move, word) in up { out.append("- ▲ " + moveText(move, word)) }
        out += ["", "## Fading", ""]
        if movers.fading.isEmpty { out.append("No theme fell beyond chance this week.") }
        for move in movers.fading { out.append("- ▼ " + moveText(move, "fading")) }
        out += ["", "## Held steady", ""]
        if movers.heldSteady.isEmpty { out.append("No big theme to report as steady.") }
        for move in movers.heldSteady {
            out.append("- \(escape(move.label)) (`\(move.id)`): \(ReportText.records(move.volume)), \(ReportText.percent(move.share)) against \(ReportText.percent(move.baselineShare)) before")
        }
        out += ["", "_\(escape(movers.method))_"]
    }

    private func moveText(_ move: WeeklyReport.ThemeMove, _ word: String) -> String {
        "**\(escape(move.label))** (`\(move.id)`): \(word), \(ReportText.records(move.volume)), \(ReportText.percent(move.share)) of the week against \(ReportText.percent(move.baselineShare)) before (q \(ReportText.qValue(move.qValue)))"
    }

    private func emotions(_ report: WeeklyReport, into out: inout [String]) {
        out += ["", "## Emotion", ""]
        guard !report.emotions.isEmpty else {
            out.append("No records this week.")
            return
        }
        out.append("| Emotion | Records | Share | Last week | Where it concentrates |")
        out.append("|---|---:|---:|---:|---|")
        for line in report.emotions {
            let places = line.themes.map { "\(escape($0.label)) (\(ReportText.percent($0.share)), ×\(ReportText.number($0.lift)))" }
            out.append("| \(ReportText.emotionName(line.emotion)) | \(line.records) | \(ReportText.percent(line.share)) | \(ReportText.percent(line.shareLastWeek)) | \(places.isEmpty ? "–" : places.joined(separator: ", ")) |")
        }
        for line in report.emotions {
            guard let example = line.example else { continue }
            quote(example, into: &out, note: ReportText.emotionName(line.emotion).lowercased())
        }
    }

    private func segments(_ report: WeeklyReport, into out: inout [String]) {
        out += ["", "## Segments", ""]
        guard !report.segments.isEmpty else {
            out.append("No segment holds a top theme significantly more than the rest of the week (Benjamini–Hochberg across every theme × segment, q ≤ 0.05, lift ≥ 1.5).")
            return
        }
        out.append("| Theme | Segment | Theme records / segment records | Share there | Lift | q |")
        out.append("|---|---|---:|---:|---:|---:|")
        for segment in report.segments {
            out.append("| \(escape(segment.label)) | \(escape(segment.attribute)) = \(escape(segment.value)) | \(segment.themeRecords) / \(segment.segmentRecords) | \(ReportText.percent(segment.share)) | ×\(ReportText.number(segment.lift)) | \(ReportText.qValue(segment.qValue)) |")
        }
    }

    private func mustRead(_ report: WeeklyReport, into out: inout [String]) {
        out += ["", "## If you read only ten comments this week, read these"]
        if report.mustRead.isEmpty { out += ["", "No comments this week."] }
        for (index, item) in report.mustRead.enumerated() {
            out += ["", "**\(index + 1). \(escape(item.label))** (`\(item.themeID)`), \(escape(item.reason)):"]
            quote(item.quote, into: &out)
        }
    }

    private func health(_ report: WeeklyReport, into out: inout [String]) {
        let health = report.dataHealth
        out += ["", "## Data health", ""]
        out.append("- Files ingested: \(health.files); rows read: \(health.rowsRead)")
        out.append("- Records: \(health.records); merged duplicates: \(health.mergedDuplicates); quarantined rows: \(health.quarantined)")
        out.append("- Records this week with a theme: \(ReportText.percent(health.themedShare))")
        for reason in health.quarantineReasons.prefix(10) {
            out.append("- Quarantined \(reason.count)×: \(escape(reason.reason))")
        }
    }

    private func provenance(_ report: WeeklyReport, into out: inout [String]) {
        let provenance = report.provenance
        out += ["", "## How it was made", ""]
        out.append("Earshot \(escape(provenance.earshotVersion)); earshot.toml SHA-256 `\(provenance.configSHA256)`.")
        out.append("")
        out.append("| File | Source | SHA-256 |")
        out.append("|---|---|---|")
        for file in provenance.inputFiles {
            out.append("| \(escape(file.fileName)) | \(escape(file.source)) | `\(file.sha256)` |")
        }
        if !provenance.themeChanges.isEmpty {
            out += ["", "Taxonomy changes recorded this week:", ""]
            for change in provenance.themeChanges {
                out.append("- \(escape(ReportText.change(change)))")
            }
        }
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
}
