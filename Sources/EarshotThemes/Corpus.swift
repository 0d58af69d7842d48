import CEarshotMemory
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
    /// How a corpus is built from extracted tokens (``TermExtraction`` does the tokenizing).
    struct Options: Sendable {
        var minimumTermCount = 3
        var minimumPhraseCount = 5
        var minimumPhraseNPMI = 0.25
        /// Threads for the passes over every document.
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
    /// Every document's sorted distinct terms, in blocks: one per extracted chunk, each made as the chunk's tokens
    /// are dropped, so that on a large run it takes their place in memory instead of adding to them. Document `d`'s
    /// terms are `termBlocks[block[d]][(offsets[d] - blockStarts[block[d]])..<(offsets[d + 1] - blockStarts[block[d]])]`.
    var termBlocks: [[Int32]]
    var blockStarts: [Int]
    var block: [Int32]
    var offsets: [Int]
    /// The id of a stem string, for analyst keywords.
    var stemIDs: [String: Int32]
    /// The id of a phrase by its stems.
    var phraseIDs: [[Int32]: Int32]

    var termCount: Int { labels.count }

    /// The number of term occurrences, one per document and distinct term.
    var termOccurrenceCount: Int { offsets.last ?? 0 }

    func documentTerms(_ document: Int) -> ArraySlice<Int32> {
        let block = Int(block[document])
        let start = blockStarts[block]
        return termBlocks[block][(offsets[document] - start)..<(offsets[document + 1] - start)]
    }

    /// Whether document `d` contains `term`: a binary search of its sorted terms, with no set built per document.
    func document(_ document: Int, contains term: Int32) -> Bool {
        let terms = documentTerms(document)
        var low = terms.startIndex
        var high = terms.endIndex
        while low < high {
            let middle = (low + high) / 2
            if terms[middle] < term { low = middle + 1 } else { high = middle }
        }
        return low < terms.endIndex && terms[low] == term
    }

    func isPhrase(_ term: Int32) -> Bool { stems[Int(term)].count > 1 }

    /// The texts of `terms`' stems, by stem id: what outlives this corpus's ids (the scoring model, a label's
    /// spelling) names stems by their text.
    func stemTexts(of terms: some Sequence<Int32>) -> [Int32: String] {
        let wanted = Set(terms.flatMap { stems[Int($0)] })
        var texts: [Int32: String] = [:]
        for (text, id) in stemIDs where wanted.contains(id) { texts[id] = text }
        return texts
    }

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
    /// Builds the corpus from extracted tokens, documents numbered in the order they were handed over.
    ///
    /// The chunks are taken out of `extraction`, and each is dropped as soon as its documents' terms are made: the tokens and the
    /// terms of a large run are then never both whole in memory.
    init(taking extraction: inout TermExtraction.Output, options: Options) {
        var chunks = extraction.chunks
        let vocabularies = extraction.vocabularies
        extraction.chunks = []
        let documentCount = chunks.reduce(0) { $0 + $1.offsets.count - 1 }
        // Global stem ids in sorted order, so that ids never depend on how the documents were split among threads.
        var allStems = Set<String>()
        for vocabulary in vocabularies { allStems.formUnion(vocabulary.stemOfSurface) }
        let stemTexts = allStems.sorted()
        var stemIDs: [String: Int32] = [:]
        stemIDs.reserveCapacity(stemTexts.count)
        for (index, stem) in stemTexts.enumerated() { stemIDs[stem] = Int32(index) }

        // Surface words per stem, for labels: the commonest surface form, ties to the alphabetically first.
        var surfaceCounts: [Int32: [String: Int]] = [:]
        let mappings = vocabularies.map { vocabulary in vocabulary.stemOfSurface.map { stemIDs[$0]! } }
        for (vocabulary, mapping) in zip(vocabularies, mappings) {
            for (id, (surface, count)) in zip(vocabulary.surfaces, vocabulary.surfaceCounts).enumerated() where count > 0 {
                surfaceCounts[mapping[id], default: [:]][surface, default: 0] += count
            }
        }
        let stemCount = stemTexts.count
        var stemLabels = [String](repeating: "", count: stemCount)
        for (stem, counts) in surfaceCounts {
            stemLabels[Int(stem)] = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
        }

        // Every chunk's tokens from its worker's surface ids to stem ids, in place, and the stems' document
        // frequencies, on the workers over runs of chunks; the runs' counts are summed.
        let mapped = ChunkHandout(chunks)
        chunks = []
        let frequencies = inParallelParts(count: mapped.count, parts: options.workers, smallest: 64) { range in
            var frequency = [Int32](repeating: 0, count: stemCount)
            var lastSeen = [Int32](repeating: -1, count: stemCount)
            var document: Int32 = 0
            for index in range {
                var chunk = mapped.take(index)
                let mapping = mappings[chunk.worker]
                chunk.tokens.withUnsafeMutableBufferPointer { tokens in
                    for position in tokens.indices where tokens[position] >= 0 { tokens[position] = mapping[Int(tokens[position])] }
                }
                CollectionOfOne(chunk).forEachDocument { tokens in
                    for token in tokens where token >= 0 && lastSeen[Int(token)] != document {
                        lastSeen[Int(token)] = document
                        frequency[Int(token)] += 1
                    }
                    document += 1
                }
                mapped.put(chunk, at: index)
            }
            return frequency
        }
        chunks = mapped.takeAll()
        var stemFrequency = frequencies[0]
        for frequency in frequencies.dropFirst() {
            for stem in 0..<stemCount { stemFrequency[stem] += frequency[stem] }
        }

        let phrases = PhraseFinder(
            chunks: chunks, stemFrequency: stemFrequency, documentCount: documentCount,
            minimumCount: options.minimumPhraseCount, minimumNPMI: options.minimumPhraseNPMI, workers: options.workers
        ).find()

        var labels = stemLabels
        var stems: [[Int32]] = (0..<stemCount).map { [Int32($0)] }
        var phraseIDs: [[Int32]: Int32] = [:]
        var pairIDs = CountTable(minimumCapacity: phrases.count)
        var tripleIDs: [PhraseFinder.Triple: Int32] = [:]
        // Whether a stem starts an accepted pair: most do not, and then no pair is looked up.
        var startsPair = [Bool](repeating: false, count: stemCount)
        for phrase in phrases {
            let id = Int32(labels.count)
            phraseIDs[phrase] = id
            if phrase.count == 2 {
                pairIDs.set(PhraseFinder.pairKey(phrase[0], phrase[1]), id)
                startsPair[Int(phrase[0])] = true
            } else {
                tripleIDs[PhraseFinder.Triple(phrase[0], phrase[1], phrase[2])] = id
            }
            labels.append(phrase.map { stemLabels[Int($0)] }.joined(separator: " "))
            stems.append(phrase)
        }

        // Each document's distinct terms: frequent-enough stems, and the phrases it contains. Contiguous runs of
        // chunks go to `workers` threads, each taking a chunk from the handout and dropping it once its terms are
        // made, so that tokens and terms are never both whole in memory; the runs' blocks are joined in order.
        let lookup = TermLookup(
            stemFrequency: stemFrequency, minimumTermCount: Int32(options.minimumTermCount), startsPair: startsPair,
            pairIDs: pairIDs, tripleIDs: tripleIDs, termCount: labels.count)
        let handout = ChunkHandout(chunks)
        chunks = []
        let parts = inParallelParts(count: handout.count, parts: options.workers, smallest: 64) { range in
            lookup.documentTerms(of: range, from: handout)
        }
        var termFrequency = [Int32](repeating: 0, count: labels.count)
        for stem in 0..<stemCount { termFrequency[stem] = stemFrequency[stem] }
        var termBlocks: [[Int32]] = []
        var blockStarts: [Int] = []
        var block: [Int32] = []
        block.reserveCapacity(documentCount)
        var offsets: [Int] = [0]
        offsets.reserveCapacity(documentCount + 1)
        for part in parts {
            for (terms, ends) in zip(part.blocks, part.documentEnds) {
                let start = offsets.last!
                blockStarts.append(start)
                for end in ends {
                    offsets.append(start + end)
                    block.append(Int32(termBlocks.count))
                }
                termBlocks.append(terms)
            }
            for (phrase, count) in part.phraseFrequency.enumerated() { termFrequency[stemCount + phrase] += count }
        }

        self.documentCount = documentCount
        self.labels = labels
        self.stems = stems
        self.documentFrequency = termFrequency
        self.termBlocks = termBlocks
        self.blockStarts = blockStarts
        self.block = block
        self.offsets = offsets
        self.stemIDs = stemIDs
        self.phraseIDs = phraseIDs
    }
}

