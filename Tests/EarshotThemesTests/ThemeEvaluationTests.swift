import EarshotThemes
import Testing

@Suite struct ThemeEvaluationTests {
    static let tolerance = 1e-9

    static func expectClose(
        _ actual: Double, _ expected: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(abs(actual - expected) <= tolerance, "\(what): \(actual), expected \(expected)",
                sourceLocation: sourceLocation)
    }

    // The expected NMI, AMI and ARI in the next four tests came from scikit-learn 1.9.1:
    //   normalized_mutual_info_score(gold, predicted)
    //   adjusted_mutual_info_score(gold, predicted)
    //   adjusted_rand_score(gold, predicted)
    // with the default arithmetic averaging, and nil passed as one extra label ("NONE").

    @Test func matchesScikitLearnOnTicketsWithOneUnthemedRecord() {
        let evaluation = ThemeEvaluation(
            predicted: ["t1", "t1", "t2", "t2", "t2", nil, "t3", "t3"],
            gold: ["bill", "bill", "bill", "crash", "crash", "crash", "sync", "sync"]
        )
        Self.expectClose(evaluation.nmi, 0.7020168761809934, "nmi")
        Self.expectClose(evaluation.ami, 0.46171171688109514, "ami")
        Self.expectClose(evaluation.ari, 0.3684210526315789, "ari")
        #expect(evaluation.records == 8)
        #expect(evaluation.labels == 3)
        #expect(evaluation.themes == 3)
        Self.expectClose(evaluation.coverage, 7.0 / 8.0, "coverage")
        // t1 → bill (P 1, R 2/3), t2 → crash (2 of its 3), t3 → sync; the unthemed crash record is a miss.
        #expect(evaluation.perLabel.map(\.bestTheme) == ["t1", "t2", "t3"])
        Self.expectClose(evaluation.perLabel[0].f1, 0.8, "bill f1")
        Self.expectClose(evaluation.perLabel[1].f1, 2.0 / 3.0, "crash f1")
        Self.expectClose(evaluation.perLabel[2].f1, 1.0, "sync f1")
        Self.expectClose(evaluation.mappedMacroF1, (0.8 + 2.0 / 3.0 + 1.0) / 3.0, "mapped macro F1")
    }

    @Test func matchesScikitLearnNearChanceWhereAMIGoesNegative() {
        let evaluation = ThemeEvaluation(
            predicted: ["a", "a", "a", "b", "b", "b", "c", "c", "c", "c"],
            gold: ["x", "x", "y", "y", "y", "z", "z", "z", "x", "y"]
        )
        Self.expectClose(evaluation.nmi, 0.26733692039994567, "nmi")
        Self.expectClose(evaluation.ami, -0.0027124345987860144, "ami")
        Self.expectClose(evaluation.ari, -0.022727272727272728, "ari")
    }

    @Test func matchesScikitLearnWithSeveralUnthemedRecords() {
        let evaluation = ThemeEvaluation(
            predicted: [nil, nil, "k", "k", "m", "m", "m", "n", "n", nil, "k", "m"],
            gold: ["p", "q", "p", "p", "q", "q", "r", "r", "r", "p", "q", "r"]
        )
        Self.expectClose(evaluation.nmi, 0.4472102485249585, "nmi")
        Self.expectClose(evaluation.ami, 0.219749366043294, "ami")
        Self.expectClose(evaluation.ari, 0.12167300380228137, "ari")
        Self.expectClose(evaluation.coverage, 9.0 / 12.0, "coverage")
    }

    @Test func matchesScikitLearnOnIndependentPartitions() {
        // Each theme splits both labels evenly: no information, and worse than chance on pairs.
        let evaluation = ThemeEvaluation(predicted: ["x", "y", "x", "y"], gold: ["a", "a", "b", "b"])
        #expect(evaluation.nmi == 0)
        Self.expectClose(evaluation.ami, -0.49999999999999944, "ami")
        Self.expectClose(evaluation.ari, -0.5, "ari")
    }

    @Test func aPerfectAssignmentScoresOneEverywhere() {
        let gold = ["billing", "billing", "crash", "crash", "crash", "sync", "login", "login"]
        let evaluation = ThemeEvaluation(predicted: gold.map { "theme-\($0)" }, gold: gold)
        for (value, name) in [(evaluation.nmi, "nmi"), (evaluation.ami, "ami"), (evaluation.ari, "ari"),
                              (evaluation.mappedMacroF1, "mapped macro F1"), (evaluation.coverage, "coverage")] {
            Self.expectClose(value, 1.0, name)
        }
        #expect(evaluation.perLabel.map(\.label) == ["billing", "crash", "login", "sync"])
        #expect(evaluation.perLabel.map(\.bestTheme) == ["theme-billing", "theme-crash", "theme-login", "theme-sync"])
        #expect(evaluation.perLabel.map(\.records) == [2, 3, 2, 1])
        #expect(evaluation.perLabel.allSatisfy { $0.precision == 1 && $0.recall == 1 && $0.f1 == 1 })
    }

    @Test func unthemedRecordsLowerCoverageAndAreNeverMappedToALabel() {
        // Every "refund" record is unthemed: the unthemed cluster is pure, but it must not stand in for a theme.
        let evaluation = ThemeEvaluation(
            predicted: [nil, nil, nil, "t-crash", "t-crash", nil],
            gold: ["refund", "refund", "refund", "crash", "crash", "crash"]
        )
        #expect(evaluation.themes == 1)
        Self.expectClose(evaluation.coverage, 2.0 / 6.0, "coverage")
        let refund = evaluation.perLabel.first { $0.label == "refund" }
        #expect(refund?.bestTheme == nil)
        #expect(refund?.precision == 0)
        #expect(refund?.recall == 0)
        #expect(refund?.f1 == 0)
        let crash = evaluation.perLabel.first { $0.label == "crash" }
        #expect(crash?.bestTheme == "t-crash")
        #expect(crash?.precision == 1)
        // The unthemed crash record still counts in recall's denominator.
        Self.expectClose(crash?.recall ?? -1, 2.0 / 3.0, "crash recall")
        Self.expectClose(evaluation.mappedMacroF1, (0 + 0.8) / 2, "mapped macro F1")
    }

