import EarshotModel
import Foundation
import EarshotThemes
import Testing

@Suite struct ThemeDetectorTests {
    static func records(_ texts: [String]) -> [NormalizedRecord] {
        texts.enumerated().map { index, text in
            NormalizedRecord(id: RecordID(source: "s", sourceID: String(format: "%04d", index)), kind: .review, tool: "s",
                             createdAt: 0, week: ISOWeek(year: 2026, week: 1), text: text, fileID: 1, line: index + 2)
        }
    }

    static let corpus: [String] = {
        var texts: [String] = []
        for index in 0..<30 {
            texts.append("I was double charged on my card and the refund never arrived #\(index)")
            texts.append("The mobile app crashes on startup after the update, version \(index)")
            texts.append("Calendar sync with Google stopped working this morning \(index)")
        }
        return texts
    }()

    @Test func findsTheRecurringThemesAndAssignsEveryRecord() {
        let model = ThemeDetector().detectThemes(in: Self.records(Self.corpus))
        let keywords = model.themes.flatMap(\.keywords)
        #expect(keywords.contains("double charged") || keywords.contains("charged"))
        #expect(keywords.contains { $0.contains("crashes") })
        #expect(keywords.contains { $0.contains("calendar") })
        let themed = Set(model.assignments.map(\.recordID))
        #expect(themed.count == 90)
        #expect(model.assignments.allSatisfy { $0.rank >= 1 && (0...1).contains($0.strength) })
    }

    @Test func theSameRecordsInAnyOrderGiveTheSameThemes() {
        let records = Self.records(Self.corpus)
        let forward = ThemeDetector().detectThemes(in: records)
        let backward = ThemeDetector().detectThemes(in: records.reversed())
        #expect(forward == backward)
    }

    @Test func themeIDsDependOnlyOnTheSeedTerm() {
        #expect(ThemeDetector.themeID(seed: "double charged") == ThemeDetector.themeID(seed: "double charged"))
        #expect(ThemeDetector.themeID(seed: "double charged") != ThemeDetector.themeID(seed: "app crashes"))
        #expect(ThemeDetector.themeID(seed: "x").count == 9)
    }

    @Test func tokenizerDropsStopwordsAndKeepsPhraseBoundaries() {
        let tokens = Tokenizer().tokens("The app crashes, and I can't log in!")
        #expect(tokens.compactMap { $0 } == ["app", "crashes", "log"])
        #expect(tokens.first! == nil)
    }

    @Test func personalDataPlaceholdersAreNotTerms() {
        let tokens = Tokenizer().tokens("Send invoices to [email] or call [phone]; the email reminder [card] fails")
        #expect(tokens.compactMap { $0 } == ["send", "invoices", "call", "email", "reminder", "fails"])
    }
}
