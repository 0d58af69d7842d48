import Foundation

/// How well the workspace's theme assignments agree with an analyst's hand labels, as reported by `earshot evaluate`.
///
/// Each record carries one hand label (its gold class) and at most one predicted theme. Records without a theme form
/// one extra "unthemed" cluster for the clustering scores (NMI, AMI, ARI) and count in every F1 denominator, but that
/// cluster is never mapped to a label, so its records are always misses.
///
/// The clustering scores follow scikit-learn's `normalized_mutual_info_score`, `adjusted_mutual_info_score` (both with
/// the arithmetic mean) and `adjusted_rand_score`, including their degenerate cases:
/// - one label and one cluster (the data is not split at all) scores 1.0 on all three;
/// - one label or one cluster, but not both, scores 0.0 on all three;
/// - labellings that agree only up to chance (for example every record in its own label and its own cluster)
///   keep scikit-learn's sign-preserving guard, so AMI is ±1.0 there rather than 0/0.
///
/// Unlike scikit-learn, which scores an empty input 1.0, an empty input here scores 0.0 everywhere: with nothing
/// labelled there is no agreement to report.
///
/// Every sum runs over labels and themes in sorted order, so the same records in any order give a bit-identical result.
public struct ThemeEvaluation: Sendable, Hashable, Codable {
    /// How one hand label fares under the many-to-one mapping of themes to labels.
    public struct LabelScore: Sendable, Hashable, Codable {
        /// The hand label.
        public var label: String
        /// How many records carry this label.
        public var records: Int
        /// The single theme whose records best match this label by F1 (ties: the theme id that sorts first), or nil
        /// when no theme shares a record with it. It need not be a theme mapped to this label.
        public var bestTheme: String?
        /// Of the records in the themes mapped to this label, the share that carry it (0 when no theme maps here).
        public var precision: Double
        /// Of the records that carry this label, the share that fall in a theme mapped to it.
        public var recall: Double
        /// The harmonic mean of precision and recall, `2·TP / (predicted + actual)`; 0 when no theme maps here.
        public var f1: Double

        /// Creates a label score.
        public init(label: String, records: Int, bestTheme: String?, precision: Double, recall: Double, f1: Double) {
            self.label = label
            self.records = records
            self.bestTheme = bestTheme
            self.precision = precision
            self.recall = recall
            self.f1 = f1
        }
    }

    /// How many records were scored: every record passed in has a hand label.
    public var records: Int
    /// How many distinct hand labels those records carry.
    public var labels: Int
    /// How many distinct predicted themes those records fall in; the unthemed records are not counted as a theme.
    public var themes: Int
    /// The share of labelled records that have a theme.
    public var coverage: Double
    /// Normalised mutual information, `I(L;T) / ((H(L) + H(T)) / 2)`, from 0 (independent) to 1 (the same partition).
    public var nmi: Double
    /// Adjusted mutual information, `(I − E[I]) / ((H(L) + H(T)) / 2 − E[I])`, where `E[I]` is the exact expected
    /// mutual information of two random partitions with the same cluster sizes (Vinh, Epps and Bailey, 2010).
    /// 0 is what chance gives, 1 is the same partition, and it can go negative.
    public var ami: Double
    /// Adjusted Rand index: the share of record pairs on which the two partitions agree (same group or different
    /// groups), rescaled so that chance gives 0 and the same partition gives 1; it can go negative.
    public var ari: Double
    /// Many-to-one F1: each theme is mapped to the label most of its records carry (ties: the label that sorts first),
    /// each label is scored by the F1 of the union of the themes mapped to it (0 when none is), and the scores are
    /// averaged over labels with equal weight.
    public var mappedMacroF1: Double
    /// One score per hand label, sorted by label; their `f1` values average to `mappedMacroF1`.
    public var perLabel: [LabelScore]

