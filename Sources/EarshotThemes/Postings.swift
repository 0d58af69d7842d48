/// The documents containing each of some terms, in a few flat arrays: compact, integer-indexed postings for the
/// seeding step, which on a large set would otherwise grow an array per term through a dictionary lookup per
/// occurrence.
///
/// Made on the workers, each over a contiguous run of documents: a term's documents are its runs' lists in run
/// order, so they come in document order whatever the number of workers.
struct Postings {
    /// Per term of the corpus: its index among the wanted terms, or `-1`.
    private let index: [Int32]
    private let runs: [Run]

    /// One run of documents' postings: wanted term `i`'s documents are `documents[starts[i]..<starts[i + 1]]`.
    private struct Run: Sendable {
        var starts: [Int]
        var documents: [Int32]
    }

    /// The postings of `terms` in `corpus`, made on up to `workers` threads, each given `smallest` documents or more.
    init(of terms: Set<Int32>, in corpus: Corpus, workers: Int = 1, smallest: Int = 10_000) {
        var index = [Int32](repeating: -1, count: corpus.termCount)
        for (position, term) in terms.sorted().enumerated() { index[Int(term)] = Int32(position) }
        let wanted = terms.count
        let lookup = index
        runs = inParallelParts(count: corpus.documentCount, parts: workers, smallest: smallest) { documents in
            var counts = [Int](repeating: 0, count: wanted)
            for document in documents {
                for term in corpus.documentTerms(document) where lookup[Int(term)] >= 0 { counts[Int(lookup[Int(term)])] += 1 }
            }
            var starts = [0]
            starts.reserveCapacity(wanted + 1)
            for count in counts { starts.append(starts.last! + count) }
            var next = Array(starts.dropLast())
            var postings = [Int32](repeating: 0, count: starts.last!)
            for document in documents {
                for term in corpus.documentTerms(document) where lookup[Int(term)] >= 0 {
                    let position = Int(lookup[Int(term)])
                    postings[next[position]] = Int32(document)
                    next[position] += 1
                }
            }
            return Run(starts: starts, documents: postings)
        }
        self.index = index
    }

    /// How many documents contain `term`; none for a term that was not asked for.
    func count(of term: Int32) -> Int {
        let position = Int(index[Int(term)])
        guard position >= 0 else { return 0 }
        return runs.reduce(0) { $0 + $1.starts[position + 1] - $1.starts[position] }
    }

    /// Calls `body` with each document containing `term`, in document order; with none for a term that was not
    /// asked for.
    func forEachDocument(containing term: Int32, _ body: (Int32) -> Void) {
        let position = Int(index[Int(term)])
        guard position >= 0 else { return }
        for run in runs {
            for document in run.documents[run.starts[position]..<run.starts[position + 1]] { body(document) }
        }
    }
}