/// What the documents' terms are made of: which stems are frequent enough, and the accepted phrases.
private struct TermLookup: Sendable {
    let stemFrequency: [Int32]
    let minimumTermCount: Int32
    /// Whether a stem starts an accepted pair: most do not, and then no pair is looked up.
    let startsPair: [Bool]
    let pairIDs: CountTable
    let tripleIDs: [PhraseFinder.Triple: Int32]
    let termCount: Int

    struct Blocks: Sendable {
        /// One block per chunk: its documents' sorted distinct terms, one after another.
        var blocks: [[Int32]] = []
        /// Per chunk, where each of its documents' terms end in its block.
        var documentEnds: [[Int]] = []
        /// How many documents contain each phrase (term `stemCount + i`).
        var phraseFrequency: [Int32]
    }

    /// The terms of the documents of chunks `range`, each chunk taken from `handout` and dropped once used.
    func documentTerms(of range: Range<Int>, from handout: ChunkHandout) -> Blocks {
        let stemCount = stemFrequency.count
        var result = Blocks(phraseFrequency: [Int32](repeating: 0, count: termCount - stemCount))
        var documentTerms: [Int32] = []
        // The document that last listed each term: a repeated word is skipped before the sort rather than after it.
        var listedIn = [Int32](repeating: -1, count: termCount)
        var documentNumber: Int32 = 0
        for index in range {
            let chunk = handout.take(index)
            var terms: [Int32] = []
            terms.reserveCapacity(chunk.tokens.count)
            var ends: [Int] = []
            ends.reserveCapacity(chunk.offsets.count - 1)
            CollectionOfOne(chunk).forEachDocument { tokens in
                documentTerms.removeAll(keepingCapacity: true)
                for position in tokens.indices {
                    let token = tokens[position]
                    guard token >= 0 else { continue }
                    if stemFrequency[Int(token)] >= minimumTermCount, listedIn[Int(token)] != documentNumber {
                        listedIn[Int(token)] = documentNumber
                        documentTerms.append(token)
                    }
                    guard startsPair[Int(token)], position + 1 < tokens.count, tokens[position + 1] >= 0 else { continue }
                    if let pair = pairIDs.value(PhraseFinder.pairKey(token, tokens[position + 1])) {
                        if listedIn[Int(pair)] != documentNumber {
                            listedIn[Int(pair)] = documentNumber
                            documentTerms.append(pair)
                        }
                        if position + 2 < tokens.count, tokens[position + 2] >= 0, !tripleIDs.isEmpty,
                            let triple = tripleIDs[PhraseFinder.Triple(token, tokens[position + 1], tokens[position + 2])],
                            listedIn[Int(triple)] != documentNumber
                        {
                            listedIn[Int(triple)] = documentNumber
                            documentTerms.append(triple)
                        }
                    }
                }
                documentTerms.sort()
                for term in documentTerms {
                    terms.append(term)
                    if term >= Int32(stemCount) { result.phraseFrequency[Int(term) - stemCount] += 1 }
                }
                documentNumber += 1
                ends.append(terms.count)
            }
            result.blocks.append(terms)
            result.documentEnds.append(ends)
            // The chunk's tokens were allocated by the extraction's workers, so their memory sits in those threads'
            // arenas and must be handed back for this thread to reuse it.
            if (index - range.lowerBound) % 32 == 31 { earshot_release_freed_memory() }
        }
        earshot_release_freed_memory()
        return result
    }
}