    /// Scores predicted themes against hand labels.
    ///
    /// - Parameters:
    ///   - predicted: Each record's theme id, or nil when the record has no theme.
    ///   - gold: Each record's hand label, aligned with `predicted`.
    /// - Precondition: `predicted` and `gold` have the same length.
    public init(predicted: [String?], gold: [String]) {
        precondition(predicted.count == gold.count, "predicted and gold must be aligned: one entry per record")
        let table = ContingencyTable(predicted: predicted, gold: gold)
        records = table.total
        labels = table.labels.count
        themes = table.themes.count
        guard table.total > 0 else {
            coverage = 0
            nmi = 0
            ami = 0
            ari = 0
            mappedMacroF1 = 0
            perLabel = []
            return
        }
        coverage = Double(table.themedTotal) / Double(table.total)
        nmi = ClusteringAgreement.normalizedMutualInformation(table)
        ami = ClusteringAgreement.adjustedMutualInformation(table)
        ari = ClusteringAgreement.adjustedRandIndex(table)
        perLabel = ManyToOneMapping.labelScores(table)
        mappedMacroF1 = perLabel.reduce(0) { $0 + $1.f1 } / Double(perLabel.count)
    }
}

/// Counts of records per (label, cluster), with labels and themes in sorted order so that every later sum is
/// independent of the order the records came in.
private struct ContingencyTable {
    /// Distinct hand labels, sorted; row `i` is `labels[i]`.
    let labels: [String]
    /// Distinct themes, sorted; column `j < themes.count` is `themes[j]`.
    let themes: [String]
    /// Whether some record has no theme; if so it is the last column, after the themes.
    let hasUnthemed: Bool
    /// Row-major counts, `labels.count × clusterCount`.
    let counts: [Int]
    /// Records per label (row sums).
    let labelTotals: [Int]
    /// Records per cluster (column sums), the unthemed cluster last.
    let clusterTotals: [Int]
    let total: Int

    init(predicted: [String?], gold: [String]) {
        labels = Array(Set(gold)).sorted()
        themes = Array(Set(predicted.compactMap { $0 })).sorted()
        hasUnthemed = predicted.contains(nil)
        let rowOf = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let columnOf = Dictionary(uniqueKeysWithValues: themes.enumerated().map { ($1, $0) })
        let unthemedColumn = themes.count
        let columns = themes.count + (hasUnthemed ? 1 : 0)
        var counts = [Int](repeating: 0, count: labels.count * columns)
        for (theme, label) in zip(predicted, gold) {
            let column = theme.map { columnOf[$0]! } ?? unthemedColumn
            counts[rowOf[label]! * columns + column] += 1
        }
        self.counts = counts
        labelTotals = (0..<labels.count).map { row in counts[(row * columns)..<((row + 1) * columns)].reduce(0, +) }
        clusterTotals = (0..<columns).map { column in
            stride(from: column, to: counts.count, by: max(columns, 1)).reduce(0) { $0 + counts[$1] }
        }
        total = gold.count
    }

    var clusterCount: Int { clusterTotals.count }
    var themedTotal: Int { clusterTotals.prefix(themes.count).reduce(0, +) }

    func count(label row: Int, cluster column: Int) -> Int { counts[row * clusterCount + column] }
}

/// Partition-agreement scores, written to reproduce scikit-learn's arithmetic step for step so that results agree
/// to rounding error, not just in value.
private enum ClusteringAgreement {
    /// scikit-learn's `np.finfo(float64).eps`, used both to drop rounding noise and to guard AMI's 0/0.
    static let epsilon = Double.ulpOfOne

    /// Is the data not split at all (one label and one cluster)? scikit-learn calls that a perfect match.
    static func isUnsplit(_ table: ContingencyTable) -> Bool {
        table.labels.count == 1 && table.clusterCount == 1
    }

    /// Shannon entropy in nats of a partition with the given group sizes.
    static func entropy(of sizes: [Int], total: Int) -> Double {
        guard sizes.count > 1 else { return 0 }
        let logTotal = log(Double(total))
        return -sizes.reduce(0.0) { sum, size in
            let share = Double(size) / Double(total)
            return sum + share * (log(Double(size)) - logTotal)
        }
    }

