import Foundation

/// The tests every stage uses to say how sure a number is: the exact binomial test and Benjamini–Hochberg.
public enum Significance {
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