    @Test func severalThemesMapToOneLabelAndTiesGoToTheFirstLabel() {
        // t1 and t2 are both mostly "x"; t3 is mostly "y"; t4 is split evenly, so it goes to "x", which sorts first.
        let evaluation = ThemeEvaluation(
            predicted: ["t1", "t1", "t2", "t2", "t3", "t3", "t3", "t4", "t4"],
            gold: ["x", "x", "x", "x", "y", "y", "x", "x", "y"]
        )
        let x = evaluation.perLabel[0]
        let y = evaluation.perLabel[1]
        #expect(x.label == "x" && y.label == "y")
        // x owns t1 ∪ t2 ∪ t4: 5 of its 6 records are x; 5 of the 6 x records are in them.
        Self.expectClose(x.precision, 5.0 / 6.0, "x precision")
        Self.expectClose(x.recall, 5.0 / 6.0, "x recall")
        Self.expectClose(x.f1, 5.0 / 6.0, "x f1")
        // y owns t3 only: 2 of its 3 records are y, and it holds 2 of the 3 y records.
        Self.expectClose(y.precision, 2.0 / 3.0, "y precision")
        Self.expectClose(y.recall, 2.0 / 3.0, "y recall")
        Self.expectClose(evaluation.mappedMacroF1, (5.0 / 6.0 + 2.0 / 3.0) / 2, "mapped macro F1")
        // t1 and t2 tie on F1 against x (2·2 / (2 + 6)), so the smaller id wins.
        #expect(x.bestTheme == "t1")
        #expect(y.bestTheme == "t3")
    }

    @Test func aLabelThatNoThemeMapsToScoresZero() {
        // "y" records sit inside a theme that is mostly "x", so no theme is mapped to "y".
        let evaluation = ThemeEvaluation(predicted: ["t", "t", "t"], gold: ["x", "x", "y"])
        let y = evaluation.perLabel[1]
        #expect(y.bestTheme == "t")
        #expect(y.precision == 0 && y.recall == 0 && y.f1 == 0)
        Self.expectClose(evaluation.mappedMacroF1, (0.8 + 0) / 2, "mapped macro F1")
    }

    @Test func theSameRecordsInAnyOrderGiveTheSameResult() {
        var predicted: [String?] = []
        var gold: [String] = []
        var state: UInt64 = 12_345
        for _ in 0..<500 {
            // A fixed linear congruential sequence: varied but reproducible records.
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let label = Int(state >> 33) % 5
            let drift = Int(state >> 40) % 7
            gold.append("label-\(label)")
            predicted.append(drift == 0 ? nil : "theme-\((label + drift / 3) % 6)")
        }
        let forward = ThemeEvaluation(predicted: predicted, gold: gold)
        let backward = ThemeEvaluation(predicted: predicted.reversed(), gold: gold.reversed())
        let rotated = ThemeEvaluation(predicted: Array(predicted[137...] + predicted[..<137]),
                                      gold: Array(gold[137...] + gold[..<137]))
        #expect(forward == backward)
        #expect(forward == rotated)
        #expect(forward.records == 500)
    }

    @Test func emptyInputScoresZeroEverywhere() {
        // scikit-learn returns 1.0 for empty labellings; with nothing labelled Earshot reports no agreement instead.
        let evaluation = ThemeEvaluation(predicted: [], gold: [])
        #expect(evaluation.records == 0 && evaluation.labels == 0 && evaluation.themes == 0)
        #expect(evaluation.coverage == 0 && evaluation.nmi == 0 && evaluation.ami == 0 && evaluation.ari == 0)
        #expect(evaluation.mappedMacroF1 == 0)
        #expect(evaluation.perLabel.isEmpty)
    }

    @Test func degenerateCasesFollowScikitLearn() {
        // One label and one theme: the data is not split at all, which scikit-learn scores 1.0 on all three.
        let unsplit = ThemeEvaluation(predicted: ["t", "t", "t"], gold: ["x", "x", "x"])
        #expect(unsplit.nmi == 1 && unsplit.ami == 1 && unsplit.ari == 1)
        // One label but several themes, or the reverse: scikit-learn scores 0.0.
        let oneLabel = ThemeEvaluation(predicted: ["s", "s", "t", "t"], gold: ["x", "x", "x", "x"])
        #expect(oneLabel.nmi == 0 && oneLabel.ami == 0 && oneLabel.ari == 0)
        let oneTheme = ThemeEvaluation(predicted: ["t", "t", "t", "t"], gold: ["x", "x", "y", "y"])
        #expect(oneTheme.nmi == 0 && oneTheme.ami == 0 && oneTheme.ari == 0)
        // Every record alone in its label and its theme: chance explains everything, and scikit-learn's
        // sign-preserving guard makes AMI 1.0 rather than 0/0.
        let singletons = ThemeEvaluation(predicted: ["a", "b", "c"], gold: ["x", "y", "z"])
        #expect(singletons.nmi == 1 && singletons.ami == 1 && singletons.ari == 1)
        // All records unthemed and one label: still one cluster and one label.
        let allUnthemed = ThemeEvaluation(predicted: [nil, nil], gold: ["x", "x"])
        #expect(allUnthemed.nmi == 1 && allUnthemed.coverage == 0 && allUnthemed.mappedMacroF1 == 0)
    }
}
