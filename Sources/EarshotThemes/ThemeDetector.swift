import Dispatch
import EarshotModel
import Foundation
import Synchronization

/// Stage 3, themes: finds the themes customers keep coming back to, by keyword and frequency scoring, and assigns
/// records to them. `docs/THEMES.md` gives the method with its formulas; in short:
///
/// 1. **Terms.** Words are tokenized, stopwords dropped, stemmed with Snowball, and joined into collocations
///    (``PhraseFinder``), so "lost luggage" and "refund not received" are terms of their own.
/// 2. **Seeds.** Candidate terms are those in at least `support` records and at most half of them, ranked by
///    `df · ln((N − df + 0.5) / (df + 0.5))` (phrases × 1.5). Taken in that order, a candidate seeds a theme unless most of its records
///    already belong to an earlier seed: near-duplicate themes never start.
/// 3. **Refinement.** Each theme's keywords are the terms over-represented among its records — lift
///    `(a / |M|) / (df / N) ≥ 2`, ranked by `a · log2(lift)` — each weighted by its precision `a / df`, the share of
///    the term's records that are in the theme. A record's score for a theme is the sum of the weights of the
///    keywords it contains; its primary theme is the highest score of at least `assignmentThreshold`. Keywords and
///    assignments are recomputed a few times, themes whose keywords overlap are merged, and themes that shrink below
///    `support` are dropped.
/// 4. **Assignment.** A record also joins every other theme whose score is at least half its primary score.
///
/// Everything is computed in the order of record ids and term texts, so the same records give the same themes in
/// any row order. Ids are not given here: ``ThemeRegistry`` matches themes to those of earlier runs.
public struct ThemeDetector: Sendable {
    /// The tokenizer settings: stopwords.
    public var extraStopwords: [String]
    /// The languages whose stopwords apply; the first one's stemmer is used.
    public var languages: [StemLanguage]
    /// The most themes to report.
    public var maximumThemes: Int
    /// The fewest records a theme may have (raised to 0.3% of the records on large sets).
    public var minimumSupport: Int
    /// The lowest score that assigns a record to a theme.
    public var assignmentThreshold: Double
    /// The analyst's taxonomy: pinned themes, seeds, excluded terms.
    public var taxonomy: Taxonomy
    /// Threads used for tokenizing.
    public var workers: Int
    /// The lexicon whose cues ``DetectedThemes/emotions`` reports, found while the words are read; `nil` for none.
    public var emotionLexicon: EmotionLexicon?
    /// Fewer records than this are not split among the workers: a thread would cost more than it saves. Tests lower
    /// it, so that a small set takes the paths a large one takes.
    var smallestPart = 10_000

    /// Creates a detector.
    public init(
        extraStopwords: [String] = [], languages: [StemLanguage] = [.english], maximumThemes: Int = 25,
        minimumSupport: Int = 3, assignmentThreshold: Double = 0.3, taxonomy: Taxonomy = Taxonomy(), workers: Int = 2,
        emotionLexicon: EmotionLexicon? = nil
    ) {
        self.emotionLexicon = emotionLexicon
        self.extraStopwords = extraStopwords
        self.languages = languages
        self.maximumThemes = maximumThemes
        self.minimumSupport = minimumSupport
        self.assignmentThreshold = assignmentThreshold
        self.taxonomy = taxonomy
        self.workers = workers
    }

    /// One record as the detector needs it.
    public struct Document: Sendable {
        /// The record.
        public var id: RecordID
        /// Its title and text.
        public var text: String
        /// Creates a document.
        public init(id: RecordID, text: String) {
            self.id = id
            self.text = text
        }
    }

    /// Detects themes in records.
    public func detectThemes(in records: [NormalizedRecord]) -> DetectedThemes {
        detectThemes(in: records.map { Document(id: $0.id, text: $0.fullText) })
    }

    /// Detects themes in documents.
    public func detectThemes(in documents: [Document]) -> DetectedThemes {
        var textOf: [RecordID: String] = [:]
        for document in documents where textOf[document.id] == nil { textOf[document.id] = document.text }
        return detectThemes(
            batches: { consume in
                var batch = DocumentBatch()
                for document in documents { batch.append(id: document.id, text: document.text) }
                consume(batch)
            },
            texts: { ids in textOf.filter { ids.contains($0.key) } })
    }

    /// Detects themes in the documents `produce` hands over in batches (any order), tokenizing each batch on a
    /// worker thread while the next is read: the themes stage streams the store's records through this, so that
    /// their texts are never all in memory. Labels are made of each stem's commonest lowercased word.
    public func detectThemes(batches produce: (_ consume: (DocumentBatch) -> Void) throws -> Void) rethrows -> DetectedThemes {
        try detectThemes(batches: produce, texts: { _ in [:] })
    }

