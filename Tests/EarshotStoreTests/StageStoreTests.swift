import EarshotModel
import EarshotStore
import Testing

@Suite struct StageStoreTests {
    @Test func anIngestStoresTheFileItsRowsAndBumpsTheIngestVersion() throws {
        // Given an empty workspace
        let store = try StageStore.inMemory()
        // When a file with two rows and one quarantined row is ingested
        let stored = try store.ingest(.fixture("a")) { writer in
            try writer.append(line: 2, encoded: RowEncoding.encode([Array("1".utf8), Array("hello".utf8)]))
            try writer.append(line: 3, encoded: RowEncoding.encode([Array("2".utf8), []]))
            try writer.quarantine(line: 4, fieldNumber: 2, reason: "bad", excerpt: "x")
        }
        // Then the file, rows and counts are stored
        #expect(stored.rowCount == 3)
        #expect(stored.columnNames == ["Id", "Comment"])
        #expect(stored.columnTimeZones == [1: "UTC"])
        var rows: [(Int64, Int, [[UInt8]])] = []
        try store.forEachRawRow { rows.append(($0, $1, RowEncoding.decode($2) ?? [])) }
        #expect(rows.map(\.1) == [2, 3])
        #expect(rows[0].2 == [Array("1".utf8), Array("hello".utf8)])
        #expect(try store.stageState(.ingest).version == 1)
        #expect(try store.importedFile(sha256: "a")?.id == stored.id)
        let status = try store.status()
        #expect(status.quarantinedRows.map(\.line) == [4])
        #expect(status.files.first?.pending == 2)
    }

