/// Which themes a record joins given its score for each: shared by detection and by the nightly assignment, so a
/// record gets the same themes either way.
enum MatchRanking {
    /// Fills `ranked` with the themes a record joins, strongest first (ties to the lower index): none when no score
    /// reaches `threshold`; else every theme scoring at least `threshold` and half the reference score, which is the
    /// record's best score, or for a pinned match the best learned score, so that a pinned match does not crowd the
    /// learned themes out.
    static func rank(scores: [Double], isPinned: [Bool], threshold: Double, into ranked: inout [(theme: Int, score: Double)]) {
        ranked.removeAll(keepingCapacity: true)
        guard let top = scores.max(), top >= threshold else { return }
        var reference = top
        if top >= ThemeEngine.pinnedWeight {
            reference = 0
            for (theme, score) in scores.enumerated() where !isPinned[theme] { reference = max(reference, score) }
        }
        for (theme, score) in scores.enumerated() where score >= max(threshold, (isPinned[theme] ? top : reference) * 0.5) {
            ranked.append((theme, score))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.theme < $1.theme }
    }
}
