import Foundation
import Synchronization

/// The records of one themes run as numbers: every word stemmed and interned, collocations found, and each document
/// reduced to the sorted set of terms it contains.
///
/// Terms are word stems (`0..<stemCount`) followed by phrases (`stemCount...`). A phrase is a pair of adjacent stems
/// that occur together in documents far more often than chance: document-level NPMI
/// `ln(p(ab) / (p(a)·p(b))) / −ln p(ab) ≥ minimumPhraseNPMI`, with at least `minimumPhraseCount` documents. Three-word
/// phrases are two overlapping accepted pairs that again pass the same test as a unit.
struct Corpus: Sendable {
    /// How a corpus is built.
    struct Options: Sendable {
        var minimumTermCount = 3
        var minimumPhraseCount = 5
        var minimumPhraseNPMI = 0.25
        var languages: [StemLanguage] = [.english]
        var extraStopwords: [String] = []
        var workers = 2
    }

    /// The number of documents.
    var documentCount: Int
    /// Every term's display form: the commonest surface word of a stem, or the words of a phrase.
    var labels: [String]
    /// Every term's stems, for matching analyst keywords: one for a word, two or three for a phrase.
    var stems: [[Int32]]
    /// How many documents contain each term.
    var documentFrequency: [Int32]
    /// The sorted distinct terms of document `d` are `terms[offsets[d]..<offsets[d + 1]]`.
    var terms: [Int32]
    var offsets: [Int]
    /// The id of a stem string, for analyst keywords.
    var stemIDs: [String: Int32]
    /// The id of a phrase by its stems.
    var phraseIDs: [[Int32]: Int32]

    var termCount: Int { labels.count }

    func documentTerms(_ document: Int) -> ArraySlice<Int32> { terms[offsets[document]..<offsets[document + 1]] }

    /// Whether document `d` contains `term`: a binary search of its sorted terms, with no set built per document.
    func document(_ document: Int, contains term: Int32) -> Bool {
        var low = offsets[document]
        var high = offsets[document + 1]
        while low < high {
            let middle = (low + high) / 2
            if terms[middle] < term { low = middle + 1 } else { high = middle }
        }
        return low < offsets[document + 1] && terms[low] == term
    }

    func isPhrase(_ term: Int32) -> Bool { stems[Int(term)].count > 1 }

    /// The term for an analyst's keyword or phrase (`"refund"`, `"charged twice"`), if the corpus has it.
    func term(forKeyword keyword: String, tokenizer: Tokenizer, stemmer: Stemmer?) -> Int32? {
        var ids: [Int32] = []
        var missing = false
        tokenizer.forEachToken(in: keyword) { token in
            guard case .word(let word) = token else { return }
            let stem = stemmer?.stem(word) ?? word
            if let id = stemIDs[stem] { ids.append(id) } else { missing = true }
        }
        guard !missing, !ids.isEmpty else { return nil }
        if ids.count == 1 { return ids[0] }
        return phraseIDs[ids]
    }
}

