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
}