    /// ``detectThemes(batches:)``, with labels spelled as customers write them ("CSV export"): `texts` gives the
    /// full texts of a few records by id (at most ``LabelSpeller/sampleSize`` per label term), read again once the
    /// themes are found.
    public func detectThemes(
        batches produce: (_ consume: (DocumentBatch) -> Void) throws -> Void,
        texts: (_ ids: Set<RecordID>) throws -> [RecordID: String]
    ) rethrows -> DetectedThemes {
        var extraction = try TermExtraction.run(
            tokenizer: tokenizer, language: languages.first ?? .english, workers: workers, lexicon: emotionLexicon,
            produce: produce)
        let ids = extraction.ids
        extraction.ids = []
        let emotions = emotionLexicon == nil ? [] : extraction.chunks.flatMap(\.emotions)
        // Matches are listed in record id order, whatever order the documents came in; every other step counts
        // over documents and does not depend on their order. Sorting millions of ids takes seconds: it runs on
        // another thread while the corpus is built.
        let sorted = Mutex<[Int32]>([])
        let sorting = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: sorting) {
            var order = Array(0..<Int32(ids.count))
            order.sort { ids[Int($0)] < ids[Int($1)] }
            sorted.withLock { $0 = order }
        }
        var options = Corpus.Options()
        options.minimumTermCount = max(2, minimumSupport)
        options.minimumPhraseCount = max(3, min(50, ids.count / 1_000))
        options.workers = workers
        let corpus = Corpus(taking: &extraction, options: options)
        sorting.wait()
        let order = sorted.withLock { $0 }
        let engine = ThemeEngine(corpus: corpus, detector: self)
        let themes = engine.run()
        let spellings = try labelSpellings(of: themes, engine: engine, ids: ids, order: order, texts: texts)
        var detected = engine.result(themes, ids: ids, order: order, spellings: spellings)
        detected.languages = languages.isEmpty ? [.english] : languages
        detected.documentEmotions = emotions
        detected.emotions = emotions.isEmpty ? [] : order.lazy.map(Int.init).compactMap { document in
            emotions[document].isEmpty ? nil : RecordEmotions(recordID: ids[document], emotions: emotions[document])
        }
        return detected
    }

    /// How customers spell the terms of the learned themes' labels, read from the texts of the first records by id
    /// that contain each term.
    private func labelSpellings(
        of themes: [ThemeEngine.WorkingTheme], engine: ThemeEngine, ids: [RecordID], order: [Int32],
        texts: (_ ids: Set<RecordID>) throws -> [RecordID: String]
    ) rethrows -> [Int32: String] {
        let corpus = engine.corpus
        let terms = Set(themes.filter { $0.pinnedName == nil }.flatMap(engine.labelTerms))
        guard !terms.isEmpty else { return [:] }
        let samples = corpus.firstDocuments(containing: terms, order: order, limit: LabelSpeller.sampleSize)
        let textOf = try texts(Set(samples.values.joined().map { ids[$0] }))
        guard !textOf.isEmpty else { return [:] }
        let stemText = corpus.stemTexts(of: terms)
        let speller = LabelSpeller(tokenizer: tokenizer, stemmer: Stemmer(language: (languages.first ?? .english).rawValue))
        var spellings: [Int32: String] = [:]
        for (term, documents) in samples {
            let stems = corpus.stems[Int(term)].map { stemText[$0]! }
            spellings[term] = speller.spelling(of: stems, in: documents.compactMap { textOf[ids[$0]] })
        }
        return spellings
    }

    /// The tokenizer records are read with: the languages' stopwords and the analyst's. Detection and the label
    /// speller must split texts alike.
    var tokenizer: Tokenizer {
        Tokenizer(extraStopwords: extraStopwords + taxonomy.stopwords, languages: languages)
    }

    // MARK: Tuning

    func support(documentCount: Int) -> Int {
        max(minimumSupport, Int((Double(documentCount) * 0.003).rounded(.up)))
    }
}

/// What the detector found, before ids are given: each theme's keywords and label, and every record's matches.
public struct DetectedThemes: Sendable, Hashable {
    /// One theme.
    public struct Theme: Sendable, Hashable {
        /// The name an analyst pinned it under, if it is a pinned theme.
        public var pinnedName: String?
        /// A readable label.
        public var label: String
        /// Keywords and phrases, strongest first.
        public var keywords: [String]
        /// How many records it was assigned to (any rank).
        public var recordCount: Int
        /// The keywords as stems with their weights: how a record is scored for it.
        public var terms: [ThemeScoringModel.Term] = []
    }

    /// One record's match with one theme (an index into ``themes``).
    public struct Match: Sendable, Hashable {
        public var recordID: RecordID
        public var theme: Int
        public var rank: Int
        public var strength: Double
        public var matchedTerms: [String]
        /// The record's position among the documents as they were handed over (`-1` when not from a detection): the
        /// themes stage counts each theme's records by week from it without looking their ids up.
        public var document: Int = -1

        /// Creates a match.
        public init(recordID: RecordID, theme: Int, rank: Int, strength: Double, matchedTerms: [String], document: Int = -1) {
            self.recordID = recordID
            self.theme = theme
            self.rank = rank
            self.strength = strength
            self.matchedTerms = matchedTerms
            self.document = document
        }
    }

    /// The themes, largest first.
    public var themes: [Theme]
    /// Every match, by record then rank.
    public var matches: [Match]
    /// The records considered.
    public var documentCount: Int
    /// The languages the records were read in, the stemmer's first (``ThemeDetector/languages``).
    public var languages: [StemLanguage] = [.english]

    /// The records that show emotions, by record id, when the detector had an ``ThemeDetector/emotionLexicon``.
    public var emotions: [RecordEmotions] = []
    /// Every document's emotions by its position as handed over (as ``Match/document``), when the detector had a
    /// lexicon; else empty.
    public var documentEmotions: [EmotionSet] = []
}

