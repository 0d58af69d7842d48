import EarshotModel
import Testing

@testable import EarshotThemes

@Suite struct LabelSpellerTests {
    let speller = LabelSpeller(tokenizer: Tokenizer(), stemmer: Stemmer(language: "english"))

    func stems(_ words: String) -> [String] {
        let stemmer = Stemmer(language: "english")!
        return Tokenizer().tokens(words).compactMap { $0.map(stemmer.stem) }
    }

    @Test func aPhraseIsSpelledAsMostCustomersWroteItWithTheirCapitals() {
        let texts = ["The CSV export is empty", "CSV export broke again", "csv export times out", "Our CSV Export fails"]
        #expect(speller.spelling(of: stems("csv export"), in: texts) == "CSV export")
    }

    @Test func inflectionsCountAsTheTermAndTheCommonestFormWins() {
        let texts = ["I got a duplicate charge", "Duplicate charges on my card", "another duplicate charge today",
                     "duplicate charged twice"]
        #expect(speller.spelling(of: stems("duplicate charge"), in: texts) == "duplicate charge")
    }

    @Test func hyphensAreKeptAndSpacesFolded() {
        let texts = ["great for non-technical people", "our non-technical staff", "non \t technical users"]
        #expect(speller.spelling(of: stems("non technical"), in: texts) == "non-technical")
        let spaced = ["non \t technical users", "non  technical staff"]
        #expect(speller.spelling(of: stems("non technical"), in: spaced) == "non technical")
    }

    @Test func wordsWithAStopwordOrPunctuationBetweenThemAreNotThePhrase() {
        let texts = ["the export of the CSV", "CSV. Export", "Csv export"]
        #expect(speller.spelling(of: stems("csv export"), in: texts) == "Csv export")
        #expect(speller.spelling(of: stems("csv export"), in: ["the export of the CSV"]) == nil)
    }

    @Test func aSingleWordKeepsItsCommonestCase() {
        let texts = ["TSA line was long", "the TSA agents", "tsa precheck", "waited at TSA"]
        #expect(speller.spelling(of: stems("tsa"), in: texts) == "TSA")
    }

    @Test func tiesGoToTheFirstSpellingInByteOrderWhateverTheTextOrder() {
        let texts = ["google calendar", "Google Calendar"]
        #expect(speller.spelling(of: stems("google calendar"), in: texts) == "Google Calendar")
        #expect(speller.spelling(of: stems("google calendar"), in: texts.reversed()) == "Google Calendar")
    }

    @Test func theFirstLetterIsCapitalisedUnlessTheFirstWordHasACapitalAlready() {
        #expect(LabelSpeller.capitalized("google calendar") == "Google calendar")
        #expect(LabelSpeller.capitalized("hours, waiting") == "Hours, waiting")
        #expect(LabelSpeller.capitalized("iPhone app") == "iPhone app")
        #expect(LabelSpeller.capitalized("CSV export") == "CSV export")
        #expect(LabelSpeller.capitalized("élan vital") == "Élan vital")
    }

    @Test func wordSpansPointAtTheWordsAsWrittenWhateverTheirCaseOrScript() {
        var text = "L'ÉTÉ can't-stop CSV/export @handle Zürich"
        var spans: [String] = []
        text.withUTF8 { bytes in
            Tokenizer().forEachWordSpan(inUTF8: bytes) { word, span in
                guard word != nil else { return }
                spans.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self))
            }
        }
        #expect(spans == ["L'ÉTÉ", "can't", "stop", "CSV", "export", "Zürich"])
    }

    /// The detector spells labels from the records' texts, first by record id, so a shuffled order gives the same
    /// label; without texts it falls back to the commonest lowercased words.
    @Test func detectedLabelsAreSpelledFromTheRecordsWhateverTheirOrder() {
        var texts: [String] = []
        for index in 0..<30 {
            texts.append("The CSV export is empty \(index)")
            texts.append("Google Calendar sync stopped working this morning \(index)")
            texts.append("My card was double charged and the refund never arrived \(index)")
        }
        let records = ThemeDetectorTests.records(texts)
        let labels = Set(ThemeDetector().detectThemes(in: records).themes.map(\.label))
        #expect(labels.contains("CSV export"))
        #expect(labels.contains { $0.hasPrefix("Google Calendar") })
        let shuffled = Set(ThemeDetector().detectThemes(in: Array(records.reversed())).themes.map(\.label))
        #expect(shuffled == labels)
        let unspelled = ThemeDetector().detectThemes { consume in
            var batch = DocumentBatch()
            for record in records { batch.append(id: record.id, text: record.fullText) }
            consume(batch)
        }
        #expect(unspelled.themes.map(\.label).contains("Csv export"))
    }

    /// The label's sample is the first records by id that hold each term: found by reading the documents in their
    /// own order, it must be what stepping through the id order finds, whatever that order is.
    @Test func theFirstDocumentsOfEachTermAreThoseEarliestInTheGivenOrder() {
        let corpus = PostingsTests.refundCorpus()
        let terms = Set((0..<Int32(corpus.termCount)).filter { $0 % 2 == 0 })
        var generator = SystemRandomNumberGenerator()
        var orders = [Array(0..<Int32(corpus.documentCount)), Array((0..<Int32(corpus.documentCount)).reversed())]
        orders.append(orders[0].shuffled(using: &generator))
        for order in orders {
            for limit in [1, 3, 50] {
                let found = corpus.firstDocuments(containing: terms, order: order, limit: limit)
                var expected: [Int32: [Int]] = [:]
                for term in terms {
                    let documents = order.map(Int.init).filter { corpus.document($0, contains: term) }.prefix(limit)
                    if !documents.isEmpty { expected[term] = Array(documents) }
                }
                #expect(found == expected, "limit \(limit)")
            }
        }
    }
}
