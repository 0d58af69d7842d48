/// For every term, the themes it is a keyword of and its weight there, in flat arrays: scoring looks up every
/// term of every record, and most terms are no theme's keyword.
struct KeywordIndex {
    /// Term `t`'s entries are `themes[starts[t]..<starts[t + 1]]` with their `weights`.
    private var starts: [Int32]
    private var themes: [Int32]
    private var weights: [Double]

    init(themes: [ThemeEngine.WorkingTheme], termCount: Int) {
        var entries = [[(theme: Int32, weight: Double)]](repeating: [], count: termCount)
        for (index, theme) in themes.enumerated() {
            for (term, weight) in theme.keywords where term >= 0 { entries[Int(term)].append((Int32(index), weight)) }
        }
        starts = [0]
        starts.reserveCapacity(termCount + 1)
        self.themes = []
        weights = []
        for termEntries in entries {
            for entry in termEntries {
                self.themes.append(entry.theme)
                weights.append(entry.weight)
            }
            starts.append(Int32(self.themes.count))
        }
    }

    /// Fills `scores` with the document's score for every theme and returns the best theme at or above `threshold`,
    /// or -1. Ties go to the lower theme index.
    func best(_ terms: ArraySlice<Int32>, scores: inout [Double], threshold: Double) -> Int {
        for index in scores.indices { scores[index] = 0 }
        for term in terms {
            var entry = Int(starts[Int(term)])
            let end = Int(starts[Int(term) + 1])
            while entry < end {
                scores[Int(themes[entry])] += weights[entry]
                entry += 1
            }
        }
        var best = -1
        var bestScore = threshold
        for (index, score) in scores.enumerated() where score >= bestScore && (best < 0 || score > bestScore) {
            best = index
            bestScore = score
        }
        return best
    }
}