extension Corpus {
    /// Builds the corpus of `texts`, tokenizing and stemming on `options.workers` threads.
    init(texts: [String], options: Options) {
        let tokenizer = Tokenizer(extraStopwords: options.extraStopwords, languages: options.languages)
        let language = options.languages.first ?? .english
        let workers = max(1, min(options.workers, texts.count / 2_000 + 1))
        let chunk = (texts.count + workers - 1) / max(workers, 1)
        let results = Mutex<[Int: ExtractedChunk]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (worker * chunk)..<min(texts.count, (worker + 1) * chunk)
            let extractor = TermExtractor(tokenizer: tokenizer, stemmer: Stemmer(language: language.rawValue))
            let extracted = extractor.extract(texts[range])
            results.withLock { $0[worker] = extracted }
        }
        let chunks = results.withLock { results in (0..<workers).compactMap { results[$0] } }
        self.init(chunks: chunks, documentCount: texts.count, options: options)
    }

    private init(chunks: [ExtractedChunk], documentCount: Int, options: Options) {
        // Global stem ids in sorted order, so that ids never depend on how the documents were split among threads.
        var allStems = Set<String>()
        for chunk in chunks { allStems.formUnion(chunk.stemOfSurface) }
        let stemTexts = allStems.sorted()
        var stemIDs: [String: Int32] = [:]
        stemIDs.reserveCapacity(stemTexts.count)
        for (index, stem) in stemTexts.enumerated() { stemIDs[stem] = Int32(index) }

        // Surface words per stem, for labels: the commonest surface form, ties to the alphabetically first.
        var surfaceCounts: [Int32: [String: Int]] = [:]
        var tokens: [Int32] = []
        var tokenOffsets: [Int] = [0]
        tokens.reserveCapacity(chunks.reduce(0) { $0 + $1.tokens.count })
        tokenOffsets.reserveCapacity(documentCount + 1)
        for chunk in chunks {
            let mapping = chunk.stemOfSurface.map { stemIDs[$0]! }
            for (id, (surface, count)) in zip(chunk.surfaces, chunk.surfaceCounts).enumerated() where count > 0 {
                surfaceCounts[mapping[id], default: [:]][surface, default: 0] += count
            }
            let base = tokens.count
            for token in chunk.tokens { tokens.append(token < 0 ? -1 : mapping[Int(token)]) }
            for offset in chunk.offsets.dropFirst() { tokenOffsets.append(base + offset) }
        }
        let stemCount = stemTexts.count
        var stemLabels = [String](repeating: "", count: stemCount)
        for (stem, counts) in surfaceCounts {
            stemLabels[Int(stem)] = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
        }

        // Document frequency of stems.
        var stemFrequency = [Int32](repeating: 0, count: stemCount)
        var lastSeen = [Int32](repeating: -1, count: stemCount)
        for document in 0..<documentCount {
            for index in tokenOffsets[document]..<tokenOffsets[document + 1] {
                let token = tokens[index]
                if token >= 0, lastSeen[Int(token)] != Int32(document) {
                    lastSeen[Int(token)] = Int32(document)
                    stemFrequency[Int(token)] += 1
                }
            }
        }

        let phrases = PhraseFinder(
            tokens: tokens, offsets: tokenOffsets, stemFrequency: stemFrequency, documentCount: documentCount,
            minimumCount: options.minimumPhraseCount, minimumNPMI: options.minimumPhraseNPMI
        ).find()

        var labels = stemLabels
        var stems: [[Int32]] = (0..<stemCount).map { [Int32($0)] }
        var phraseIDs: [[Int32]: Int32] = [:]
        var pairIDs: [UInt64: Int32] = [:]
        var tripleIDs: [PhraseFinder.Triple: Int32] = [:]
        for phrase in phrases {
            let id = Int32(labels.count)
            phraseIDs[phrase] = id
            if phrase.count == 2 {
                pairIDs[PhraseFinder.pairKey(phrase[0], phrase[1])] = id
            } else {
                tripleIDs[PhraseFinder.Triple(phrase[0], phrase[1], phrase[2])] = id
            }
            labels.append(phrase.map { stemLabels[Int($0)] }.joined(separator: " "))
            stems.append(phrase)
        }

        // Each document's distinct terms: frequent-enough stems, and the phrases it contains.
        var termFrequency = [Int32](repeating: 0, count: labels.count)
        for stem in 0..<stemCount { termFrequency[stem] = stemFrequency[stem] }
        var terms: [Int32] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(documentCount + 1)
        var documentTerms: [Int32] = []
        for document in 0..<documentCount {
            documentTerms.removeAll(keepingCapacity: true)
            let range = tokenOffsets[document]..<tokenOffsets[document + 1]
            for index in range {
                let token = tokens[index]
                guard token >= 0 else { continue }
                if stemFrequency[Int(token)] >= Int32(options.minimumTermCount) { documentTerms.append(token) }
                guard index + 1 < range.upperBound, tokens[index + 1] >= 0, !pairIDs.isEmpty else { continue }
                if let pair = pairIDs[PhraseFinder.pairKey(token, tokens[index + 1])] {
                    documentTerms.append(pair)
                    if index + 2 < range.upperBound, tokens[index + 2] >= 0, !tripleIDs.isEmpty,
                        let triple = tripleIDs[PhraseFinder.Triple(token, tokens[index + 1], tokens[index + 2])]
                    {
                        documentTerms.append(triple)
                    }
                }
            }
            documentTerms.sort()
            var previous: Int32 = -1
            for term in documentTerms where term != previous {
                terms.append(term)
                if term >= Int32(stemCount) { termFrequency[Int(term)] += 1 }
                previous = term
            }
            offsets.append(terms.count)
        }

        self.documentCount = documentCount
        self.labels = labels
        self.stems = stems
        self.documentFrequency = termFrequency
        self.terms = terms
        self.offsets = offsets
        self.stemIDs = stemIDs
        self.phraseIDs = phraseIDs
    }
}

/// What one thread extracted from its share of the documents, in its own local surface-word ids.
struct ExtractedChunk: Sendable {
    /// Surface words by local id.
    var surfaces: [String]
    var surfaceCounts: [Int]
    var stemOfSurface: [String]
    /// Local surface ids, `-1` for a boundary.
    var tokens: [Int32]
    var offsets: [Int]
}

/// Tokenizes and stems documents on one thread. Not `Sendable`: it owns a Snowball stemmer, which is not thread-safe.
final class TermExtractor {
    let tokenizer: Tokenizer
    let stemmer: Stemmer?
    private var vocabulary: [String: Int32] = [:]
    private var surfaces: [String] = []
    private var surfaceCounts: [Int] = []
    private var stemOfSurface: [String] = []

    init(tokenizer: Tokenizer, stemmer: Stemmer?) {
        self.tokenizer = tokenizer
        self.stemmer = stemmer
    }

    func extract(_ texts: ArraySlice<String>) -> ExtractedChunk {
        var tokens: [Int32] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(texts.count + 1)
        for text in texts {
            var previousWasBoundary = true
            tokenizer.forEachToken(in: text) { token in
                switch token {
                case .word(let word):
                    let id: Int32
                    if let known = vocabulary[word] {
                        id = known
                    } else {
                        id = Int32(surfaces.count)
                        vocabulary[word] = id
                        surfaces.append(word)
                        surfaceCounts.append(0)
                        stemOfSurface.append(stemmer?.stem(word) ?? word)
                    }
                    surfaceCounts[Int(id)] += 1
                    tokens.append(id)
                    previousWasBoundary = false
                case .boundary:
                    if !previousWasBoundary { tokens.append(-1) }
                    previousWasBoundary = true
                }
            }
            offsets.append(tokens.count)
        }
        return ExtractedChunk(
            surfaces: surfaces, surfaceCounts: surfaceCounts,
            stemOfSurface: stemOfSurface, tokens: tokens, offsets: offsets)
    }
}
