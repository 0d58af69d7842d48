import Dispatch
import EarshotModel
import Synchronization

/// Tokenizes and stems batches of documents on worker threads while the caller reads the next batch, so that reading
/// the store and tokenizing overlap and only a few batches of text are ever in memory.
///
/// Each worker keeps its own surface-word vocabulary (and its own Snowball stemmer, which is not thread-safe); a
/// batch's tokens are in the ids of the worker that took it. Which worker takes which batch varies from run to run,
/// so ``Corpus`` maps every vocabulary onto stem ids sorted by text, which do not depend on it.
enum TermExtraction {
    /// The tokens of one batch, in the local ids of ``worker``'s vocabulary.
    struct Chunk: Sendable {
        var worker: Int
        /// Local surface ids, `-1` for a boundary.
        var tokens: [Int32]
        /// Document `i`'s tokens are `tokens[offsets[i]..<offsets[i + 1]]`.
        var offsets: [Int]
        /// Each document's emotion cues, when a lexicon was given; else empty.
        var emotions: [EmotionSet] = []
    }

    /// One worker's surface words by local id, with how often each occurred and its stem.
    struct Vocabulary: Sendable {
        var surfaces: [String] = []
        var surfaceCounts: [Int] = []
        var stemOfSurface: [String] = []
    }

    /// What the workers extracted: every document's record in the order handed over, the chunks in batch order,
    /// and each worker's vocabulary.
    struct Output: Sendable {
        var ids: [RecordID]
        var chunks: [Chunk]
        var vocabularies: [Vocabulary]
    }

    /// Runs `produce`, which hands over batches in document order, and tokenizes them on `workers` threads; with a
    /// `lexicon`, the workers also find each document's emotions, which would otherwise cost the reading thread as much
    /// as reading the store.
    static func run(
        tokenizer: Tokenizer, language: StemLanguage, workers: Int, lexicon: EmotionLexicon? = nil,
        produce: ((DocumentBatch) -> Void) throws -> Void
    ) rethrows -> Output {
        let workers = max(1, workers)
        let queue = BatchQueue(capacity: workers * 2)
        let results = Results()
        let group = DispatchGroup()
        for worker in 0..<workers {
            DispatchQueue.global(qos: .userInitiated).async(group: group) {
                var extractor = TermExtractor(tokenizer: tokenizer, stemmer: Stemmer(language: language.rawValue))
                while let (index, batch) = queue.take() {
                    var chunk = extractor.extract(batch, worker: worker)
                    if let lexicon { chunk.emotions = lexicon.emotionSets(in: batch) }
                    results.state.withLock { $0.chunks[index] = chunk }
                }
                let vocabulary = extractor.vocabulary
                results.state.withLock { $0.vocabularies[worker] = vocabulary }
            }
        }
        // Close the queue even when `produce` throws, so the workers finish before the error goes on.
        defer {
            queue.close()
            group.wait()
        }
        var ids: [RecordID] = []
        try produce { batch in
            var texts = batch
            ids.append(contentsOf: texts.removeIDs())
            queue.put(texts)
        }
        queue.close()
        group.wait()
        return results.state.withLock { results in
            Output(
                ids: ids,
                chunks: results.chunks.keys.sorted().map { results.chunks[$0]! },
                vocabularies: (0..<workers).map { results.vocabularies[$0] ?? Vocabulary() })
        }
    }
}

/// What the workers hand back, by batch index and by worker.
private final class Results: Sendable {
    let state = Mutex<(chunks: [Int: TermExtraction.Chunk], vocabularies: [Int: TermExtraction.Vocabulary])>(([:], [:]))
}

/// A bounded first-in first-out queue of batches between the reading thread and the workers: the reader waits when
/// `capacity` batches are pending, so memory stays bounded however fast the store reads.
private final class BatchQueue: Sendable {
    private struct State {
        var pending: [(index: Int, batch: DocumentBatch)] = []
        var head = 0
        var next = 0
        var isClosed = false
    }

