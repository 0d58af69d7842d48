import EarshotModel
import EarshotThemes
import Testing

@Suite struct ThemeTrendTests {
    static func isClose(_ value: Double, _ expected: Double, relative: Double = 1e-8) -> Bool {
        abs(value - expected) <= relative * abs(expected)
    }

    /// Expected values from SciPy 1.17.1: `scipy.stats.binomtest(k, n, p).pvalue`.
    @Test(arguments: [
        (3, 10, 0.5, 0.34375),
        (30, 200, 0.08, 0.0009300484868855233),
        (2, 1000, 0.01, 0.005967791781518967),
        (1200, 1_000_000, 0.001, 8.179876146448625e-10),
        (0, 50, 0.02, 0.6283982856253909),
        (50, 100_000, 0.0001, 1.8402264214337988e-19),
        (480, 1000, 0.5, 0.2174482932041415),
        (3, 10, 0.33, 1.0),
    ])
    func binomialPValueMatchesSciPy(successes: Int, trials: Int, probability: Double, expected: Double) {
        let pValue = TrendTester.binomialPValue(successes: successes, trials: trials, probability: probability)
        #expect(Self.isClose(pValue, expected), "binomtest(\(successes), \(trials), \(probability))")
    }

    @Test func binomialPValueEdgeCases() {
        #expect(TrendTester.binomialPValue(successes: 0, trials: 0, probability: 0.3) == 1)
        #expect(TrendTester.binomialPValue(successes: 5, trials: 10, probability: 0.5) == 1)
        #expect(TrendTester.binomialPValue(successes: 10, trials: 10, probability: 1) == 1)
        #expect(TrendTester.binomialPValue(successes: 1, trials: 10, probability: 0) == 0)
    }

    /// Expected values from statsmodels 0.15: `multipletests(p, method="fdr_bh")[1]`.
    @Test func benjaminiHochbergMatchesStatsmodels() {
        let q = TrendTester.benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.2])
        let expected = [0.035, 0.056, 0.056, 0.035, 0.5, 0.056, 0.23333333333333336]
        #expect(q.count == expected.count)
        for (value, want) in zip(q, expected) { #expect(Self.isClose(value, want, relative: 1e-12)) }
        #expect(TrendTester.benjaminiHochberg([0.9, 0.8, 0.95]) == [0.95, 0.95, 0.95])
        #expect(TrendTester.benjaminiHochberg([]) == [])
    }

    @Test func benjaminiHochbergIsMonotoneCappedAndOrderIndependent() {
        let p = [0.001, 0.2, 0.04, 0.8, 0.03, 0.5, 0.0001, 0.04]
        let q = TrendTester.benjaminiHochberg(p)
        for i in p.indices {
            #expect(q[i] >= p[i] && q[i] <= 1)
            for j in p.indices where p[i] < p[j] { #expect(q[i] <= q[j]) }
        }
        let permutation = [3, 0, 7, 5, 1, 6, 2, 4]
        let permuted = TrendTester.benjaminiHochberg(permutation.map { p[$0] })
        for (position, original) in permutation.enumerated() { #expect(permuted[position] == q[original]) }
    }

    static let week = ["rise": 60, "fall": 5, "steady": 40, "new": 25, "tiny": 2]
    static let baseline = ["rise": 80, "fall": 120, "steady": 160, "tiny": 6]

    @Test func verdictsOnMadeUpCounts() {
        let trends = TrendTester().verdicts(week: Self.week, weekTotal: 1000, baseline: Self.baseline, baselineTotal: 4000)
        #expect(trends.map(\.themeID) == ["fall", "new", "rise", "steady", "tiny"])
        let verdicts = Dictionary(uniqueKeysWithValues: trends.map { ($0.themeID, $0.verdict) })
        #expect(verdicts == ["rise": .rising, "fall": .falling, "steady": .steady, "new": .new, "tiny": .tooFew])

        // p: scipy.stats.binomtest(k, 1000, (b + 0.5) / 4001).pvalue; q: statsmodels fdr_bh over those five.
        let expected: [String: (p: Double, q: Double)] = [
            "fall": (2.7770977436156012e-08, 4.6284962393593356e-08),
            "new": (1.1146672929983827e-48, 5.573336464991914e-48),
            "rise": (2.3946717001011356e-13, 5.986679250252839e-13),
            "steady": (1.0, 1.0),
            "tiny": (0.6798709787931706, 0.8498387234914632),
        ]
        for trend in trends {
            let want = expected[trend.themeID]!
            #expect(Self.isClose(trend.pValue, want.p), "\(trend.themeID) p")
            #expect(Self.isClose(trend.qValue, want.q), "\(trend.themeID) q")
        }
        let rise = trends.first { $0.themeID == "rise" }!
        #expect(rise.count == 60 && rise.total == 1000 && rise.share == 0.06)
        #expect(rise.baselineCount == 80 && rise.baselineTotal == 4000 && rise.baselineShare == 0.02)
    }

    @Test func aThinBaselineCanStillMakeANewTheme() {
        let trends = TrendTester().verdicts(week: ["t": 40], weekTotal: 1000, baseline: ["t": 2], baselineTotal: 5000)
        #expect(trends.first?.verdict == .new)
        let rising = TrendTester().verdicts(week: ["t": 40], weekTotal: 1000, baseline: ["t": 30], baselineTotal: 5000)
        #expect(rising.first?.verdict == .rising)
    }

    @Test func aSmallCountWithALargeExpectationIsAFallNotTooFew() {
        let trends = TrendTester().verdicts(week: ["gone": 0], weekTotal: 1000, baseline: ["gone": 400], baselineTotal: 4000)
        #expect(trends.first?.verdict == .falling)
    }

    @Test func withoutABaselineNothingIsSignificant() {
        let trends = TrendTester().verdicts(week: ["a": 50, "b": 1], weekTotal: 100, baseline: [:], baselineTotal: 0)
        #expect(trends.map(\.verdict) == [.steady, .tooFew])
        #expect(trends.allSatisfy { $0.pValue == 1 && $0.qValue == 1 })
    }

    @Test func verdictsDoNotDependOnInsertionOrder() {
        var week: [String: Int] = [:]
        for key in Self.week.keys.sorted(by: >) { week[key] = Self.week[key] }
        var baseline: [String: Int] = [:]
        for key in Self.baseline.keys.sorted() { baseline[key] = Self.baseline[key] }
        let tester = TrendTester()
        #expect(tester.verdicts(week: week, weekTotal: 1000, baseline: baseline, baselineTotal: 4000)
            == tester.verdicts(week: Self.week, weekTotal: 1000, baseline: Self.baseline, baselineTotal: 4000))
    }

    @Test func aStricterFalseDiscoveryRateTurnsAWeakRiseSteady() {
        // scipy.stats.binomtest(32, 1000, 80.5 / 4001).pvalue = 0.0125: significant at 0.05, not at 0.001.
        let loose = TrendTester(falseDiscoveryRate: 0.05)
            .verdicts(week: ["t": 32], weekTotal: 1000, baseline: ["t": 80], baselineTotal: 4000)
        let strict = TrendTester(falseDiscoveryRate: 0.001)
            .verdicts(week: ["t": 32], weekTotal: 1000, baseline: ["t": 80], baselineTotal: 4000)
        #expect(loose.first?.verdict == .rising)
        #expect(strict.first?.verdict == .steady)
    }
}
