import CEarshotMemory
import EarshotModel
import Foundation

/// The seeding, refinement and assignment steps of ``ThemeDetector`` over one corpus.
struct ThemeEngine {
    let corpus: Corpus
    let detector: ThemeDetector
    let support: Int
    /// The analyst's words as terms of this corpus, resolved once: never keywords, pinned themes' keywords (by pin),
    /// and forced seeds.
    let excluded: Set<Int32>
    let pinnedTerms: [[Int32]]
    let forcedSeeds: Set<Int32>

    struct WorkingTheme {
        var seed: Int32
        var keywords: [(term: Int32, weight: Double)]
        var pinnedName: String?
        var members: Int = 0
    }

    static let pinnedWeight = 10.0

    /// The terms refinement counts, and each term's index among them (`-1` for one not counted).
    struct CountableTerms: Sendable {
        var terms: [Int32] = []
        var index: [Int32] = []
        var count: Int { terms.count }
    }

    /// Terms in at least the fewest records a keyword of a `support`-sized theme needs (3% of it, and 2): a theme
    /// smaller than `support` is dropped after refinement, so its keywords never matter.
    let countableTerms: CountableTerms

    init(corpus: Corpus, detector: ThemeDetector) {
        self.corpus = corpus
        self.detector = detector
        support = detector.support(documentCount: corpus.documentCount)
        let tokenizer = Tokenizer()
        let stemmer = Stemmer(language: (detector.languages.first ?? .english).rawValue)
        func terms(_ keywords: [String]) -> [Int32] {
            keywords.compactMap { corpus.term(forKeyword: $0, tokenizer: tokenizer, stemmer: stemmer) }
        }
        excluded = Set(terms(detector.taxonomy.excludedTerms))
        pinnedTerms = detector.taxonomy.pinned.map { terms($0.keywords) }
        forcedSeeds = Set(terms(detector.taxonomy.seeds))
        let fewest = Int32(max(2, (Double(support) * 0.03).rounded(.up)))
        var countable = CountableTerms(index: [Int32](repeating: -1, count: corpus.termCount))
        for term in 0..<corpus.termCount where corpus.documentFrequency[term] >= fewest {
            countable.index[term] = Int32(countable.terms.count)
            countable.terms.append(Int32(term))
        }
        countableTerms = countable
    }

    // MARK: The run

    func run() -> [WorkingTheme] {
        let documentCount = corpus.documentCount
        guard documentCount > 0 else { return [] }
        let pinned = pinnedThemes()
        var themes = seeds(avoiding: pinned)
        var primary = [Int32](repeating: -1, count: documentCount)
        // Start from the seeds' own records, then let keywords and assignments settle.
        initialAssignment(themes, into: &primary)
        for _ in 0..<6 {
            themes = merged(refine(themes, primary: primary))
            assignPrimary(pinned + themes, into: &primary, offset: -pinned.count)
        }
        let learned = refine(themes, primary: primary).filter { $0.members >= support }
        var all = pinned + learned
        // The biggest themes when there are too many; pinned ones always stay.
        let room = max(0, detector.maximumThemes - pinned.count)
        if learned.count > room {
            all = pinned + learned.sorted { $0.members != $1.members ? $0.members > $1.members : $0.seed < $1.seed }
                .prefix(room)
        }
        return all
    }

    /// Themes the analyst pinned: fixed keywords, never refined, never dropped.
    func pinnedThemes() -> [WorkingTheme] {
        zip(detector.taxonomy.pinned, pinnedTerms).map { pin, terms in
            guard let seed = terms.first else {
                return WorkingTheme(seed: -1, keywords: [], pinnedName: pin.name)
            }
            // A pinned keyword outweighs any learned theme: the analyst said these words mean this theme.
            return WorkingTheme(seed: seed, keywords: Array(Set(terms)).sorted().map { ($0, Self.pinnedWeight) }, pinnedName: pin.name)
        }
    }

