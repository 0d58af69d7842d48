import EarshotModel
@testable import EarshotThemes
import Testing

/// The seeding step, on a corpus built as the detector builds it.
@Suite struct ThemeEngineSeedTests {
    /// 420 made-up words in 4 records each, so that they outrank any word in 3 records among the 400 seed candidates.
    static func filler() -> [String] {
        let letters = Array("bcdfgkmprt")
        let words = (0..<420).map { index in
            "zo" + String([letters[index / 100], letters[index / 10 % 10], letters[index % 10]])
        }
        return (0..<280).map { record in (0..<6).map { words[(record * 6 + $0) % words.count] }.joined(separator: ", ") }
    }

    static func engine(_ texts: [String], taxonomy: Taxonomy) -> ThemeEngine {
        var batch = DocumentBatch()
        for (index, text) in texts.enumerated() { batch.append(id: RecordID(source: "s", sourceID: String(index)), text: text) }
        var extraction = TermExtraction.run(tokenizer: Tokenizer(), language: .english, workers: 1) { consume in consume(batch) }
        let corpus = Corpus(taking: &extraction, options: Corpus.Options())
        return ThemeEngine(corpus: corpus, detector: ThemeDetector(taxonomy: taxonomy))
    }

    static func seedLabels(_ engine: ThemeEngine) -> [String] {
        engine.seeds(avoiding: engine.pinnedThemes()).map { engine.corpus.labels[Int($0.seed)] }
    }

    @Test func aRarePinnedKeywordKeepsItsRecordsFromLearnedSeeds() {
        // "gadget" is in 5 records, 3 of them with the pinned "warranty", which is too rare to be a seed candidate:
        // those 3 records are the pinned theme's, so "gadget" is its companion and must not seed a theme of its own.
        let texts = Self.filler() + Array(repeating: "warranty, gadget", count: 3) + Array(repeating: "gadget", count: 2)
        #expect(Self.seedLabels(Self.engine(texts, taxonomy: Taxonomy())).contains("gadget"))
        let pinned = Taxonomy(pinned: [.init(name: "Warranty", keywords: ["warranty"])])
        #expect(!Self.seedLabels(Self.engine(texts, taxonomy: pinned)).contains("gadget"))
    }

    @Test func theSeedsFirstAssignmentIsTheSameInPartsAsInOne() {
        let texts = Self.filler() + (0..<40).map { "refund not received, order \($0 % 5) still missing" }
        let whole = Self.engine(texts, taxonomy: Taxonomy())
        var splitDetector = ThemeDetector()
        splitDetector.workers = 3
        splitDetector.smallestPart = 1
        let split = ThemeEngine(corpus: whole.corpus, detector: splitDetector)
        let seeds = whole.seeds(avoiding: [])
        #expect(seeds.count > 10)
        var inOne = [Int32](repeating: -9, count: whole.corpus.documentCount)
        var inParts = inOne
        whole.initialAssignment(seeds, into: &inOne)
        split.initialAssignment(seeds, into: &inParts)
        // Each record goes to the first seed, in score order, that it contains.
        let expected = (0..<whole.corpus.documentCount).map { document in
            Int32(seeds.firstIndex { whole.corpus.document(document, contains: $0.seed) } ?? -1)
        }
        #expect(inOne == expected)
        #expect(inParts == expected)
    }
}
