import EarshotModel

/// Assigns records to the current themes without detecting them again: the nightly run's themes pass.
///
/// A record is tokenized and stemmed as detection does it, so it contains a keyword when it contains the keyword's
/// stem, or a phrase's stems next to each other with no stopword or punctuation between; its score for a detected
/// theme is the sum of the weights of the keywords it contains, ranked by ``MatchRanking`` and curated as
/// ``ThemeRegistry`` curates detection's matches. A record that was part of a detection therefore gets the same
/// assignments from the assigner as from that detection.
public struct ThemeAssigner: Sendable {
    private let scoring: ThemeScoringModel
    private let tokenizer: Tokenizer
    private let language: StemLanguage
    private let threshold: Double
    /// Keyword `(theme, position)` pairs by the stems that spell them, joined by a space.
    private let keywordsByStems: [String: [(theme: Int, position: Int)]]
    /// The stems that occur in some keyword: every other word only separates phrases.
    private let keywordStems: Set<String>

    /// Creates an assigner for the themes `scoring` describes, in the languages detection read the records in (the
    /// scoring model's, not the detector's), with the detector's stopwords and threshold.
    public init(scoring: ThemeScoringModel, detector: ThemeDetector) {
        self.scoring = scoring
        let languages = scoring.languages.compactMap(StemLanguage.init(name:))
        tokenizer = Tokenizer(extraStopwords: detector.extraStopwords + detector.taxonomy.stopwords, languages: languages)
        language = languages.first ?? .english
        threshold = detector.assignmentThreshold
        var byStems: [String: [(theme: Int, position: Int)]] = [:]
        for (theme, detected) in scoring.themes.enumerated() {
            for (position, term) in detected.terms.enumerated() {
                byStems[term.stems.joined(separator: " "), default: []].append((theme, position))
            }
        }
        keywordsByStems = byStems
        keywordStems = Set(scoring.themes.flatMap { $0.terms.flatMap(\.stems) })
    }

    /// The assignments of the batch's records, by record id then rank, and the records each theme got.
    public func assignments(in batch: DocumentBatch) -> (assignments: [ThemeAssignment], recordCounts: [String: Int]) {
        var extractor = TermExtractor(tokenizer: tokenizer, stemmer: Stemmer(language: language.rawValue))
        let chunk = extractor.extract(batch, worker: 0)
        let stems = extractor.vocabulary.stemOfSurface
        let isPinned = scoring.themes.map(\.isPinned)
        var scores = [Double](repeating: 0, count: scoring.themes.count)
        var ranked: [(theme: Int, score: Double)] = []
        var matches: [DetectedThemes.Match] = []
        for (document, id) in batch.ids.enumerated() {
            let tokens = chunk.tokens[chunk.offsets[document]..<chunk.offsets[document + 1]]
            let found = keywords(in: tokens, stems: stems)
            for index in scores.indices { scores[index] = 0 }
            for keyword in found { scores[keyword.theme] += scoring.themes[keyword.theme].terms[keyword.position].weight }
            MatchRanking.rank(scores: scores, isPinned: isPinned, threshold: threshold, into: &ranked)
            for (rank, match) in ranked.enumerated() {
                let matched = found.filter { $0.theme == match.theme }.sorted { $0.position < $1.position }
                    .map { scoring.themes[match.theme].terms[$0.position].label }
                matches.append(DetectedThemes.Match(
                    recordID: id, theme: match.theme, rank: rank + 1,
                    strength: (min(1, match.score) * 1000).rounded() / 1000, matchedTerms: matched))
            }
        }
        matches.sort { $0.recordID != $1.recordID ? $0.recordID < $1.recordID : $0.rank < $1.rank }
        return ThemeRegistry.curatedAssignments(matches, curatedIDs: scoring.themes.map(\.themeID))
    }

    /// The distinct keywords a document's tokens contain: single stems, and runs of two or three adjacent stems.
    private func keywords(in tokens: ArraySlice<Int32>, stems: [String]) -> Set<Pair> {
        var found = Set<Pair>()
        // A token's stem when some keyword uses it, "" for any other word (it still breaks adjacency), nil at a boundary.
        let words: [String?] = tokens.map { token in
            guard token >= 0 else { return nil }
            let stem = stems[Int(token)]
            return keywordStems.contains(stem) ? stem : ""
        }
        for start in words.indices {
            guard let first = words[start], !first.isEmpty else { continue }
            var key = first
            for length in 1...3 {
                if length > 1 {
                    let next = start + length - 1
                    guard next < words.count, let word = words[next], !word.isEmpty else { break }
                    key += " " + word
                }
                for keyword in keywordsByStems[key] ?? [] { found.insert(Pair(theme: keyword.theme, position: keyword.position)) }
            }
        }
        return found
    }

    private struct Pair: Hashable {
        var theme: Int
        var position: Int
    }
}