    /// Mutual information in nats, `Σ (nᵢⱼ/N) · log(N·nᵢⱼ / (aᵢ·bⱼ))` over the non-empty cells.
    static func mutualInformation(_ table: ContingencyTable) -> Double {
        guard table.labels.count > 1, table.clusterCount > 1 else { return 0 }
        let total = Double(table.total)
        let logTotal = log(total)
        var sum = 0.0
        for row in table.labels.indices {
            for column in 0..<table.clusterCount {
                let cell = table.count(label: row, cluster: column)
                guard cell > 0 else { continue }
                let share = Double(cell) / total
                let outer = Double(table.labelTotals[row]) * Double(table.clusterTotals[column])
                let term = share * (log(Double(cell)) - logTotal) + share * (-log(outer) + logTotal + logTotal)
                // scikit-learn zeroes terms below eps, so independent partitions give exactly 0 and NMI takes its 0 branch.
                if abs(term) >= epsilon { sum += term }
            }
        }
        return max(sum, 0)
    }

    /// Expected mutual information of two random partitions with these row and column sizes (Vinh et al. 2010):
    /// `Σᵢⱼ Σ_nᵢⱼ (nᵢⱼ/N) · log(N·nᵢⱼ / (aᵢ·bⱼ)) · P(nᵢⱼ)`, with `P` hypergeometric and `nᵢⱼ` running over
    /// `max(1, aᵢ + bⱼ − N) … min(aᵢ, bⱼ)`. That is at most `R·C·N` terms, each a handful of table look-ups.
    static func expectedMutualInformation(_ table: ContingencyTable) -> Double {
        let rowSizes = table.labelTotals
        let columnSizes = table.clusterTotals
        guard rowSizes.count > 1, columnSizes.count > 1 else { return 0 }
        let total = table.total
        let logFactorial = LogFactorials(upTo: total)
        let largestGroup = max(rowSizes.max() ?? 0, columnSizes.max() ?? 0)
        let logOf: [Double] = (0...largestGroup).map { $0 == 0 ? 0 : log(Double($0)) }
        let logTotal = log(Double(total))
        var expected = 0.0
        for a in rowSizes {
            for b in columnSizes {
                let lowest = max(1, a + b - total)
                let highest = min(a, b)
                guard lowest <= highest else { continue }
                // The hypergeometric numerator a!·b!·(N−a)!·(N−b)!/N! does not depend on the overlap.
                let marginals: Double = logFactorial[a] + logFactorial[b]
                let complements: Double = logFactorial[total - a] + logFactorial[total - b]
                let fixedPart: Double = marginals + complements - logFactorial[total]
                let logSizes: Double = logOf[a] + logOf[b]
                for overlap in lowest...highest {
                    let logRatio: Double = logTotal + logOf[overlap] - logSizes
                    let cellParts: Double = logFactorial[overlap] + logFactorial[a - overlap] + logFactorial[b - overlap]
                    let rest: Double = logFactorial[total - a - b + overlap]
                    let probability: Double = exp(fixedPart - cellParts - rest)
                    expected += Double(overlap) / Double(total) * logRatio * probability
                }
            }
        }
        return expected
    }

    static func normalizedMutualInformation(_ table: ContingencyTable) -> Double {
        if isUnsplit(table) { return 1 }
        let information = mutualInformation(table)
        // Zero information with a split partition cannot be a match, and the normaliser may be 0 too.
        guard information != 0 else { return 0 }
        return information / meanEntropy(table)
    }

    static func adjustedMutualInformation(_ table: ContingencyTable) -> Double {
        if isUnsplit(table) { return 1 }
        if table.labels.count == 1 || table.clusterCount == 1 { return 0 }
        let information = mutualInformation(table)
        let expected = expectedMutualInformation(table)
        // When chance already explains everything both differences are ~0; keeping their signs, as scikit-learn
        // does, turns 0/0 into ±1 instead of NaN.
        let numerator = awayFromZero(information - expected)
        let denominator = awayFromZero(meanEntropy(table) - expected)
        return numerator / denominator
    }

