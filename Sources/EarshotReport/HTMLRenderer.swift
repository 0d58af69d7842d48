import EarshotModel
import Foundation

/// Renders a ``WeeklyReport`` as one self-contained HTML file: inline CSS and SVG, no script, no network.
///
/// Every piece of customer text and every theme name is escaped; charts carry text alternatives; the palette
/// (Okabe–Ito) stays readable for colour-blind readers and in print.
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
            <title>Customer feedback, week \(report.week)</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <main>
            <header><h1>Customer feedback, week \(report.week)</h1>
            <p class="sub">\(report.weekStart) to \(report.weekEnd), \(escape(report.timeZone))</p></header>

            """
        html += headline(report)
        html += themes(report)
        html += health(report)
        html += provenance(report)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private func headline(_ report: WeeklyReport) -> String {
        let headline = report.headline
        var cards = card("Responses", "\(headline.responses)", "this week")
        if headline.tickets > 0 || headline.ticketsLastWeek > 0 {
            cards += card("Tickets", "\(headline.tickets)", "last week \(headline.ticketsLastWeek)")
        }
        if let nps = headline.nps {
            cards += card("NPS", signed(nps.score), "± \(format(nps.marginOfError)) (95%), \(nps.respondents) answers")
        }
        if let baseline = headline.npsBaseline {
            cards += card("NPS baseline", signed(baseline.score), "previous 4 weeks")
        }
        let maximum = max(report.volumeByWeek.map(\.records).max() ?? 1, 1)
        let width = 560.0
        let barWidth = width / Double(max(report.volumeByWeek.count, 1))
        var bars = ""
        for (index, entry) in report.volumeByWeek.enumerated() {
            let height = Double(entry.records) / Double(maximum) * 80
            let x = Double(index) * barWidth
            let fill = entry.week == report.week ? "#0072B2" : "#9ecae1"
            bars += "<rect x=\"\(format(x + 2))\" y=\"\(format(90 - height))\" width=\"\(format(barWidth - 4))\" height=\"\(format(height))\" fill=\"\(fill)\"><title>\(entry.week): \(entry.records)</title></rect>"
            bars += "<text x=\"\(format(x + barWidth / 2))\" y=\"104\" text-anchor=\"middle\">W\(entry.week.week)</text>"
            bars += "<text x=\"\(format(x + barWidth / 2))\" y=\"\(format(max(8, 88 - height)))\" text-anchor=\"middle\">\(entry.records)</text>"
        }
        let alt = report.volumeByWeek.map { "\($0.week): \($0.records)" }.joined(separator: ", ")
        return """
            <section aria-labelledby="h-headline"><h2 id="h-headline">Headline</h2>
            <div class="cards">\(cards)</div>
            <p class="verdict">\(escape(headline.npsVerdict))</p>
            <figure><svg viewBox="0 0 \(Int(width)) 110" role="img" aria-label="Records per week: \(escape(alt))">\(bars)</svg>
            <figcaption>Records per week, last 12 weeks (this week in dark blue).</figcaption></figure>
            </section>

            """
    }

    private func themes(_ report: WeeklyReport) -> String {
        guard !report.themes.isEmpty else {
            return "<section aria-labelledby=\"h-themes\"><h2 id=\"h-themes\">Themes this week</h2><p>No theme has records this week.</p></section>\n"
        }
        var rows = ""
        let maximum = max(report.themes.map(\.volume).max() ?? 1, 1)
        for theme in report.themes {
            let width = Double(theme.volume) / Double(maximum) * 120
            let detractors = theme.detractorShare.map(percent) ?? "–"
            rows += """
                <tr><td><a href="#\(theme.id)">\(escape(theme.label))</a></td>
                <td class="num"><svg class="bar" viewBox="0 0 124 12" role="img" aria-label="\(theme.volume) records"><rect width="\(format(width))" height="12" fill="#E69F00"/></svg> \(theme.volume)</td>
                <td class="num">\(percent(theme.share))</td><td class="num">\(theme.volumeLastWeek)</td>
                <td class="num">\(detractors)</td><td>\(sparkline(theme.trend))</td><td>\(escape(theme.sources.joined(separator: ", ")))</td></tr>

                """
        }
        var details = ""
        for theme in report.themes {
            var quotes = ""
            for quote in theme.quotes {
                quotes += "<blockquote><p>\(escape(quote.text))</p><footer>\(escape(quote.source)), \(escape(quote.date)), <code>\(escape(quote.recordID))</code></footer></blockquote>\n"
            }
            details += """
                <article id="\(theme.id)"><h3>\(escape(theme.label)) <code>\(theme.id)</code></h3>
                <p class="sub">\(theme.volume) records this week · keywords: \(escape(theme.keywords.joined(separator: ", ")))</p>
                \(quotes)</article>

                """
        }
        return """
            <section aria-labelledby="h-themes"><h2 id="h-themes">Themes this week</h2>
            <div class="scroll"><table><thead><tr><th>Theme</th><th>Records</th><th>Share</th><th>Last week</th><th>Detractors</th><th>12 weeks</th><th>Sources</th></tr></thead>
            <tbody>
            \(rows)</tbody></table></div>
            \(details)</section>

            """
    }

    private func health(_ report: WeeklyReport) -> String {
        let health = report.dataHealth
        var reasons = ""
        for reason in health.quarantineReasons.prefix(10) {
            reasons += "<li>\(reason.count)× \(escape(reason.reason))</li>"
        }
        return """
            <section aria-labelledby="h-health"><h2 id="h-health">Data health</h2>
            <p>\(health.files) files, \(health.rowsRead) rows read: \(health.records) records, \(health.mergedDuplicates) merged duplicates, \(health.quarantined) quarantined. \(percent(health.themedShare)) of this week's records have a theme.</p>
            \(reasons.isEmpty ? "" : "<ul>\(reasons)</ul>")
            </section>

            """
    }

    private func provenance(_ report: WeeklyReport) -> String {
        var rows = ""
        for file in report.provenance.inputFiles {
            rows += "<tr><td>\(escape(file.fileName))</td><td>\(escape(file.source))</td><td><code>\(file.sha256)</code></td></tr>"
        }
        return """
            <section aria-labelledby="h-made"><h2 id="h-made">How it was made</h2>
            <p>Earshot \(escape(report.provenance.earshotVersion)); earshot.toml SHA-256 <code>\(report.provenance.configSHA256)</code>.</p>
            <table class="files"><thead><tr><th>File</th><th>Source</th><th>SHA-256</th></tr></thead><tbody>\(rows)</tbody></table>
            </section>

            """
    }

    private func card(_ title: String, _ value: String, _ note: String) -> String {
        "<div class=\"card\"><div class=\"label\">\(escape(title))</div><div class=\"value\">\(escape(value))</div><div class=\"note\">\(escape(note))</div></div>"
    }

    private func sparkline(_ values: [Int]) -> String {
        let maximum = Double(max(values.max() ?? 1, 1))
        let step = 80.0 / Double(max(values.count - 1, 1))
        let points = values.enumerated().map { "\(format(Double($0.offset) * step)),\(format(18 - Double($0.element) / maximum * 16))" }
        let alt = values.map(String.init).joined(separator: ", ")
        return "<svg class=\"spark\" viewBox=\"0 0 80 20\" role=\"img\" aria-label=\"Weekly records: \(alt)\"><polyline fill=\"none\" stroke=\"#0072B2\" stroke-width=\"1.5\" points=\"\(points.joined(separator: " "))\"/></svg>"
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
    private func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + format(value) }
    private func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }

    /// Escapes text for HTML element content and quoted attribute values.
    func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
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

    private static let style = """
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0}
        main{max-width:960px;margin:0 auto;padding:16px}
        h1{font-size:1.6em;margin:.2em 0}h2{border-bottom:2px solid #0072B2;padding-bottom:4px;margin-top:1.6em}
        .sub{color:#555;margin:.2em 0}.cards{display:flex;flex-wrap:wrap;gap:12px}
        .card{border:1px solid #ddd;border-radius:8px;padding:10px 14px;min-width:150px;flex:1}
        .card .label{color:#555;font-size:.85em}.card .value{font-size:1.8em;font-weight:600}.card .note{color:#555;font-size:.8em}
        .verdict{background:#f4f8fb;border-left:4px solid #0072B2;padding:8px 12px}
        svg text{font-size:9px;fill:#555}figure{margin:12px 0}figcaption{color:#555;font-size:.85em}
        table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid #eee;padding:6px;text-align:left;vertical-align:middle}
        td.num{text-align:right;white-space:nowrap}svg.bar{width:124px;height:12px;vertical-align:middle}svg.spark{width:80px;height:20px}
        blockquote{margin:8px 0;padding:6px 12px;border-left:4px solid #E69F00;background:#fffaf0}
        blockquote footer{color:#555;font-size:.85em}code{font-size:.85em;word-break:break-all}
        table.files td{font-size:.85em}
        .scroll{overflow-x:auto}
        @media (max-width:640px){table{font-size:.85em}th:nth-child(6),td:nth-child(6){display:none}svg.bar{display:none}}
        @media print{a{color:inherit;text-decoration:none}h2{break-after:avoid}article{break-inside:avoid}}
        """
}
