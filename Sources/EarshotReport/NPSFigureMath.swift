import EarshotModel
import Foundation

/// NPS with its 95% confidence interval, changes with theirs, and the plain sentences that say whether a change is
/// real.
enum NPSFigureMath {
    /// The NPS of the 0–10 answers counted in `tallies` together, or `nil` when there are none.
    ///
    /// The margin is 1.96 standard errors of the difference of two proportions (promoters minus detractors):
    /// `SE = sqrt((p + d − (p − d)²) / n)`, in points.
    static func figure(_ tallies: [WeekTally]) -> WeeklyReport.NPSFigure? {
        let promoters = tallies.reduce(0) { $0 + $1.promoters }
        let passives = tallies.reduce(0) { $0 + $1.passives }
        let detractors = tallies.reduce(0) { $0 + $1.detractors }
        let respondents = promoters + passives + detractors
        guard respondents > 0 else { return nil }
        let n = Double(respondents)
        let p = Double(promoters) / n
        let d = Double(detractors) / n
        let standardError = ((p + d - (p - d) * (p - d)) / n).squareRoot()
        return WeeklyReport.NPSFigure(
            score: ((p - d) * 1000).rounded() / 10, respondents: respondents, promoters: promoters,
            passives: passives, detractors: detractors, marginOfError: (196 * standardError * 10).rounded() / 10)
    }

    /// The change from `previous` to `current`; its margin combines the two independent margins in quadrature.
    static func change(_ current: WeeklyReport.NPSFigure?, _ previous: WeeklyReport.NPSFigure?) -> WeeklyReport.NPSChange? {
        guard let current, let previous else { return nil }
        let points = ((current.score - previous.score) * 10).rounded() / 10
        let noise = ((pow(current.marginOfError, 2) + pow(previous.marginOfError, 2)).squareRoot() * 10).rounded() / 10
        return WeeklyReport.NPSChange(points: points, marginOfError: noise, isReal: abs(points) > noise)
    }

    /// A sentence saying whether the change against `period` ("last week", "the 4-week baseline") is real.
    static func sentence(_ current: WeeklyReport.NPSFigure?, _ change: WeeklyReport.NPSChange?, against period: String) -> String? {
        guard let current else { return nil }
        guard let change else {
            return "NPS is \(signed(current.score)) on \(current.respondents) answers; there is nothing from \(period) to compare with."
        }
        let direction = change.points >= 0 ? "up" : "down"
        if change.isReal {
            return "NPS is \(direction) \(format(abs(change.points))) points from \(period), more than the noise (±\(format(change.marginOfError)) at 95%): a real change."
        }
        return "NPS moved \(direction) \(format(abs(change.points))) points from \(period), within noise (±\(format(change.marginOfError)) at 95%): no real change."
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    static func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + format(value) }
}
