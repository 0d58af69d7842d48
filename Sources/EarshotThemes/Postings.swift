/// The documents containing each of some terms, all in one array: compact, integer-indexed postings for the seeding
/// step, which on a large set would otherwise grow an array per term through a dictionary lookup per occurrence.
struct Postings {
    /// Per term of the corpus: its index among the wanted terms, or `-1`.
    private var index: [Int32]
    /// The documents of wanted term `i` are `documents[starts[i]..<starts[i + 1]]`, in document order.
    private var starts: [Int]
    private var documents: [Int32]

    /// The postings of `terms` in `corpus`.
    init(of terms: Set<Int32>, in corpus: Corpus) {
        index = [Int32](repeating: -1, count: corpus.termCount)
        for (position, term) in terms.sorted().enumerated() { index[Int(term)] = Int32(position) }
        var counts = [Int](repeating: 0, count: terms.count)
        for document in 0..<corpus.documentCount {
            for term in corpus.documentTerms(document) where index[Int(term)] >= 0 { counts[Int(index[Int(term)])] += 1 }
        }
        starts = [0]
        starts.reserveCapacity(terms.count + 1)
        for count in counts { starts.append(starts.last! + count) }
        var next = Array(starts.dropLast())
        documents = [Int32](repeating: 0, count: starts.last!)
        for document in 0..<corpus.documentCount {
            for term in corpus.documentTerms(document) where index[Int(term)] >= 0 {
                let position = Int(index[Int(term)])
                documents[next[position]] = Int32(document)
                next[position] += 1
            }
        }
    }

    /// The documents containing `term`, in document order; none for a term that was not asked for.
    subscript(term: Int32) -> ArraySlice<Int32> {
        let position = Int(index[Int(term)])
        guard position >= 0 else { return [] }
        return documents[starts[position]..<starts[position + 1]]
    }
}
