import EarshotModel
import Foundation
import Testing

@testable import EarshotThemes

@Suite struct ThemeDetectorTests {
    static func records(_ texts: [String], prefix: String = "") -> [NormalizedRecord] {
        texts.enumerated().map { index, text in
            NormalizedRecord(id: RecordID(source: "s", sourceID: prefix + String(format: "%04d", index)), kind: .review, tool: "s",
                             createdAt: 0, week: ISOWeek(year: 2026, week: 1), text: text, fileID: 1, line: index + 2)
        }
    }

    static func corpus(_ count: Int = 30, offset: Int = 0) -> [String] {
        var texts: [String] = []
        for index in offset..<(offset + count) {
            texts.append("I was double charged on my card and the refund never arrived #\(index)")
            texts.append("The mobile app crashes on startup after the update, version \(index)")
            texts.append("Calendar sync with Google stopped working this morning \(index)")
        }
        return texts
    }

    static func model(_ records: [NormalizedRecord], known: [ThemeRegistry.KnownTheme] = []) -> ThemeRegistry.Outcome {
        ThemeRegistry(known: known).assignIDs(ThemeDetector().detectThemes(in: records))
    }

    @Test func findsTheRecurringThemesAndAssignsEveryRecord() {
        let detected = ThemeDetector().detectThemes(in: Self.records(Self.corpus()))
        let keywords = detected.themes.flatMap(\.keywords)
        #expect(keywords.contains("double charged") || keywords.contains("charged"))
        #expect(keywords.contains { $0.contains("crash") })
        #expect(keywords.contains { $0.contains("calendar") })
        #expect(detected.themes.count == 3)
        let themed = Set(detected.matches.map(\.recordID))
        #expect(themed.count == 90)
        #expect(detected.matches.allSatisfy { $0.rank >= 1 && (0...1).contains($0.strength) })
    }

    @Test func stemsAreShownAsTheCommonestWordNotTheStem() {
        var texts = Self.corpus()
        for index in 0..<20 { texts.append("The organization settings page keeps crashing for our organization \(index)") }
        let detected = ThemeDetector().detectThemes(in: Self.records(texts))
        let keywords = detected.themes.flatMap(\.keywords)
        #expect(keywords.contains("organization"))
        #expect(!keywords.contains("organ"))
    }

    @Test func theSameRecordsInAnyOrderGiveTheSameThemes() {
        let records = Self.records(Self.corpus())
        let forward = Self.model(records)
        let backward = Self.model(records.reversed())
        #expect(forward == backward)
    }

    /// Over 64 batches the corpus counts phrases and makes each document's terms on several threads, each over a run
    /// of batches: joined, they must be what one thread makes of the same documents in one batch.
    @Test func manyBatchesOnTwoThreadsGiveWhatOneBatchOnOneThreadGives() {
        let documents = Self.records(Self.corpus(200)).map { ThemeDetector.Document(id: $0.id, text: $0.fullText) }
        let oneThread = ThemeDetector(workers: 1).detectThemes(in: documents)
        // Split as a large set would be: every pass over the records in two parts.
        var twoPartDetector = ThemeDetector(workers: 2)
        twoPartDetector.smallestPart = 1
        let twoThreads = twoPartDetector.detectThemes(
            batches: { consume in
                for start in stride(from: 0, to: documents.count, by: 6) {
                    var batch = DocumentBatch()
                    for document in documents[start..<min(start + 6, documents.count)] { batch.append(id: document.id, text: document.text) }
                    consume(batch)
                }
            },
            texts: { ids in Dictionary(uniqueKeysWithValues: documents.filter { ids.contains($0.id) }.map { ($0.id, $0.text) }) })
        #expect(oneThread.themes.count == 3)
        #expect(oneThread.matches.count >= documents.count)
        #expect(twoThreads.themes == oneThread.themes)
        let sameMatches = twoThreads.matches == oneThread.matches
        #expect(sameMatches, "the records' matches differ between one thread and two")
    }

