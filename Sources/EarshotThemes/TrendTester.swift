import EarshotModel
import Foundation

/// Decides, per theme, whether this week's share of feedback is new, rising, falling or steady against a baseline.
///
/// For a theme with `k` of this week's `n` records and `b` of the baseline's `B` records:
/// - The null share is smoothed, `p₀ = (b + 0.5) / (B + 1)`, so a theme absent from the baseline can still be tested.
/// - The p-value is the two-sided exact binomial test of `k` out of `n` against `p₀`, as `scipy.stats.binomtest`:
///   with `f(i) = C(n, i) p₀ⁱ (1 − p₀)ⁿ⁻ⁱ`, `p = Σ f(i)` over every outcome `i` with `f(i) ≤ f(k) · (1 + 10⁻⁷)`
///   (the tolerance keeps outcomes exactly as likely as the observed one from being lost to rounding).
/// - The p-values of all themes are adjusted together with Benjamini–Hochberg (see ``benjaminiHochberg(_:)``), so
///   about `falseDiscoveryRate` of the themes called new, rising or falling are called so by chance.
/// - Verdicts, in order: `.tooFew` when `k < minimumCount` and the baseline's expected count `b / B · n` is below
///   `minimumCount` too; otherwise, when `q ≤ falseDiscoveryRate` and `k / n > p₀`, `.new` if `k ≥ minimumCount`
///   and `b = 0` (or `b ≤ 2` and `b / B < 0.1 · k / n`), else `.rising`; when `q ≤ falseDiscoveryRate` and
///   `k / n < p₀`, `.falling`; otherwise `.steady`.
/// - Without baseline records (`B = 0`) there is nothing to compare with: every p-value is 1, and every theme is
///   `.steady` or `.tooFew`. Counts are clamped to `0…total` for the test; the trend reports them as given.
public struct TrendTester: Sendable {
    /// Below this count this week, and below this expected count from the baseline, a theme gets `.tooFew`.
    public var minimumCount: Int
    /// The Benjamini–Hochberg false discovery rate a q-value must not exceed for a verdict other than `.steady`.
    public var falseDiscoveryRate: Double

    /// Creates a tester.
    public init(minimumCount: Int = 5, falseDiscoveryRate: Double = 0.05) {
        self.minimumCount = minimumCount
        self.falseDiscoveryRate = falseDiscoveryRate
    }

    /// The trend of every theme in `week` or `baseline`, sorted by theme id.
    ///
    /// - Parameters:
    ///   - week: Per theme id, this week's count.
    ///   - weekTotal: This week's records.
    ///   - baseline: Per theme id, the count over the baseline weeks; a theme missing here has a baseline count of 0.
    ///   - baselineTotal: The baseline weeks' records.
    public func verdicts(week: [String: Int], weekTotal: Int, baseline: [String: Int], baselineTotal: Int) -> [ThemeTrend] {
        let ids = Set(week.keys).union(baseline.keys).sorted()
        let n = max(weekTotal, 0)
        let bigB = max(baselineTotal, 0)
        var trends: [ThemeTrend] = ids.map { id in
            let count = week[id] ?? 0
            let baselineCount = baseline[id] ?? 0
            let p0 = Self.nullShare(baselineCount: baselineCount, baselineTotal: bigB)
            let pValue = bigB == 0 ? 1 : Self.binomialPValue(successes: count, trials: n, probability: p0)
            return ThemeTrend(
                themeID: id, count: count, total: weekTotal, share: n > 0 ? Double(count) / Double(n) : 0,
                baselineCount: baselineCount, baselineTotal: baselineTotal,
                baselineShare: bigB > 0 ? Double(baselineCount) / Double(bigB) : 0,
                pValue: pValue, qValue: 1, verdict: .steady)
        }
        let qValues = Self.benjaminiHochberg(trends.map(\.pValue))
        for index in trends.indices {
            trends[index].qValue = qValues[index]
            trends[index].verdict = verdict(trends[index], baselineTotal: bigB)
        }
        return trends
    }

    private func verdict(_ trend: ThemeTrend, baselineTotal: Int) -> TrendVerdict {
        let expected = trend.baselineShare * Double(max(trend.total, 0))
        if trend.count < minimumCount && expected < Double(minimumCount) { return .tooFew }
        guard trend.qValue <= falseDiscoveryRate else { return .steady }
        let p0 = Self.nullShare(baselineCount: trend.baselineCount, baselineTotal: baselineTotal)
        if trend.share > p0 {
            let isNew = trend.baselineCount <= 0
                || (trend.baselineCount <= 2 && trend.baselineShare < 0.1 * trend.share)
            return isNew && trend.count >= minimumCount ? .new : .rising
        }
        return trend.share < p0 ? .falling : .steady
    }

    /// `(b + 0.5) / (B + 1)`, with `b` clamped to `0…B` so the share stays inside (0, 1).
    private static func nullShare(baselineCount: Int, baselineTotal: Int) -> Double {
        let b = min(max(baselineCount, 0), baselineTotal)
        return (Double(b) + 0.5) / (Double(baselineTotal) + 1)
    }

    /// Benjamini–Hochberg adjusted p-values (q-values), in the order given; see ``Significance/benjaminiHochberg(_:)``.
    public static func benjaminiHochberg(_ pValues: [Double]) -> [Double] {
        Significance.benjaminiHochberg(pValues)
    }

    /// The two-sided exact binomial p-value; see ``Significance/binomialPValue(successes:trials:probability:)``.
    public static func binomialPValue(successes: Int, trials: Int, probability: Double) -> Double {
        Significance.binomialPValue(successes: successes, trials: trials, probability: probability)
    }
}
