import EarshotModel
import EarshotStore
import Testing

@Suite struct WorkspaceStatusTests {
    @Test func everyFileAccountsForItsOwnRows() throws {
        // Given three files: one with records and a merged duplicate, one with a record and quarantined rows, one empty
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
}