    @Test func aSecondWeekKeepsTheIDsOfRecurringThemesAndANewThemeGetsANewID() {
        let first = Self.model(Self.records(Self.corpus()))
        let known = first.model.themes.map {
            ThemeRegistry.KnownTheme(id: $0.id, label: $0.label, keywords: $0.keywords, isActive: true)
        }
        #expect(first.model.themes.map(\.id) == ["T0001", "T0002", "T0003"])
        #expect(first.changes.filter { $0.kind == .born }.count == 3)

        var nextWeek = Self.corpus(30, offset: 30)
        for index in 0..<30 { nextWeek.append("Please add a dark mode, the white screen hurts at night \(index)") }
        let second = Self.model(Self.records(nextWeek, prefix: "w2-"), known: known)
        func id(_ term: String, _ outcome: ThemeRegistry.Outcome) -> String? {
            outcome.model.themes.first { $0.keywords.contains(term) }?.id
        }
        for term in ["calendar", "refund"] {
            #expect(id(term, second) != nil && id(term, second) == id(term, first), "\(term)")
        }
        let dark = try? #require(id("dark mode", second) ?? id("dark", second))
        #expect(dark == "T0004")
        #expect(second.changes.contains { $0.kind == .born && $0.themeID == "T0004" })
    }

    @Test func aThemeThatDisappearsIsDormantAndItsIDIsNeverReused() {
        let first = Self.model(Self.records(Self.corpus()))
        let known = first.model.themes.map {
            ThemeRegistry.KnownTheme(id: $0.id, label: $0.label, keywords: $0.keywords, isActive: true)
        }
        let calendarOnly = Self.corpus().enumerated().filter { $0.offset % 3 == 2 }.map(\.element)
            + (0..<30).map { "Invoices show the wrong VAT rate for UK clients \($0)" }
        let second = Self.model(Self.records(calendarOnly), known: known)
        #expect(second.changes.filter { $0.kind == .dormant }.count == 2)
        #expect(!second.model.themes.contains { ["T0001", "T0002", "T0003"].contains($0.id) && !$0.keywords.contains { $0.contains("calendar") } })
        #expect(second.model.themes.contains { $0.id == "T0004" })
    }

    @Test func pinnedThemesKeepTheirNameAndKeywords() {
        let taxonomy = Taxonomy(pinned: [.init(name: "Billing errors", keywords: ["refund", "double charged"])])
        let detected = ThemeDetector(taxonomy: taxonomy).detectThemes(in: Self.records(Self.corpus()))
        let pinned = detected.themes.first { $0.pinnedName == "Billing errors" }
        #expect(pinned?.label == "Billing errors")
        #expect(pinned?.recordCount == 30)
        let outcome = ThemeRegistry(known: [], taxonomy: taxonomy).assignIDs(detected)
        #expect(outcome.pinnedNames.values.contains("Billing errors"))
    }

    @Test func curationMergesRenamesAndExcludesByID() throws {
        let first = Self.model(Self.records(Self.corpus()))
        let ids = first.model.themes.map(\.id)
        try #require(ids.count == 3)
        let taxonomy = Taxonomy(renames: [ids[2]: "Calendar sync"], merges: [[ids[0], ids[1]]], excludedThemes: [])
        let known = first.model.themes.map { ThemeRegistry.KnownTheme(id: $0.id, label: $0.label, keywords: $0.keywords, isActive: true) }
        let curated = ThemeRegistry(known: known, taxonomy: taxonomy).assignIDs(ThemeDetector().detectThemes(in: Self.records(Self.corpus())))
        #expect(curated.model.themes.map(\.id) == [ids[0], ids[2]])
        #expect(curated.model.themes.first { $0.id == ids[2] }?.label == "Calendar sync")
        #expect(curated.model.themes.first { $0.id == ids[0] }?.recordCount == 60)
        let excluded = ThemeRegistry(known: known, taxonomy: Taxonomy(excludedThemes: [ids[1]]))
            .assignIDs(ThemeDetector().detectThemes(in: Self.records(Self.corpus())))
        #expect(!excluded.model.themes.contains { $0.id == ids[1] })
        #expect(!excluded.model.assignments.contains { $0.themeID == ids[1] })
    }

    @Test func tokenizerDropsStopwordsAndKeepsPhraseBoundaries() {
        let tokens = Tokenizer().tokens("The app crashes, and I can't log in!")
        #expect(tokens.compactMap { $0 } == ["app", "crashes", "log"])
        #expect(tokens.first! == nil)
    }

    @Test func tokenizerLowercasesUnicodeAndSkipsURLsAndHandles() {
        let tokens = Tokenizer(languages: [.english, .german]).tokens("Ärger-Größe! @United https://t.co/xyz #fail Straße’s")
        #expect(tokens.compactMap { $0 } == ["ärger", "größe", "straßes"])
    }

    @Test func personalDataPlaceholdersAreNotTerms() {
        let tokens = Tokenizer().tokens("Send invoices to [email] or call [phone]; the email reminder [card] fails")
        #expect(tokens.compactMap { $0 } == ["send", "invoices", "call", "email", "reminder", "fails"])
    }
}
