import EarshotModel
@testable import EarshotThemes
import Testing

/// The seeding step's postings are made on the workers, each over a run of records: split or not, every term's
/// records must be those that contain it, in record order.
@Suite struct PostingsTests {
    /// The seed tests' filler and 60 refund complaints, as one corpus.
    static func refundCorpus() -> Corpus {
        let texts = ThemeEngineSeedTests.filler() + (0..<60).map { "refund not received for order \($0 % 7), support silent" }
        var batch = DocumentBatch()
        for (index, text) in texts.enumerated() { batch.append(id: RecordID(source: "s", sourceID: String(index)), text: text) }
        var extraction = TermExtraction.run(tokenizer: Tokenizer(), language: .english, workers: 1) { consume in consume(batch) }
        return Corpus(taking: &extraction, options: Corpus.Options())
    }

    @Test func postingsMadeInRunsListEveryRecordOfEveryTermInOrder() {
        let corpus = Self.refundCorpus()
        let terms = Set((0..<Int32(corpus.termCount)).filter { $0 % 3 != 0 })
        let whole = Postings(of: terms, in: corpus, workers: 1)
        let inRuns = Postings(of: terms, in: corpus, workers: 3, smallest: 1)
        for term in 0..<Int32(corpus.termCount) {
            var expected: [Int32] = []
            if terms.contains(term) {
                expected = (0..<corpus.documentCount).filter { corpus.document($0, contains: term) }.map(Int32.init)
            }
            for postings in [whole, inRuns] {
                var listed: [Int32] = []
                postings.forEachDocument(containing: term) { listed.append($0) }
                #expect(listed == expected, "\(corpus.labels[Int(term)])")
                #expect(postings.count(of: term) == expected.count)
            }
        }
    }
}