    @Test func aFailedIngestLeavesNothingBehind() throws {
        struct Boom: Error {}
        let store = try StageStore.inMemory()
        #expect(throws: Boom.self) {
            try store.ingest(.fixture("b")) { writer in
                try writer.append(line: 2, encoded: RowEncoding.encode([[1]]))
                throw Boom()
            }
        }
        #expect(try store.importedFiles().isEmpty)
        var count = 0
        try store.forEachRawRow { _, _, _ in count += 1 }
        #expect(count == 0)
        #expect(try store.stageState(.ingest).version == 0)
    }

    @Test func replacingRecordsAndThemesNeverDuplicates() throws {
        let store = try StageStore.inMemory()
        let stored = try store.ingest(.fixture("c")) { try $0.append(line: 2, encoded: RowEncoding.encode([[1]])) }
        let record = NormalizedRecord(
            id: RecordID(source: "delighted", sourceID: "r1"), kind: .nps, tool: "delighted", createdAt: 1_795_000_000,
            week: ISOWeek("2026-W47")!, score: Score(value: 3, scale: .zeroToTen), text: "slow sync", attributes: ["plan": ["Team"]], authorHash: "a1", textFingerprint: 7,
            fileID: stored.id!, line: 2)
        let model = ThemeModel(
            themes: [Theme(id: "T1", label: "sync", keywords: ["sync"], recordCount: 1)],
            assignments: [ThemeAssignment(recordID: record.id, themeID: "T1", rank: 1, strength: 0.5, matchedTerms: ["sync"])])
        for _ in 0..<2 {
            try store.replaceRecords([record], merged: [], rejected: [], inputVersion: 1)
            try store.replaceThemes(model, inputVersion: 1)
        }
        #expect(try store.records() == [record])
        #expect(try store.themeModel() == model)
        #expect(try store.weeksWithRecords() == [ISOWeek("2026-W47")!])

        // A theme that disappears is kept inactive, so its id is never reused for something else.
        try store.replaceThemes(ThemeModel(themes: [], assignments: []), inputVersion: 2)
        #expect(try store.storedThemes().map { "\($0.theme.id) \($0.isActive)" } == ["T1 false"])
        #expect(try store.status().themedRecordCount == 0)
    }

    /// The bulk writers insert 64 rows per statement and the rest one statement for the remainder: every count around
    /// those boundaries must store each row once, with its own values.
    @Test(arguments: [0, 1, 63, 64, 65, 129])
    func assignmentsAndEmotionsOfAnyCountAreStoredRowForRow(count: Int) throws {
        let store = try StageStore.inMemory()
        let stored = try store.ingest(.fixture("d")) { try $0.append(line: 2, encoded: RowEncoding.encode([[1]])) }
        let records = (0..<count).map { index in
            NormalizedRecord(
                id: RecordID(source: "zendesk", sourceID: "r\(1000 + index)"), kind: .ticket, tool: "zendesk",
                createdAt: 1_795_000_000, week: ISOWeek("2026-W47")!, text: "ticket \(index)", fileID: stored.id!, line: 2 + index)
        }
        try store.replaceRecords(records, merged: [], rejected: [], inputVersion: 1)
        let assignments = records.enumerated().flatMap { index, record in
            [ThemeAssignment(recordID: record.id, themeID: "T1", rank: 1, strength: Double(index) / 1000, matchedTerms: ["t\(index % 3)"]),
             ThemeAssignment(recordID: record.id, themeID: "T2", rank: 2, strength: 0.001, matchedTerms: [])]
        }
        let model = ThemeModel(
            themes: [Theme(id: "T1", label: "one", keywords: ["t0"], recordCount: count),
                     Theme(id: "T2", label: "two", keywords: ["t1"], recordCount: count)],
            assignments: assignments)
        let emotions = records.enumerated().map { index, record in
            RecordEmotions(recordID: record.id, emotions: EmotionSet(rawValue: UInt8(index % 16)))
        }
        try store.replaceThemes(model, emotions: emotions, inputVersion: 1)
        #expect(try store.themeModel() == model)
        let expected = Dictionary(uniqueKeysWithValues: emotions.filter { !$0.emotions.isEmpty }.map { ($0.recordID, $0.emotions) })
        #expect(try store.recordEmotions() == expected)
    }

    /// An export streams assignments through `forEachAssignment`: it must see every one in record and rank order,
    /// and a writer that fails (a full disk) must stop the read at once and see its own error.
    @Test func assignmentsAreHandedOverOneByOneInOrderUntilTheBodyThrows() throws {
        let store = try StageStore.inMemory()
        let records = try storeTickets(3, in: store, fixture: "e") { _ in "2026-W47" }
        let assignments = records.flatMap { record in
            [ThemeAssignment(recordID: record.id, themeID: "T2", rank: 1, strength: 0.9, matchedTerms: ["late", "refund"]),
             ThemeAssignment(recordID: record.id, themeID: "T1", rank: 2, strength: 0.4, matchedTerms: ["late"])]
        }
        let themes = [Theme(id: "T1", label: "late", keywords: ["late"], recordCount: 3),
                      Theme(id: "T2", label: "refund", keywords: ["refund"], recordCount: 3)]
        try store.replaceThemes(ThemeModel(themes: themes, assignments: assignments.reversed()), inputVersion: 1)

        var seen: [ThemeAssignment] = []
        try store.forEachAssignment { seen.append($0) }
        #expect(seen == assignments)

        expectReadStopsAtTheFailingItem(of: ThemeAssignment.self) { try store.forEachAssignment(inWeeks: nil, $0) }
        var inOtherWeek = 0
        try store.forEachAssignment(inWeeks: [ISOWeek("2026-W48")!]) { _ in inOtherWeek += 1 }
        #expect(inOtherWeek == 0)
    }

    /// `export records` streams records through `forEachRecord`: every record of the asked weeks in id order, and a
    /// writer that fails stops the read with its own error.
    @Test func recordsAreHandedOverOneByOneInOrderUntilTheBodyThrows() throws {
        let store = try StageStore.inMemory()
        let records = try storeTickets(4, in: store, fixture: "f") { $0 < 3 ? "2026-W47" : "2026-W48" }

        var seen: [NormalizedRecord] = []
        try store.forEachRecord { seen.append($0) }
        #expect(seen == records)
        var inLastWeek: [String] = []
        try store.forEachRecord(inWeeks: [ISOWeek("2026-W48")!]) { inLastWeek.append($0.id.sourceID) }
        #expect(inLastWeek == ["r3"])

        expectReadStopsAtTheFailingItem(of: NormalizedRecord.self) { try store.forEachRecord(inWeeks: nil, $0) }
    }

    /// The themes stage reads a few records' texts again by id to spell its labels: title and text joined as
    /// detection reads them, and nothing for an id that is not stored.
    @Test func themeTextsAreReadByIDWithTitleAndTextJoined() throws {
        let store = try StageStore.inMemory()
        var records = try storeTickets(3, in: store, fixture: "f") { _ in "2026-W47" }
        records[0].title = "CSV export"
        records[1].text = ""
        records[1].title = "Only a title"
        try store.replaceRecords(records, merged: [], rejected: [], inputVersion: 2)
        let missing = RecordID(source: "zendesk", sourceID: "nope")
        let texts = try store.themeTexts(of: [records[0].id, records[1].id, records[2].id, missing])
        #expect(texts == [records[0].id: "CSV export\nticket 0", records[1].id: "Only a title", records[2].id: "ticket 2"])
        #expect(texts == Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.fullText) }))
    }

    /// Stores `count` tickets `r0`, `r1`, … from one ingested file, ticket `i` in week `week(i)`.
    private func storeTickets(
        _ count: Int, in store: StageStore, fixture: String, week: (Int) -> String
    ) throws -> [NormalizedRecord] {
        let stored = try store.ingest(.fixture(fixture)) { try $0.append(line: 2, encoded: RowEncoding.encode([[1]])) }
        let records = (0..<count).map { index in
            NormalizedRecord(
                id: RecordID(source: "zendesk", sourceID: "r\(index)"), kind: .ticket, tool: "zendesk",
                createdAt: 1_795_000_000, week: ISOWeek(week(index))!, text: "ticket \(index)", fileID: stored.id!,
                line: 2 + index)
        }
        try store.replaceRecords(records, merged: [], rejected: [], inputVersion: 1)
        return records
    }

    /// Runs `read` with a body that fails (a full disk) at the second item: the read must stop there with that error.
    private func expectReadStopsAtTheFailingItem<Item>(of _: Item.Type, _ read: (_ body: (Item) throws -> Void) throws -> Void) {
        var handed = 0
        #expect(throws: DiskFull.self) {
            try read { _ in
                handed += 1
                if handed == 2 { throw DiskFull() }
            }
        }
        #expect(handed == 2)
    }
}

/// What a writer throws when the disk fills up.
private struct DiskFull: Error {}
