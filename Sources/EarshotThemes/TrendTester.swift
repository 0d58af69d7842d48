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

    /// Benjamini–Hochberg adjusted p-values (q-values), in the order given.
    ///
    /// With the `m` p-values sorted ascending as `p₍₁₎ ≤ … ≤ p₍ₘ₎`, `q₍ᵢ₎ = min over j ≥ i of min(1, p₍ⱼ₎ · m / j)`:
    /// monotone in the p-values, capped at 1, and equal for equal p-values whatever their order. NaN counts as 1.
    /// Matches `statsmodels.stats.multitest.multipletests(p, method="fdr_bh")[1]`.
    public static func benjaminiHochberg(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        guard m > 0 else { return [] }
        let cleaned = pValues.map { $0.isNaN ? 1 : min(max($0, 0), 1) }
        let order = cleaned.indices.sorted { cleaned[$0] != cleaned[$1] ? cleaned[$0] < cleaned[$1] : $0 < $1 }
        var qValues = [Double](repeating: 1, count: m)
        var running = 1.0
        for rank in stride(from: m, through: 1, by: -1) {
            let index = order[rank - 1]
            // p / (rank / m), as statsmodels divides, so equal inputs give bit-equal outputs.
            running = min(running, cleaned[index] / (Double(rank) / Double(m)))
            qValues[index] = running
        }
        return qValues
    }

    /// The two-sided exact binomial p-value of `successes` out of `trials` at `probability`, as
    /// `scipy.stats.binomtest(successes, trials, probability).pvalue`.
    ///
    /// `log f(i) = lgamma(n+1) − lgamma(i+1) − lgamma(n−i+1) + i·log p + (n−i)·log(1−p)`. The binomial is unimodal
    /// around `m = ⌊(n+1)p⌋`, so the outcomes no more likely than `k` are two tails, `0…a` and `b…n`; `a` and `b` are
    /// found by bisection on `log f` (O(log n) lgamma calls), and each tail is summed outward from its boundary with
    /// the ratio `f(i±1)/f(i)` until the remaining terms are below 10⁻¹⁷ of the sum: O(√n) terms, O(n) at worst.
    /// Summing the tails, not one minus the middle, keeps tiny p-values accurate; they underflow to 0 below ~10⁻³⁰⁸.
    public static func binomialPValue(successes: Int, trials: Int, probability: Double) -> Double {
        let n = max(trials, 0)
        guard n > 0, !probability.isNaN else { return 1 }
        let k = min(max(successes, 0), n)
        if probability <= 0 { return k == 0 ? 1 : 0 }
        if probability >= 1 { return k == n ? 1 : 0 }
        let p = probability
        let logP = log(p)
        let logQ = log1p(-p)
        let logNFactorial = logGamma(Double(n) + 1)
        func logPMF(_ i: Int) -> Double {
            logNFactorial - logGamma(Double(i) + 1) - logGamma(Double(n - i) + 1) + Double(i) * logP + Double(n - i) * logQ
        }
        let threshold = logPMF(k) + log1p(1e-7)
        let mode = min(n, Int((Double(n) + 1) * p))
        if logPMF(mode) <= threshold { return 1 }

        // f is nondecreasing on 0…mode: the largest a there with f(a) ≤ threshold (-1: none).
        var low = -1
        var high = mode
        while high - low > 1 {
            let middle = (low + high) / 2
            if logPMF(middle) <= threshold { low = middle } else { high = middle }
        }
        let a = low
        // f is nonincreasing on mode…n: the smallest b there with f(b) ≤ threshold (n + 1: none).
        low = mode
        high = n + 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if logPMF(middle) <= threshold { high = middle } else { low = middle }
        }
        let b = high

        let oddsDown = (1 - p) / p
        var total = 0.0
        if a >= 0 {
            // f(i−1)/f(i) = i / (n − i + 1) · (1 − p)/p, falling as i falls: the rest is below term · r / (1 − r).
            var sum = 1.0
            var term = 1.0
            var i = a
            while i > 0 {
                let ratio = Double(i) / Double(n - i + 1) * oddsDown
                term *= ratio
                sum += term
                i -= 1
                if ratio < 1 && term * ratio <= 1e-17 * sum * (1 - ratio) { break }
            }
            total += exp(logPMF(a) + log(sum))
        }
        if b <= n {
            // f(i+1)/f(i) = (n − i) / (i + 1) · p/(1 − p), falling as i rises.
            var sum = 1.0
            var term = 1.0
            var i = b
            while i < n {
                let ratio = Double(n - i) / Double(i + 1) / oddsDown
                term *= ratio
                sum += term
                i += 1
                if ratio < 1 && term * ratio <= 1e-17 * sum * (1 - ratio) { break }
            }
            total += exp(logPMF(b) + log(sum))
        }
        return min(1, total)
    }

    /// `lgamma` through `lgamma_r`: plain `lgamma` writes the process-wide `signgam`, a data race when themes are
    /// tested on several threads.
    private static func logGamma(_ x: Double) -> Double {
        let (value, _): (Double, Int) = lgamma(x)
        return value
    }
}