/// Chunks handed out one at a time to the threads that consume them, so that each is freed as soon as it is used.
private final class ChunkHandout: Sendable {
    private let chunks: Mutex<[TermExtraction.Chunk]>
    let count: Int

    init(_ chunks: [TermExtraction.Chunk]) {
        count = chunks.count
        self.chunks = Mutex(chunks)
    }

    /// Chunk `index`, leaving an empty one in its place.
    func take(_ index: Int) -> TermExtraction.Chunk {
        chunks.withLock { chunks in
            var taken = TermExtraction.Chunk(worker: 0, tokens: [], offsets: [0])
            swap(&taken, &chunks[index])
            return taken
        }
    }

    /// Puts `chunk` back in place `index`, after its worker changed it.
    func put(_ chunk: TermExtraction.Chunk, at index: Int) {
        chunks.withLock { chunks in chunks[index] = chunk }
    }

    /// Every chunk, leaving none.
    func takeAll() -> [TermExtraction.Chunk] {
        chunks.withLock { chunks in
            var taken: [TermExtraction.Chunk] = []
            swap(&taken, &chunks)
            return taken
        }
    }
}

extension Collection<TermExtraction.Chunk> {
    /// Calls `body` with every document's tokens, chunk after chunk.
    func forEachDocument(_ body: (UnsafeBufferPointer<Int32>) -> Void) {
        for chunk in self {
            chunk.tokens.withUnsafeBufferPointer { tokens in
                for document in 0..<(chunk.offsets.count - 1) {
                    body(UnsafeBufferPointer(rebasing: tokens[chunk.offsets[document]..<chunk.offsets[document + 1]]))
                }
            }
        }
    }
}
