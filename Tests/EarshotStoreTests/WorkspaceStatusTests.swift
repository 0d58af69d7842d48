import EarshotModel
import EarshotStore
import Testing

@Suite struct WorkspaceStatusTests {
    /// Three files: one with records and a merged duplicate, one with a record and two quarantined rows (one from
    /// each stage), one empty.
    static func threeFiles() throws -> StageStore {
        let store = try StageStore.inMemory()
        let first = try store.ingest(.fixture("a")) { writer in
            for line in 2...4 { try writer.append(line: line, encoded: RowEncoding.encode([[1]])) }
        }.id!
        let second = try store.ingest(.fixture("b")) { writer in
            try writer.append(line: 2, encoded: RowEncoding.encode([[1]]))
            try writer.append(line: 3, encoded: RowEncoding.encode([[1]]))
            try writer.quarantine(line: 4, fieldNumber: nil, reason: "unclosed quote", excerpt: "x")
        }.id!
        _ = try store.ingest(.fixture("c")) { _ in }
        func record(_ id: String, file: Int64, line: Int) -> NormalizedRecord {
            NormalizedRecord(id: RecordID(source: "delighted", sourceID: id), kind: .nps, tool: "delighted",
                             createdAt: 1_795_000_000, week: ISOWeek("2026-W47")!, text: "t", fileID: file, line: line)
        }
        let records = [record("1", file: first, line: 2), record("2", file: first, line: 4), record("3", file: second, line: 2)]
        try store.replaceRecords(
            records, merged: [MergedDuplicate(recordID: records[1].id, fileID: first, line: 3)],
            rejected: [RowRejection(fileID: second, line: 3, fieldNumber: 2, reason: "no date", excerpt: "y")],
            inputVersion: try store.stageState(.ingest).version)
        return store
    }

    @Test func everyFileAccountsForItsOwnRows() throws {
        // Given three files
        let store = try Self.threeFiles()

        // When the status is read
        let status = try store.status()

        // Then each file's rows are its records, merged duplicates and quarantined rows, and nothing else's
        #expect(status.files.map(\.fileName) == ["a.csv", "b.csv", "c.csv"])
        #expect(status.files.map(\.rowsRead) == [3, 3, 0])
        #expect(status.files.map(\.records) == [2, 1, 0])
        #expect(status.files.map(\.mergedDuplicates) == [1, 0, 0])
        #expect(status.files.map(\.quarantined) == [0, 2, 0])
        #expect(status.files.allSatisfy { $0.records + $0.mergedDuplicates + $0.quarantined == $0.rowsRead })
        #expect(status.files.map(\.pending) == [0, 0, 0])
        #expect(status.recordCount == 3)
    }

    @Test func theTotalsAreTheStatusSummedOverItsFiles() throws {
        // Given three files
        let store = try Self.threeFiles()

        // When the totals and the status are read
        let totals = try store.totals()
        let status = try store.status()

        // Then the totals are the files' sums and the status' quarantined rows by reason
        #expect(totals.files.map(\.fileName) == status.files.map(\.fileName))
        #expect(totals.files.map(\.sha256) == status.files.map(\.sha256))
        #expect(totals.files.map(\.source) == status.files.map(\.source))
        #expect(totals.rowsRead == status.files.reduce(0) { $0 + $1.rowsRead })
        #expect(totals.records == status.recordCount)
        #expect(totals.mergedDuplicates == status.files.reduce(0) { $0 + $1.mergedDuplicates })
        #expect(totals.quarantined == status.files.reduce(0) { $0 + $1.quarantined })
        #expect(totals.quarantineReasons == Dictionary(status.quarantinedRows.map { ($0.reason, 1) }, uniquingKeysWith: +))
        #expect(totals.quarantineReasons == ["unclosed quote": 1, "no date": 1])
    }
}
