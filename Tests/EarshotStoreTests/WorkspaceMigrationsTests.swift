import EarshotModel
import GRDB
import Testing

@testable import EarshotStore

/// A workspace made by an older Earshot is migrated when it is opened, and keeps every stage's output.
@Suite struct WorkspaceMigrationsTests {
    @Test func v7KeepsEveryAssignmentWithItsMatchedTermsAndEveryEmotion() throws {
        let queue = try DatabaseQueue()
        try WorkspaceMigrations.migrator.migrate(queue, upTo: "v6: record and mergedDuplicate indexed by fileId, for the per-file counts")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO importedFile (id, sha256, path, fileName, byteCount, modifiedAt, encoding, delimiter, source,
                    headerRowCount, columns, labels, timeZones, ingestedAt)
                    VALUES (1, 'abc', '/x.csv', 'x.csv', 1, 0, 'utf-8', ',', 'zendesk', 1, '[]', '[]', '[]', '2026-11-30');
                INSERT INTO record (id, source, sourceId, kind, tool, createdAt, createdAtUTC, week, title, text, attributes, fileId, line)
                    VALUES ('zendesk:1', 'zendesk', '1', 'ticket', 'zendesk', 0, '2026-11-30T00:00:00Z', '2026-W49', '', 'a', '{}', 1, 2),
                           ('zendesk:2', 'zendesk', '2', 'ticket', 'zendesk', 0, '2026-11-30T00:00:00Z', '2026-W49', '', 'b', '{}', 1, 3);
                INSERT INTO theme (id, label, keywords, recordCount) VALUES ('T1', 'Sync', '["sync"]', 2), ('T2', 'Login', '["login"]', 1);
                INSERT INTO themeAssignment (recordId, themeId, rank, strength, matchedTerms) VALUES
                    ('zendesk:2', 'T1', 1, 0.5, '["sync"]'),
                    ('zendesk:1', 'T2', 2, 0.25, '["login","password reset"]'),
                    ('zendesk:1', 'T1', 1, 1.0, '["sync"]');
                INSERT INTO recordEmotion (recordId, emotions) VALUES ('zendesk:2', 5), ('zendesk:1', 8);
                """)
        }
        let store = try StageStore(writer: queue)
        let one = RecordID(source: "zendesk", sourceID: "1"), two = RecordID(source: "zendesk", sourceID: "2")
        #expect(try store.themeModel().assignments == [
            ThemeAssignment(recordID: one, themeID: "T1", rank: 1, strength: 1.0, matchedTerms: ["sync"]),
            ThemeAssignment(recordID: one, themeID: "T2", rank: 2, strength: 0.25, matchedTerms: ["login", "password reset"]),
            ThemeAssignment(recordID: two, themeID: "T1", rank: 1, strength: 0.5, matchedTerms: ["sync"]),
        ])
        let (lists, emotions) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM themeTermList"),
             try Row.fetchAll(db, sql: "SELECT recordId, emotions FROM recordEmotion ORDER BY recordId").map { "\($0[0] as String)=\($0[1] as Int)" })
        }
        #expect(lists == 2)
        #expect(emotions == ["zendesk:1=8", "zendesk:2=5"])
        // The rows still need a record: deleting one takes its assignments and emotions with it.
        try queue.write { db in try db.execute(sql: "DELETE FROM record WHERE id = 'zendesk:1'") }
        #expect(try store.themeModel().assignments.map(\.recordID) == [two])
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM recordEmotion") } == 1)
    }

    /// Workspaces detected before themes could be read in other languages were read in English: that is what their
    /// nightly runs must go on scoring in, until the next detection stores the languages it used.
    @Test func v8ScoresAnOlderWorkspaceInEnglishUntilADetectionStoresItsLanguages() throws {
        let queue = try DatabaseQueue()
        try WorkspaceMigrations.migrator.migrate(queue, upTo: "v7: themeAssignment and recordEmotion without rowid, matched terms in themeTermList")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO themeScoringTerm (detectedTheme, position, themeId, isPinned, label, stems, weight)
                    VALUES (0, 0, 'T1', 0, 'rechnung', 'rechnung', 1.0);
                """)
        }
        let store = try StageStore(writer: queue)
        let scoring = try store.themeScoringModel()
        #expect(scoring.languages == ["english"])
        #expect(scoring.themes.map(\.themeID) == ["T1"])
        try queue.write { db in
            try StageStore.storeScoring(ThemeScoringModel(themes: scoring.themes, languages: ["german", "english"]), db)
        }
        #expect(try store.themeScoringModel() == ThemeScoringModel(themes: scoring.themes, languages: ["german", "english"]))
    }
}