    static func adjustedRandIndex(_ table: ContingencyTable) -> Double {
        // Ordered pairs of distinct records, as scikit-learn's pair_confusion_matrix counts them.
        var sumOfSquares = 0
        var sameClusterPairs = 0
        var sameLabelPairs = 0
        for row in table.labels.indices {
            for column in 0..<table.clusterCount {
                let cell = table.count(label: row, cluster: column)
                sumOfSquares += cell * cell
                sameClusterPairs += cell * table.clusterTotals[column]
                sameLabelPairs += cell * table.labelTotals[row]
            }
        }
        let bothSame = sumOfSquares - table.total
        let clusterOnly = sameClusterPairs - sumOfSquares
        let labelOnly = sameLabelPairs - sumOfSquares
        let neither = table.total * table.total - clusterOnly - labelOnly - sumOfSquares
        if clusterOnly == 0 && labelOnly == 0 { return 1 }
        // Products of pair counts overflow Int64 beyond ~55k records; Double keeps ~16 digits, plenty for a ratio.
        let tp = Double(bothSame), tn = Double(neither), fp = Double(clusterOnly), fn = Double(labelOnly)
        return 2 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))
    }

    /// `log k!` for `k` in `0...n`, tabulated once so the expected-information loop makes no `lgamma` calls.
    private struct LogFactorials {
        private let values: [Double]

        init(upTo n: Int) {
            values = (0...n).map { k in
                // The explicit type picks C's lgamma over the overlay that also returns the sign.
                let value: Double = lgamma(Double(k) + 1)
                return value
            }
        }

        subscript(k: Int) -> Double { values[k] }
    }

    private static func meanEntropy(_ table: ContingencyTable) -> Double {
        (entropy(of: table.labelTotals, total: table.total) + entropy(of: table.clusterTotals, total: table.total)) / 2
    }

    private static func awayFromZero(_ value: Double) -> Double {
        value < 0 ? min(value, -epsilon) : max(value, epsilon)
    }
}

/// The many-to-one F1: themes are mapped to labels, never the other way, so several themes may serve one label.
private enum ManyToOneMapping {
    /// The row (label) that most of a theme's records carry; ties go to the lower row, the label that sorts first.
    static func majorityLabel(ofTheme column: Int, in table: ContingencyTable) -> Int {
        var best = 0
        for row in table.labels.indices where table.count(label: row, cluster: column) > table.count(label: best, cluster: column) {
            best = row
        }
        return best
    }

    static func labelScores(_ table: ContingencyTable) -> [ThemeEvaluation.LabelScore] {
        // Only theme columns: the unthemed cluster is never mapped, so its records stay misses.
        var mappedThemes = [[Int]](repeating: [], count: table.labels.count)
        for column in table.themes.indices {
            mappedThemes[majorityLabel(ofTheme: column, in: table)].append(column)
        }
        return table.labels.indices.map { row in
            let actual = table.labelTotals[row]
            let hits = mappedThemes[row].reduce(0) { $0 + table.count(label: row, cluster: $1) }
            let predicted = mappedThemes[row].reduce(0) { $0 + table.clusterTotals[$1] }
            return ThemeEvaluation.LabelScore(
                label: table.labels[row],
                records: actual,
                bestTheme: bestTheme(forLabel: row, in: table).map { table.themes[$0] },
                precision: predicted > 0 ? Double(hits) / Double(predicted) : 0,
                recall: Double(hits) / Double(actual),
                f1: Double(2 * hits) / Double(predicted + actual)
            )
        }
    }

    /// The theme column with the highest F1 against one label, or nil if no theme shares a record with it.
    static func bestTheme(forLabel row: Int, in table: ContingencyTable) -> Int? {
        let actual = table.labelTotals[row]
        var best: Int?
        for column in table.themes.indices {
            let hits = table.count(label: row, cluster: column)
            guard hits > 0 else { continue }
            guard let current = best else {
                best = column
                continue
            }
            // F1 = 2·hits / (theme size + label size); compare by cross-multiplying so ties are exact and go to the
            // earlier (smaller) theme id.
            let currentHits = table.count(label: row, cluster: current)
            if hits * (table.clusterTotals[current] + actual) > currentHits * (table.clusterTotals[column] + actual) {
                best = column
            }
        }
        return best
    }
}
