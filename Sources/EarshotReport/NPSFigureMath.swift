import EarshotModel
import Foundation

/// NPS with its 95% confidence interval, and the plain-language verdict on a change.
enum NPSFigureMath {
    /// The NPS of the records' 0–10 scores, or `nil` when there are none.
    ///
    /// The margin is 1.96 standard errors of the difference of two proportions (promoters minus detractors):
    /// `SE = sqrt((p + d − (p − d)²) / n)`, in points.
    static func figure(_ records: [NormalizedRecord]) -> WeeklyReport.NPSFigure? {
        let categories = records.compactMap(\.score?.npsCategory)
        guard !categories.isEmpty else { return nil }
        let n = Double(categories.count)
        let promoters = categories.filter { $0 == .promoter }.count
        let detractors = categories.filter { $0 == .detractor }.count
        let p = Double(promoters) / n
        let d = Double(detractors) / n
        let standardError = ((p + d - (p - d) * (p - d)) / n).squareRoot()
        return WeeklyReport.NPSFigure(
            score: ((p - d) * 1000).rounded() / 10, respondents: categories.count, promoters: promoters,
            passives: categories.count - promoters - detractors, detractors: detractors,
            marginOfError: (196 * standardError * 10).rounded() / 10)
    }

    /// A sentence saying whether the change from last week is larger than the noise.
    static func verdict(_ current: WeeklyReport.NPSFigure?, _ previous: WeeklyReport.NPSFigure?) -> String {
        guard let current else { return "No 0–10 scores came in this week, so there is no NPS." }
        guard let previous else { return "NPS is \(format(current.score)) on \(current.respondents) answers; there is no previous week to compare with." }
        let change = current.score - previous.score
        let noise = (pow(current.marginOfError, 2) + pow(previous.marginOfError, 2)).squareRoot()
        let direction = change >= 0 ? "up" : "down"
        if abs(change) <= noise {
            return "NPS moved \(direction) \(format(abs(change))) points from last week, within noise (±\(format(noise)) at 95%): no real change."
        }
        return "NPS is \(direction) \(format(abs(change))) points from last week, more than the noise (±\(format(noise)) at 95%): a real change."
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
