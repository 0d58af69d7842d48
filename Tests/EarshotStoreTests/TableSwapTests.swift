import EarshotModel
import Foundation
import GRDB
import Testing

@testable import EarshotStore

/// A normalize rebuild and a full themes run write into new tables that replace `record`, `themeAssignment` and
/// `recordEmotion` at the end of their transactions: the schema, the indexes and the foreign keys must come out as
/// the migrations made them, and a rebuild that fails must leave the old records as they were.
@Suite struct TableSwapTests {
    private static func record(_ id: String, fileID: Int64, week: String = "2026-W47", fingerprint: Int64? = nil) -> NormalizedRecord {
        NormalizedRecord(
            id: RecordID(source: "zendesk", sourceID: id), kind: .ticket, tool: "zendesk", createdAt: 1_795_000_000,
            week: ISOWeek(week)!, text: "ticket \(id)", authorHash: fingerprint == nil ? nil : "a", textFingerprint: fingerprint,
            fileID: fileID, line: 2)
    }

    private static func schema(_ store: StageStore) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT type || ' ' || name || ' ' || tbl_name FROM sqlite_master ORDER BY type, name")
        }
    }

    @Test func aRebuildKeepsTheSchemaIndexesAndForeignKeys() throws {
        let store = try StageStore.inMemory()
        let file = try store.ingest(.fixture("a")) { try $0.append(line: 2, encoded: RowEncoding.encode([[1]])) }
        let before = try Self.schema(store)
        try store.replaceRecords([Self.record("1", fileID: file.id!)], merged: [], rejected: [], inputVersion: 1)
        try store.replaceRecords(
            [Self.record("2", fileID: file.id!, fingerprint: 9), Self.record("3", fileID: file.id!, week: "2026-W48")],
            merged: [], rejected: [], inputVersion: 1)
        #expect(try Self.schema(store) == before)
        #expect(try store.records().map(\.id.sourceID) == ["2", "3"])
        #expect(try store.weeksWithRecords().map(\.description) == ["2026-W47", "2026-W48"])
        let fingerprinted = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record WHERE textFingerprint = 9")
        }
        #expect(fingerprinted == 1)
        // The renamed table is still the parent of the themes stage's tables.
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO recordEmotion (recordId, emotions) VALUES ('zendesk:none', 1)")
            }
        }
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO recordEmotion (recordId, emotions) VALUES ('zendesk:2', 1)")
        }
    }

    /// The index builds sort on worker threads in small runs; the connection's own cache and threads come back after,
    /// whether the builds succeed or fail.
    @Test func theIndexBuildsGiveTheConnectionItsCacheAndThreadsBack() throws {
        let store = try StageStore.inMemory()
        let settings = { try store.writer.read { db in
            [try Int.fetchOne(db, sql: "PRAGMA cache_size"), try Int.fetchOne(db, sql: "PRAGMA threads")]
        } }
        let before = try settings()
        #expect(before[0] != -TableSwap.sortRunKiB && before[1] == 0, "the test would show nothing")
        var during: [Int?] = []
        try store.writer.write { db in
            try TableSwap.withParallelSorting(db) {
                during = [try Int.fetchOne(db, sql: "PRAGMA cache_size"), try Int.fetchOne(db, sql: "PRAGMA threads")]
            }
        }
        #expect(during == [-TableSwap.sortRunKiB, min(4, ProcessInfo.processInfo.activeProcessorCount)])
        #expect(try settings() == before)
        struct Failed: Error {}
        #expect(throws: Failed.self) {
            try store.writer.write { db in try TableSwap.withParallelSorting(db) { throw Failed() } }
        }
        #expect(try settings() == before)
    }

    @Test func aFailedRebuildLeavesTheRecordsAsTheyWere() throws {
        struct Failure: Error {}
        let store = try StageStore.inMemory()
        let file = try store.ingest(.fixture("a")) { try $0.append(line: 2, encoded: RowEncoding.encode([[1]])) }
        try store.replaceRecords([Self.record("1", fileID: file.id!)], merged: [], rejected: [], inputVersion: 1)
        let before = try Self.schema(store)
        let version = try store.stageState(.normalize).version
        #expect(throws: Failure.self) {
            try store.replaceRecords(inputVersion: 1) { _, writer in
                try writer.store(Self.record("2", fileID: file.id!), replacing: false)
                throw Failure()
            }
        }
        #expect(try store.records().map(\.id.sourceID) == ["1"])
        #expect(try Self.schema(store) == before)
        #expect(try store.stageState(.normalize).version == version)
    }

    @Test func aThemesRunKeepsTheSchemaAndItsRowsOnly() throws {
        let store = try StageStore.inMemory()
        let file = try store.ingest(.fixture("a")) { try $0.append(line: 2, encoded: RowEncoding.encode([[1]])) }
        let records = [Self.record("1", fileID: file.id!), Self.record("2", fileID: file.id!)]
        try store.replaceRecords(records, merged: [], rejected: [], inputVersion: 1)
        let before = try Self.schema(store)
        for (run, recordID) in [records[0].id, records[1].id].enumerated() {
            let model = ThemeModel(
                themes: [Theme(id: "T\(run)", label: "sync", keywords: ["sync"], recordCount: 1)],
                assignments: [ThemeAssignment(recordID: recordID, themeID: "T\(run)", rank: 1, strength: 0.5, matchedTerms: ["sync"])])
            try store.replaceThemes(
                model, emotions: [RecordEmotions(recordID: recordID, emotions: [.frustration])], inputVersion: 1)
            #expect(try store.themeModel().assignments == model.assignments)
        }
        #expect(try Self.schema(store) == before)
        let emotions = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT recordId FROM recordEmotion") }
        #expect(emotions == ["zendesk:2"])
        let tables = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE name IN ('themeAssignment', 'recordEmotion')")
        }
        #expect(tables.count == 2 && tables.allSatisfy { $0.hasSuffix("WITHOUT ROWID") })
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO themeAssignment (recordId, themeId, rank, strength, termListId) VALUES ('zendesk:none', 'T1', 1, 1, 1)")
            }
        }
    }
}
