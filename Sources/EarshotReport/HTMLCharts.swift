import EarshotModel
import Foundation

/// The report's inline SVG charts. Each carries a text alternative (`role="img"` with `aria-label`, and a `<title>`
/// per mark) and uses the Okabe–Ito palette, which colour-blind readers can tell apart.
enum HTMLCharts {
    static let blue = "#0072B2"
    static let lightBlue = "#9ecae1"
    static let orange = "#E69F00"
    static let vermillion = "#D55E00"
    static let green = "#009E73"
    static let grey = "#767676"

    /// Records per week as bars, this week dark; NPS per week as a line over them when any week has one.
    static func weeklyChart(_ weeks: [WeeklyReport.WeekCount], current: ISOWeek) -> String {
        let width = 600.0
        let top = 14.0
        let height = 90.0
        let maximum = Double(max(weeks.map(\.records).max() ?? 1, 1))
        let step = width / Double(max(weeks.count, 1))
        var marks = ""
        for (index, entry) in weeks.enumerated() {
            let barHeight = Double(entry.records) / maximum * height
            let x = Double(index) * step
            let fill = entry.week == current ? blue : lightBlue
            let nps = entry.nps.map { ", NPS \(ReportText.signed($0))" } ?? ""
            marks += "<rect x=\"\(f(x + 3))\" y=\"\(f(top + height - barHeight))\" width=\"\(f(step - 6))\" height=\"\(f(barHeight))\" fill=\"\(fill)\"><title>\(entry.week): \(entry.records) records\(nps)</title></rect>"
            marks += "<text x=\"\(f(x + step / 2))\" y=\"\(f(top + height + 12))\" text-anchor=\"middle\">W\(entry.week.week)</text>"
            marks += "<text x=\"\(f(x + step / 2))\" y=\"\(f(max(top - 2, top + height - barHeight - 3)))\" text-anchor=\"middle\">\(entry.records)</text>"
        }
        let npsPoints = weeks.enumerated().compactMap { index, entry in
            entry.nps.map { (x: Double(index) * step + step / 2, y: top + height - ($0 + 100) / 200 * height, value: $0) }
        }
        if npsPoints.count > 1 {
            marks += "<polyline fill=\"none\" stroke=\"\(vermillion)\" stroke-width=\"2\" points=\"\(npsPoints.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " "))\"/>"
            for point in npsPoints {
                marks += "<circle cx=\"\(f(point.x))\" cy=\"\(f(point.y))\" r=\"3\" fill=\"\(vermillion)\"><title>NPS \(ReportText.signed(point.value))</title></circle>"
            }
        }
        let alt = weeks.map { entry in
            "\(entry.week): \(entry.records) records" + (entry.nps.map { ", NPS \(ReportText.signed($0))" } ?? "")
        }.joined(separator: "; ")
        return "<svg class=\"weekly\" viewBox=\"0 0 \(Int(width)) \(Int(top + height + 16))\" role=\"img\" aria-label=\"\(HTMLText.escape(alt))\">\(marks)</svg>"
    }

    /// A weekly sparkline with the last point marked.
    static func sparkline(_ values: [Int]) -> String {
        let maximum = Double(max(values.max() ?? 1, 1))
        let step = 88.0 / Double(max(values.count - 1, 1))
        let points = values.enumerated().map { (x: 2 + Double($0.offset) * step, y: 20 - Double($0.element) / maximum * 17) }
        let alt = "Records per week, last \(values.count) weeks: " + values.map(String.init).joined(separator: ", ")
        var svg = "<svg class=\"spark\" viewBox=\"0 0 92 22\" role=\"img\" aria-label=\"\(alt)\"><title>\(alt)</title>"
        svg += "<polyline fill=\"none\" stroke=\"\(blue)\" stroke-width=\"1.5\" points=\"\(points.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " "))\"/>"
        if let last = points.last { svg += "<circle cx=\"\(f(last.x))\" cy=\"\(f(last.y))\" r=\"2.2\" fill=\"\(blue)\"/>" }
        return svg + "</svg>"
    }

    /// A horizontal bar for a share of 0…1, labelled.
    static func bar(_ share: Double, maximum: Double, colour: String = orange, label: String) -> String {
        let width = maximum > 0 ? min(1, share / maximum) * 100 : 0
        return "<svg class=\"bar\" viewBox=\"0 0 100 10\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\"><rect width=\"100\" height=\"10\" fill=\"#f0f0f0\"/><rect width=\"\(f(width))\" height=\"10\" fill=\"\(colour)\"/></svg>"
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
