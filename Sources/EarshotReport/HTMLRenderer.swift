import EarshotModel
import Foundation

/// Renders a ``WeeklyReport`` as one self-contained HTML file: inline CSS and SVG, no script, no network.
///
/// Every piece of customer text and every theme name is escaped (``HTMLText``); charts carry text alternatives; the
/// palette (Okabe–Ito) stays readable for colour-blind readers and in print; tables scroll on a phone.
public struct HTMLRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as an HTML document.
    public func render(_ report: WeeklyReport) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>Customer feedback, week \(report.week)</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <main>
            <header><h1>Customer feedback, week \(report.week)</h1>
            <p class="sub">\(report.weekStart) to \(report.weekEnd), \(e(report.timeZone)) · <a href="#h-themes">Themes</a> · <a href="#h-movers">New and rising</a> · <a href="#h-emotion">Emotion</a> · <a href="#h-segments">Segments</a> · <a href="#h-read">Ten to read</a> · <a href="#h-health">Data health</a></p></header>

            """
        html += headline(report)
        html += themes(report)
        html += movers(report)
        html += emotions(report)
        html += segments(report)
        html += mustRead(report)
        html += health(report)
        html += provenance(report)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private func headline(_ report: WeeklyReport) -> String {
        let headline = report.headline
        var cards = card("Responses", "\(headline.responses)", "last week \(headline.responsesLastWeek)")
        if headline.tickets > 0 || headline.ticketsLastWeek > 0 {
            let change = ReportText.change(headline.tickets, headline.ticketsLastWeek)
            cards += card("Tickets", "\(headline.tickets)", "last week \(headline.ticketsLastWeek)\(change.isEmpty ? "" : " (\(change))")")
        }
        if let nps = headline.nps {
            cards += card("NPS", ReportText.signed(nps.score), "± \(ReportText.number(nps.marginOfError)) (95%) · \(nps.respondents) answers")
        }
        if let change = headline.changeFromLastWeek {
            cards += card("vs last week", ReportText.signed(change.points), "± \(ReportText.number(change.marginOfError)) · \(change.isReal ? "real change" : "within noise")", highlight: change.isReal)
        }
        if let change = headline.changeFromBaseline {
            cards += card("vs 4-week baseline", ReportText.signed(change.points), "± \(ReportText.number(change.marginOfError)) · \(change.isReal ? "real change" : "within noise")", highlight: change.isReal)
        }
        let hasNPS = report.volumeByWeek.contains { $0.nps != nil }
        return """
            <section aria-labelledby="h-headline"><h2 id="h-headline">Headline</h2>
            <div class="cards">\(cards)</div>
            <p class="verdict">\(headline.summary.map(e).joined(separator: " "))</p>
            <figure>\(HTMLCharts.weeklyChart(report.volumeByWeek, current: report.week))
            <figcaption>Records per week, up to 12 weeks (this week dark blue)\(hasNPS ? "; the red line is the weekly NPS on a −100…+100 scale\(headline.nps.map { ", this week \(ReportText.signed($0.score))" } ?? "")" : "").</figcaption></figure>
            </section>

            """
    }

    private func themes(_ report: WeeklyReport) -> String {
        guard !report.themes.isEmpty else {
            return "<section aria-labelledby=\"h-themes\"><h2 id=\"h-themes\">Themes that matter</h2><p>No theme has records this week.</p></section>\n"
        }
        var rows = ""
        let maximumShare = report.themes.map(\.share).max() ?? 1
        let hasNPS = ReportText.hasNPS(report)
        for (index, theme) in report.themes.enumerated() {
            let scoreCells = hasNPS
                ? "<td class=\"num\">\(theme.detractorShare.map(ReportText.percent) ?? "–")</td><td class=\"num\">\(theme.npsImpact.map(ReportText.signed) ?? "–")</td><td class=\"num\">\(ReportText.pointsAtStake(theme) ?? "–")</td>"
                : "<td class=\"num\">\(ReportText.percent(theme.frustrationShare))</td>"
            rows += """
                <tr><td class="num">\(index + 1)</td><td><a href="#\(theme.id)">\(e(theme.label))</a></td>
                <td class="num">\(theme.volume)</td>
                <td class="num">\(HTMLCharts.bar(theme.share, maximum: maximumShare, label: "\(ReportText.percent(theme.share)) of the week")) \(ReportText.percent(theme.share))</td>
                <td>\(badge(theme.verdict))</td>\(scoreCells)
                <td>\(HTMLCharts.sparkline(theme.trend))</td><td class="sources">\(e(ReportText.sources(theme.sources, limit: 3)))</td></tr>

                """
        }
        var details = ""
        for (index, theme) in report.themes.enumerated() {
            var facts = "<strong>\(ReportText.records(theme.volume))</strong> (\(ReportText.percent(theme.share)) of the week), \(theme.volumeLastWeek) last week; \(e(ReportText.verdictWithEvidence(theme)))."
            if let detractors = theme.detractorShare { facts += " Detractors: \(ReportText.percent(detractors))." }
            facts += " Frustrated: \(ReportText.percent(theme.frustrationShare))."
            if let impact = theme.npsImpact { facts += " NPS impact \(ReportText.signed(impact)) points" }
            if let stake = ReportText.pointsAtStake(theme) { facts += "; \(stake) points if its detractors were passives." }
            var quotes = theme.quotes.map { quote($0) }.joined()
            if let counter = theme.counterQuote {
                quotes += "<p class=\"counter-label\">On the other side:</p>" + quote(counter, kind: "counter")
            }
            details += """
                <article id="\(theme.id)"><h3>\(index + 1). \(e(theme.label)) <code>\(theme.id)</code></h3>
                <p>\(facts)</p>
                <p class="sub">Keywords: \(e(theme.keywords.joined(separator: ", "))) · sources: \(e(ReportText.sources(theme.sources)))</p>
                \(quotes)</article>

                """
        }
        return """
            <section aria-labelledby="h-themes"><h2 id="h-themes">Themes that matter</h2>
            <p class="sub">\(e(ReportText.ranking(hasNPS: hasNPS)))</p>
            <div class="scroll"><table class="themes"><thead><tr><th>#</th><th>Theme</th><th>Records</th><th>Share</th><th>Change</th>\(hasNPS ? "<th>Detractors</th><th>NPS impact</th><th>Points at stake</th>" : "<th>Frustrated</th>")<th>Weekly trend</th><th>Sources</th></tr></thead>
            <tbody>
            \(rows)</tbody></table></div>
            \(details)</section>

            """
    }

    private func movers(_ report: WeeklyReport) -> String {
        let movers = report.movers
        func items(_ moves: [WeeklyReport.ThemeMove], _ verdict: TrendVerdict) -> String {
            moves.map { move in
                "<li>\(badge(verdict)) <strong>\(e(move.label))</strong> <code>\(move.id)</code>: \(ReportText.records(move.volume)), \(ReportText.percent(move.share)) of the week against \(ReportText.percent(move.baselineShare)) before (q \(ReportText.qValue(move.qValue)))</li>"
            }.joined()
        }
        let up = items(movers.new, .new) + items(movers.rising, .rising)
        let down = items(movers.fading, .falling)
        let steady = movers.heldSteady.map {
            "<li>\(e($0.label)) <code>\($0.id)</code>: \(ReportText.records($0.volume)), \(ReportText.percent($0.share)) against \(ReportText.percent($0.baselineShare)) before</li>"
        }.joined()
        return """
            <section aria-labelledby="h-movers"><h2 id="h-movers">New and rising, fading, held steady</h2>
            <div class="columns">
            <div><h3>New and rising</h3>\(up.isEmpty ? "<p>No theme is new or rising beyond chance this week.</p>" : "<ul>\(up)</ul>")</div>
            <div><h3>Fading</h3>\(down.isEmpty ? "<p>No theme fell beyond chance this week.</p>" : "<ul>\(down)</ul>")</div>
            <div><h3>Held steady</h3>\(steady.isEmpty ? "<p>No big theme to report as steady.</p>" : "<ul>\(steady)</ul>")</div>
            </div>
            <p class="sub">\(e(movers.method))</p>
            </section>

            """
    }

    private func emotions(_ report: WeeklyReport) -> String {
        guard !report.emotions.isEmpty else { return "" }
        let maximum = report.emotions.map(\.share).max() ?? 1
        var rows = ""
        var examples = ""
        for line in report.emotions {
            let name = ReportText.emotionName(line.emotion)
            let places = line.themes.map { "\(e($0.label)) (\(ReportText.percent($0.share)), ×\(ReportText.number($0.lift)))" }
            rows += "<tr><td>\(name)</td><td class=\"num\">\(line.records)</td><td class=\"num\">\(HTMLCharts.bar(line.share, maximum: maximum, colour: HTMLCharts.blue, label: "\(ReportText.percent(line.share)) of the week")) \(ReportText.percent(line.share))</td><td class=\"num\">\(ReportText.percent(line.shareLastWeek))</td><td>\(places.isEmpty ? "–" : places.joined(separator: ", "))</td></tr>"
            if let example = line.example { examples += "<h3>\(name)</h3>" + quote(example) }
        }
        return """
            <section aria-labelledby="h-emotion"><h2 id="h-emotion">Emotion</h2>
            <p class="sub">Records whose words show each emotion (a small lexicon with negation: “not great” is frustration), and the themes where it is most over-represented (lift = its share in the theme over its share in the week).</p>
            <div class="scroll"><table><thead><tr><th>Emotion</th><th>Records</th><th>Share</th><th>Last week</th><th>Where it concentrates</th></tr></thead><tbody>\(rows)</tbody></table></div>
            \(examples)
            </section>

            """
    }

    private func segments(_ report: WeeklyReport) -> String {
        let body: String
        if report.segments.isEmpty {
            body = "<p>No segment holds a top theme significantly more than the rest of the week (Benjamini–Hochberg across every theme × segment, q ≤ 0.05, lift ≥ 1.5).</p>"
        } else {
            let rows = report.segments.map { segment in
                "<tr><td>\(e(segment.label))</td><td>\(e(segment.attribute)) = \(e(segment.value))</td><td class=\"num\">\(segment.themeRecords) / \(segment.segmentRecords)</td><td class=\"num\">\(ReportText.percent(segment.share))</td><td class=\"num\">×\(ReportText.number(segment.lift))</td><td class=\"num\">\(ReportText.qValue(segment.qValue))</td></tr>"
            }.joined()
            body = "<div class=\"scroll\"><table><thead><tr><th>Theme</th><th>Segment</th><th>Theme / segment records</th><th>Share there</th><th>Lift</th><th>q</th></tr></thead><tbody>\(rows)</tbody></table></div>"
        }
        return "<section aria-labelledby=\"h-segments\"><h2 id=\"h-segments\">Segments</h2>\n\(body)\n</section>\n\n"
    }

    private func mustRead(_ report: WeeklyReport) -> String {
        let items = report.mustRead.map { item in
            "<li><p class=\"why\"><strong>\(e(item.label))</strong> <code>\(e(item.themeID))</code>, \(e(item.reason))</p>\(quote(item.quote))</li>"
        }.joined()
        return """
            <section aria-labelledby="h-read"><h2 id="h-read">If you read only ten comments this week, read these</h2>
            \(items.isEmpty ? "<p>No comments this week.</p>" : "<ol class=\"read\">\(items)</ol>")
            </section>

            """
    }

    private func health(_ report: WeeklyReport) -> String {
        let health = report.dataHealth
        let reasons = health.quarantineReasons.prefix(10).map { "<li>\($0.count)× \(e($0.reason))</li>" }.joined()
        return """
            <section aria-labelledby="h-health"><h2 id="h-health">Data health</h2>
            <p>\(health.files) files, \(health.rowsRead) rows read: \(health.records) records, \(health.mergedDuplicates) merged duplicates, \(health.quarantined) quarantined. \(ReportText.percent(health.themedShare)) of this week's records have a theme.</p>
            \(reasons.isEmpty ? "" : "<ul>\(reasons)</ul>")
            </section>

            """
    }

    private func provenance(_ report: WeeklyReport) -> String {
        let provenance = report.provenance
        let rows = provenance.inputFiles.map {
            "<tr><td>\(e($0.fileName))</td><td>\(e($0.source))</td><td><code>\(e($0.sha256))</code></td></tr>"
        }.joined()
        let changes = provenance.themeChanges.map { "<li>\(e(ReportText.change($0)))</li>" }.joined()
        return """
            <section aria-labelledby="h-made"><h2 id="h-made">How it was made</h2>
            <p>Earshot \(e(provenance.earshotVersion)); earshot.toml SHA-256 <code>\(e(provenance.configSHA256))</code>.</p>
            <div class="scroll"><table class="files"><thead><tr><th>File</th><th>Source</th><th>SHA-256</th></tr></thead><tbody>\(rows)</tbody></table></div>
            \(changes.isEmpty ? "" : "<h3>Taxonomy changes recorded this week</h3><ul>\(changes)</ul>")
            </section>

            """
    }

    private func quote(_ quote: WeeklyReport.Quote, kind: String = "", note: String? = nil) -> String {
        var footer = "\(e(quote.source)), \(e(quote.date))"
        if let score = quote.score { footer += ", score \(Int(score))" }
        footer += ", <code>\(e(quote.recordID))</code>"
        if let note { footer += " · \(e(note))" }
        let kindClass = kind.isEmpty ? "" : " class=\"\(kind)\""
        return "<blockquote\(kindClass)><p>\(HTMLText.highlighted(quote.text, terms: quote.matchedTerms))</p><footer>\(footer)</footer></blockquote>\n"
    }

    private func badge(_ verdict: TrendVerdict) -> String {
        "<span class=\"badge \(verdict.rawValue)\">\(e(ReportText.verdict(verdict)))</span>"
    }

    private func card(_ title: String, _ value: String, _ note: String, highlight: Bool = false) -> String {
        "<div class=\"card\(highlight ? " real" : "")\"><div class=\"label\">\(e(title))</div><div class=\"value\">\(e(value))</div><div class=\"note\">\(e(note))</div></div>"
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }

    private static let style = """
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0}
        main{max-width:1000px;margin:0 auto;padding:16px}
        h1{font-size:1.6em;margin:.2em 0}h2{border-bottom:2px solid #0072B2;padding-bottom:4px;margin-top:1.6em}h3{margin:1.2em 0 .3em}
        a{color:#0072B2}.sub{color:#555;margin:.2em 0}.cards{display:flex;flex-wrap:wrap;gap:12px}
        .card{border:1px solid #ddd;border-radius:8px;padding:10px 14px;min-width:140px;flex:1}
        .card.real{border-color:#D55E00;box-shadow:inset 4px 0 0 #D55E00}
        .card .label{color:#555;font-size:.85em}.card .value{font-size:1.7em;font-weight:600}.card .note{color:#555;font-size:.8em}
        .verdict{background:#f4f8fb;border-left:4px solid #0072B2;padding:8px 12px}
        svg text{font-size:9px;fill:#555}svg.weekly{width:100%;max-width:640px;height:auto}figure{margin:12px 0}figcaption{color:#555;font-size:.85em}
        table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid #eee;padding:6px;text-align:left;vertical-align:middle}
        th{font-size:.85em;color:#333}td.num{text-align:right;white-space:nowrap}td.sources{font-size:.85em;color:#444}
        svg.bar{width:60px;height:10px;vertical-align:middle}svg.spark{width:92px;height:22px;vertical-align:middle}
        .badge{display:inline-block;padding:0 6px;border-radius:4px;font-size:.85em;white-space:nowrap;border:1px solid #999}
        .badge.new,.badge.rising{background:#fbe3d4;border-color:#D55E00;color:#7a2e00}.badge.falling{background:#d8ecf7;border-color:#0072B2;color:#003a5c}
        .badge.steady{background:#f2f2f2}.badge.tooFew{color:#666;border-style:dashed}
        blockquote{margin:8px 0;padding:6px 12px;border-left:4px solid #E69F00;background:#fffaf0}
        blockquote.counter{border-left-color:#009E73;background:#eef8f4}.counter-label{margin:.6em 0 0;color:#555;font-size:.85em}
        blockquote p{margin:0 0 4px}blockquote footer{color:#555;font-size:.85em}mark{background:#ffe8a3;color:inherit;padding:0 1px}
        code{font-size:.85em;word-break:break-all}table.files td{font-size:.85em}
        .columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:12px}.columns ul{padding-left:1.1em}
        ol.read{padding-left:1.4em}.why{margin:.6em 0 0}ol.read blockquote{margin:4px 0 10px}
        .scroll{overflow-x:auto}
        @media (max-width:640px){table{font-size:.85em}svg.bar{display:none}.card{min-width:120px}table.themes th:nth-last-child(-n+2),table.themes td:nth-last-child(-n+2){display:none}}
        @media print{a{color:inherit;text-decoration:none}h2{break-after:avoid}article,blockquote,tr{break-inside:avoid}.scroll{overflow:visible}}
        """
}