    /// Candidate terms in score order; each seeds a theme unless most of its records are already taken.
    func seeds(avoiding pinned: [WorkingTheme]) -> [WorkingTheme] {
        let total = Double(corpus.documentCount)
        // On a large set, a term in over a quarter of the records is the domain ("flight" for an airline), not a theme.
        let maximumFrequency = Int32(total * (corpus.documentCount >= 1_000 ? 0.25 : 0.5))
        var candidates: [(term: Int32, score: Double)] = []
        let forced = forcedSeeds
        for term in 0..<corpus.termCount {
            let frequency = corpus.documentFrequency[term]
            guard frequency >= Int32(support), frequency <= maximumFrequency, !excluded.contains(Int32(term)) else { continue }
            let weight = corpus.isPhrase(Int32(term)) ? 1.5 : 1.0
            // BM25's idf rather than ln(N/df): it falls to zero at half the records, so words every customer uses
            // ("flight" in an airline's feedback) do not outrank what sets records apart.
            let inverse = log((total - Double(frequency) + 0.5) / (Double(frequency) + 0.5))
            var score = weight * Double(frequency) * inverse
            if forced.contains(Int32(term)) { score = .infinity }
            candidates.append((Int32(term), score))
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : corpus.labels[Int($0.term)] < corpus.labels[Int($1.term)] }
        candidates = Array(candidates.prefix(400))

        // The pinned themes' keywords too, however rare: their records are the pinned themes' own, and a learned seed
        // that mostly shares them must be seen as a companion, not start a theme over the analyst's.
        let pinnedKeywords = pinned.flatMap { $0.keywords.map(\.term) }
        let postings = Postings(
            of: Set(candidates.map(\.term)).union(pinnedKeywords), in: corpus, workers: detector.workers,
            smallest: detector.smallestPart)
        var owner = [Int16](repeating: -1, count: corpus.documentCount)
        var seedSizes: [Int] = []
        for theme in pinned {
            for (term, _) in theme.keywords {
                postings.forEachDocument(containing: term) { document in
                    if owner[Int(document)] < 0 { owner[Int(document)] = Int16(seedSizes.count) }
                }
            }
            seedSizes.append(theme.keywords.reduce(0) { $0 + postings.count(of: $1.term) })
        }
        var seeds: [WorkingTheme] = []
        let limit = detector.maximumThemes * 2
        var shared = [Int](repeating: 0, count: seedSizes.count + limit)
        for candidate in candidates where seeds.count < limit {
            let documentCount = postings.count(of: candidate.term)
            // A candidate is a companion of an earlier seed when most of its records are that seed's, well beyond
            // chance (lift over 2): then it describes the same theme and must not start a near-duplicate.
            for index in shared.indices { shared[index] = 0 }
            postings.forEachDocument(containing: candidate.term) { document in
                if owner[Int(document)] >= 0 { shared[Int(owner[Int(document)])] += 1 }
            }
            let isCompanion = seedSizes.indices.contains { seed in
                let inSeed = Double(shared[seed]) / Double(max(1, documentCount))
                let lift = inSeed / (Double(seedSizes[seed]) / total)
                return inSeed > 0.4 && lift > 2
            }
            if isCompanion && !forced.contains(candidate.term) { continue }
            postings.forEachDocument(containing: candidate.term) { document in
                if owner[Int(document)] < 0 { owner[Int(document)] = Int16(seedSizes.count) }
            }
            seedSizes.append(documentCount)
            seeds.append(WorkingTheme(seed: candidate.term, keywords: [(candidate.term, 1.0)]))
        }
        return seeds
    }

    /// `inParallelParts` over `count` records with the detector's workers and smallest part.
    private func inParts<Result: Sendable>(_ count: Int, _ body: @Sendable (Range<Int>) -> Result) -> [Result] {
        inParallelParts(count: count, parts: detector.workers, smallest: detector.smallestPart, body)
    }

    /// Each record's first theme, before any refinement: the seed first in score order among those it contains,
    /// `-1` for none.
    func initialAssignment(_ themes: [WorkingTheme], into primary: inout [Int32]) {
        var themeOfSeed = [Int32](repeating: -1, count: corpus.termCount)
        for (index, theme) in themes.enumerated() { themeOfSeed[Int(theme.seed)] = Int32(index) }
        let corpus = corpus
        let seedThemes = themeOfSeed
        let parts = inParts(corpus.documentCount) { documents in
            documents.map { document in
                // The seed that comes first in score order wins, as it did when the seeds were chosen.
                var first: Int32 = -1
                for term in corpus.documentTerms(document) {
                    let theme = seedThemes[Int(term)]
                    if theme >= 0, first < 0 || theme < first { first = theme }
                }
                return first
            }
        }
        primary = Array(parts.joined())
    }

    /// Each record's primary theme: the highest keyword score at or above the threshold, `-1` for none. Themes are
    /// indexed from `offset` (pinned themes get negative indices below -1 so they are never refined).
    private func assignPrimary(_ themes: [WorkingTheme], into primary: inout [Int32], offset: Int) {
        let index = KeywordIndex(themes: themes, termCount: corpus.termCount)
        let corpus = corpus
        let threshold = detector.assignmentThreshold
        let themeCount = themes.count
        let parts = inParts(corpus.documentCount) { documents in
            var scores = [Double](repeating: 0, count: themeCount)
            return documents.map { document in
                let best = index.best(corpus.documentTerms(document), scores: &scores, threshold: threshold)
                return best < 0 ? -1 : (best + offset < 0 ? -2 : Int32(best + offset))
            }
        }
        primary = Array(parts.joined())
    }

