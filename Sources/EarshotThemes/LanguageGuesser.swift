/// Guesses the language of a text from how many of its words are stopwords of each `StemLanguage`.
///
/// Function words make up a large share of any running text and differ between languages, so counting
/// them is enough to pick a stemmer. It is only a guess: when the evidence is thin or two languages are
/// close (Spanish and Portuguese share many function words), it returns `nil` and the caller falls back to
/// the workspace's language.
public struct LanguageGuesser: Sendable {
    /// The fewest stopword hits the winning language needs.
    public static let minimumHits = 2

    /// Creates a guesser.
    public init() {}

    /// The language whose stopwords cover the most of `tokens`, or `nil` when fewer than
    /// `minimumHits` tokens match it or the runner-up is too close.
    ///
    /// Pass every lowercase word of the text, stopwords included (not `Tokenizer.tokens`, which drops
    /// them): stopwords are the evidence. A token that counts for several languages counts for each.
    /// Ties go to the language that comes first in `StemLanguage.allCases`, so the result is deterministic.
    public func guess(_ tokens: [String]) -> StemLanguage? {
        let languages = StemLanguage.allCases
        var hits = [Int](repeating: 0, count: languages.count)
        for token in tokens {
            // One lookup per token, whatever the number of languages.
            guard var mask = Self.membership[token] else { continue }
            while mask != 0 {
                hits[mask.trailingZeroBitCount] += 1
                mask &= mask - 1
            }
        }
        var best = 0
        for index in hits.indices.dropFirst() where hits[index] > hits[best] { best = index }
        let runnerUp = hits.indices.filter { $0 != best }.map { hits[$0] }.max() ?? 0
        guard hits[best] >= Self.minimumHits, hits[best] - runnerUp >= Self.requiredMargin(for: hits[best]) else {
            return nil
        }
        return languages[best]
    }

    /// How many more hits than the runner-up the winner needs: at least one, and a quarter of its own
    /// count, so a long text needs a proportionally clear lead rather than a lucky extra word.
    static func requiredMargin(for bestHits: Int) -> Int {
        max(1, bestHits / 4)
    }

    /// For each stopword, a bit per language (bit i = `StemLanguage.allCases[i]`) whose list holds it.
    static let membership: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        for (index, language) in StemLanguage.allCases.enumerated() {
            for word in StopwordLists.words(for: language) {
                table[word, default: 0] |= 1 << UInt32(index)
            }
        }
        return table
    }()
}