    private let state = Mutex(State())
    private let free: DispatchSemaphore
    private let ready = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        free = DispatchSemaphore(value: capacity)
    }

    /// Adds a batch, waiting for room.
    func put(_ batch: DocumentBatch) {
        free.wait()
        state.withLock { state in
            state.pending.append((state.next, batch))
            state.next += 1
        }
        ready.signal()
    }

    /// The next batch with its index, waiting for one; `nil` once the queue is closed and empty.
    func take() -> (Int, DocumentBatch)? {
        ready.wait()
        let item: (index: Int, batch: DocumentBatch)? = state.withLock { state in
            guard state.head < state.pending.count else { return nil }
            let item = state.pending[state.head]
            // Drop the taken batch's text now rather than when the queue is compacted.
            state.pending[state.head].batch = DocumentBatch()
            state.head += 1
            if state.head == state.pending.count {
                state.pending.removeAll(keepingCapacity: true)
                state.head = 0
            }
            return item
        }
        guard let item else {
            ready.signal()  // closed: wake the next worker so that it sees it too
            return nil
        }
        free.signal()
        return item
    }

    /// No more batches: the workers finish once the pending ones are taken. Closing twice does nothing.
    func close() {
        let wasClosed = state.withLock { state in
            defer { state.isClosed = true }
            return state.isClosed
        }
        if !wasClosed { ready.signal() }
    }
}

/// Tokenizes and stems documents on one thread. Not `Sendable`: it owns a Snowball stemmer, which is not thread-safe.
///
/// Words are interned by their bytes, and whether a word is a term, with its stem, is worked out once per distinct
/// word rather than once per occurrence. A struct, not a class: its state is touched for every word, and a class's
/// stored properties would be checked for exclusive access at run time on every touch.
struct TermExtractor {
    let tokenizer: Tokenizer
    let stemmer: Stemmer?
    private var words = ByteInterner()
    /// For each interned word, its surface id in ``vocabulary``, or `-1` when it is not a term (a stopword, a number…).
    private var surfaceOfWord: [Int32] = []
    private(set) var vocabulary = TermExtraction.Vocabulary()

    init(tokenizer: Tokenizer, stemmer: Stemmer?) {
        self.tokenizer = tokenizer
        self.stemmer = stemmer
    }

    mutating func extract(_ batch: DocumentBatch, worker: Int) -> TermExtraction.Chunk {
        var tokens: [Int32] = []
        tokens.reserveCapacity(batch.byteCount / 8)
        var offsets: [Int] = [0]
        offsets.reserveCapacity(batch.count + 1)
        batch.forEachText { text in
            var previousWasBoundary = true
            tokenizer.forEachWordBytes(inUTF8: text) { bytes in
                var surface: Int32 = -1
                if let bytes {
                    let (id, isNew) = words.id(of: bytes)
                    if isNew { surfaceOfWord.append(addSurface(String(decoding: bytes, as: UTF8.self))) }
                    surface = surfaceOfWord[Int(id)]
                }
                if surface >= 0 {
                    vocabulary.surfaceCounts[Int(surface)] += 1
                    tokens.append(surface)
                    previousWasBoundary = false
                } else {
                    if !previousWasBoundary { tokens.append(-1) }
                    previousWasBoundary = true
                }
            }
            offsets.append(tokens.count)
        }
        return TermExtraction.Chunk(worker: worker, tokens: tokens, offsets: offsets)
    }

    /// A new word's surface id, or `-1` when it is not a term.
    private mutating func addSurface(_ word: String) -> Int32 {
        guard tokenizer.isTerm(word) else { return -1 }
        vocabulary.surfaces.append(word)
        vocabulary.surfaceCounts.append(0)
        vocabulary.stemOfSurface.append(stemmer?.stem(word) ?? word)
        return Int32(vocabulary.surfaces.count - 1)
    }
}