    /// New keywords for every learned theme from the records whose primary theme it is.
    private func refine(_ themes: [WorkingTheme], primary: [Int32]) -> [WorkingTheme] {
        guard !themes.isEmpty else { return [] }
        let corpus = corpus
        let themeCount = themes.count
        // Only terms in enough records to be a keyword of a theme that survives (one of `support` records or more)
        // are counted: on a large set they are a few thousand of hundreds of thousands, and the table stays small.
        let countable = countableTerms
        let termCount = countable.count
        // One flat table, theme by theme: `counts[theme * termCount + countable index]`; one per part, then summed.
        let parts = inParts(corpus.documentCount) { documents in
            var counts = [Int32](repeating: 0, count: themeCount * termCount)
            var members = [Int](repeating: 0, count: themeCount)
            counts.withUnsafeMutableBufferPointer { counts in
                for document in documents {
                    let theme = Int(primary[document])
                    guard theme >= 0 else { continue }
                    members[theme] += 1
                    let row = theme * termCount
                    for term in corpus.documentTerms(document) {
                        let dense = countable.index[Int(term)]
                        if dense >= 0 { counts[row + Int(dense)] += 1 }
                    }
                }
            }
            return (counts: counts, members: members)
        }
        var counts = parts[0].counts
        var members = parts[0].members
        for part in parts.dropFirst() {
            counts.withUnsafeMutableBufferPointer { counts in
                for (index, count) in part.counts.enumerated() where count != 0 { counts[index] += count }
            }
            for (index, count) in part.members.enumerated() { members[index] += count }
        }
        let total = Double(corpus.documentCount)
        var refined: [WorkingTheme] = []
        for (index, theme) in themes.enumerated() {
            let size = Double(members[index])
            guard size > 0 else { continue }
            let minimumCount = Int32(max(2, (size * 0.03).rounded(.up)))
            var scored: [(term: Int32, score: Double, weight: Double)] = []
            for (dense, term) in countable.terms.enumerated() {
                let together = counts[index * termCount + dense]
                guard together >= minimumCount, !excluded.contains(term) else { continue }
                let frequency = Double(corpus.documentFrequency[Int(term)])
                let lift = (Double(together) / size) / (frequency / total)
                guard lift >= 2 else { continue }
                scored.append((term, Double(together) * log2(lift), Double(together) / frequency))
            }
            scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.term < $1.term }
            var keywords = scored.prefix(12).map { ($0.term, $0.weight) }
            if keywords.isEmpty { keywords = [(theme.seed, 1.0)] }
            var next = theme
            next.keywords = keywords
            next.members = members[index]
            refined.append(next)
        }
        return refined
    }

    /// Themes whose strongest keywords mostly coincide become one, keeping the larger.
    private func merged(_ themes: [WorkingTheme]) -> [WorkingTheme] {
        let order = themes.indices.sorted {
            themes[$0].members != themes[$1].members ? themes[$0].members > themes[$1].members : themes[$0].seed < themes[$1].seed
        }
        var kept: [WorkingTheme] = []
        for index in order {
            let theme = themes[index]
            guard theme.members >= support else { continue }
            let top = Set(theme.keywords.prefix(5).map(\.term))
            let duplicate = kept.contains { other in
                let otherTop = Set(other.keywords.prefix(5).map(\.term))
                let shared = top.intersection(otherTop).count
                return Double(shared) / Double(max(1, min(top.count, otherTop.count))) >= 0.6
            }
            if !duplicate { kept.append(theme) }
        }
        return kept.sorted { $0.seed < $1.seed }
    }

    // MARK: Output

    /// The detected themes and every document's matches, documents taken in `order`; `ids[d]` is document `d`'s
    /// record, and `spellings` the customers' spelling of label terms (``LabelSpeller``).
    func result(_ themes: [WorkingTheme], ids: [RecordID], order: [Int32], spellings: [Int32: String] = [:]) -> DetectedThemes {
        let index = KeywordIndex(themes: themes, termCount: corpus.termCount)
        let isPinned = themes.map { $0.pinnedName != nil }
        let corpus = corpus
        let threshold = detector.assignmentThreshold
        // Each part takes a contiguous run of `order`, so the parts' matches joined are in record id order.
        var parts = inParts(order.count) { positions in
            var scores = [Double](repeating: 0, count: themes.count)
            var matches: [DetectedThemes.Match] = []
            var recordCounts = [Int](repeating: 0, count: themes.count)
            var ranked: [(theme: Int, score: Double)] = []
            // Records share their few matched-keyword lists: one array per theme and set of keywords, not per match.
            var matchedTerms = [[UInt64: [String]]](repeating: [:], count: themes.count)
            for document in order[positions].lazy.map({ Int($0) }) {
                let terms = corpus.documentTerms(document)
                _ = index.best(terms, scores: &scores, threshold: threshold)
                MatchRanking.rank(scores: scores, isPinned: isPinned, threshold: threshold, into: &ranked)
                for (rank, match) in ranked.enumerated() {
                    let keywords = themes[match.theme].keywords
                    var mask: UInt64 = 0
                    var matched: [String]?
                    if keywords.count <= 64 {
                        for (position, keyword) in keywords.enumerated() where corpus.document(document, contains: keyword.term) {
                            mask |= 1 << UInt64(position)
                        }
                        matched = matchedTerms[match.theme][mask]
                    }
                    if matched == nil {
                        let terms = keywords.filter { corpus.document(document, contains: $0.term) }.map { corpus.labels[Int($0.term)] }
                        if keywords.count <= 64 { matchedTerms[match.theme][mask] = terms }
                        matched = terms
                    }
                    matches.append(DetectedThemes.Match(
                        recordID: ids[document], theme: match.theme, rank: rank + 1,
                        strength: (min(1, match.score) * 1000).rounded() / 1000, matchedTerms: matched!, document: document))
                    recordCounts[match.theme] += 1
                }
            }
            return (matches: matches, recordCounts: recordCounts)
        }
        var recordCounts = [Int](repeating: 0, count: themes.count)
        for part in parts { for (theme, count) in part.recordCounts.enumerated() { recordCounts[theme] += count } }
        // Each part is dropped once copied, and its memory, freed in the worker's arena, handed back: the matches of
        // a large run are hundreds of megabytes.
        // The first part's matches are moved rather than copied: a copy of each of millions retains its strings.
        var matches: [DetectedThemes.Match] = []
        swap(&matches, &parts[0].matches)
        matches.reserveCapacity(parts.reduce(matches.count) { $0 + $1.matches.count })
        for index in parts.indices.dropFirst() {
            matches.append(contentsOf: parts[index].matches)
            parts[index].matches = []
        }
        earshot_release_freed_memory()
        // Stem texts by id, for the keywords only: the scoring model stores stems, which outlive this corpus's ids.
        let stemText = corpus.stemTexts(of: themes.flatMap { $0.keywords.map(\.term) })
        let output = themes.enumerated().map { index, theme in
            DetectedThemes.Theme(
                pinnedName: theme.pinnedName, label: theme.pinnedName ?? label(theme, spellings: spellings),
                keywords: theme.keywords.map { corpus.labels[Int($0.term)] }, recordCount: recordCounts[index],
                terms: theme.keywords.map { keyword in
                    ThemeScoringModel.Term(label: corpus.labels[Int(keyword.term)],
                                           stems: corpus.stems[Int(keyword.term)].map { stemText[$0]! }, weight: keyword.weight)
                })
        }
        return DetectedThemes(themes: output, matches: matches, documentCount: corpus.documentCount)
    }

    /// The terms a theme's label is made of: the phrase its two strongest words form ("Customer service",
    /// "Cancelled flight") when the corpus has one, else the strongest phrase among its first keywords, else its two
    /// strongest words.
    func labelTerms(_ theme: WorkingTheme) -> [Int32] {
        let top = theme.keywords.prefix(4).map(\.term)
        let topWords = top.filter { !corpus.isPhrase($0) }
        // The two strongest words, in either order, or with the third, as a phrase customers wrote.
        let pairs = topWords.count >= 2 ? [(0, 1), (1, 0), (0, 2), (2, 0)].filter { $0.0 < topWords.count && $0.1 < topWords.count } : []
        for (first, second) in pairs {
            if let phrase = corpus.phraseIDs[[topWords[first], topWords[second]]] { return [phrase] }
        }
        if let phrase = theme.keywords.prefix(6).map(\.term).first(where: corpus.isPhrase) { return [phrase] }
        return topWords.count >= 2 ? [topWords[0], topWords[1]] : [top.first ?? theme.seed]
    }

    /// A label as a person would write it: its terms (``labelTerms(_:)``) as customers spell them in `spellings`,
    /// else as their commonest words, joined by commas and capitalised.
    private func label(_ theme: WorkingTheme, spellings: [Int32: String]) -> String {
        let text = labelTerms(theme).map { spellings[$0] ?? corpus.labels[Int($0)] }.joined(separator: ", ")
        return LabelSpeller.capitalized(text)
    }
}
