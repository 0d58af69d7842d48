import EarshotModel
import EarshotPipeline
import EarshotStore
import EarshotThemes
import Foundation
import Testing

/// Feedback in German (with some English) is read in German: its function words are no theme keywords, and a
/// nightly run scores new records with the same stopwords and stemmer as the detection it extends.
@Suite struct ThemeLanguageStageTests {
    static let topics = [
        "Die App stürzt beim Start immer wieder ab und ich kann nicht arbeiten",
        "Die Rechnung wurde doppelt abgebucht und ich warte noch auf die Erstattung",
        "Der Kalender synchronisiert sich nicht mehr mit Outlook und das ist ärgerlich",
    ]
    static let germanStopwords: Set<String> = ["die", "der", "und", "ich", "nicht", "mit", "das", "ist", "auf", "sich", "noch", "mehr"]

    /// A Delighted export: `german` answers over the three topics, then `english` answers in English.
    static func export(german: Int, english: Int, day: Int = 10) -> String {
        var rows = [DelightedRows.header]
        for index in 0..<german {
            rows.append(DelightedRows.row("de\(day)-\(index)", comment: topics[index % 3] + " (\(index))", day: day))
        }
        for index in 0..<english {
            rows.append(DelightedRows.row("en\(day)-\(index)", comment: "The export to Excel is broken again and I need it (\(index))", day: day))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    static func keywords(_ context: PipelineTestContext) throws -> Set<String> {
        Set(try context.workspace.store.storedThemes().filter(\.isActive).flatMap(\.theme.keywords).flatMap { $0.split(separator: " ").map(String.init) })
    }

    @Test func germanAnswersAreReadInGermanAndANightlyRunScoresThemAlike() throws {
        let context = try PipelineTestContext(configuration: "[themes]\nrediscover_share = 1.0\n")
        let first = context.root.appendingPathComponent("inbox/delighted-1.csv")
        try Self.export(german: 60, english: 15).write(to: first, atomically: true, encoding: .utf8)
        _ = try context.pipeline.run(inbox: nil, now: PipelineTestContext.now)
        let store = context.workspace.store
        #expect(try store.themeScoringModel().languages == ["german", "english"])
        let keywords = try Self.keywords(context)
        #expect(keywords.contains("rechnung") || keywords.contains("kalender"), "\(keywords)")
        #expect(keywords.isDisjoint(with: Self.germanStopwords), "\(keywords)")

        // The next night: more answers, assigned to the current themes in German.
        let second = context.root.appendingPathComponent("inbox/delighted-2.csv")
        try Self.export(german: 9, english: 3, day: 11).write(to: second, atomically: true, encoding: .utf8)
        _ = try context.pipeline.run(inbox: nil, now: PipelineTestContext.now)
        #expect(try store.lastThemeDetection()?.normalizeVersion == 1, "the second night detected themes again")
        var batch = DocumentBatch()
        for record in try store.records() { batch.append(id: record.id, text: record.fullText) }
        let scoring = try store.themeScoringModel()
        let expected = ThemeAssigner(scoring: scoring, detector: ThemeDetector()).assignments(in: batch).assignments
        let stored = try store.themeModel().assignments
        #expect(stored == expected)
        let nightly = stored.filter { $0.recordID.sourceID.hasPrefix("de11-") }
        #expect(Set(nightly.map(\.recordID)).count == 9, "every new German answer has a theme")
        // Read in English, the German stems would not be the keywords' and the nightly answers would go unthemed.
        var english = scoring
        english.languages = ["english"]
        let misread = ThemeAssigner(scoring: english, detector: ThemeDetector()).assignments(in: batch).assignments
        #expect(misread.filter { $0.recordID.sourceID.hasPrefix("de11-") } != nightly)
    }

    @Test func namedLanguagesWinOverTheGuessAndEnglishAloneKeepsGermanFunctionWords() throws {
        let context = try PipelineTestContext(configuration: "[themes]\nlanguages = [\"english\"]\n")
        let file = context.root.appendingPathComponent("inbox/delighted-1.csv")
        try Self.export(german: 60, english: 15).write(to: file, atomically: true, encoding: .utf8)
        _ = try context.pipeline.run(inbox: nil, now: PipelineTestContext.now)
        #expect(try context.workspace.store.themeScoringModel().languages == ["english"])
        #expect(!(try Self.keywords(context)).isDisjoint(with: Self.germanStopwords), "German function words are words in English")
    }
}
