import EarshotModel
import GRDB
import GRDBSQLite

/// Writes the normalize stage's output inside its transaction, binding values with SQLite's C API: normalize
/// writes millions of records and GRDB's argument arrays would cost more than the work itself.
public struct RecordWriter {
    let db: Database
    private let insert: Statement
    private let replace: Statement
    private let mergedInsert: Statement
    private let rejectInsert: Statement
    private let lookup: Statement
    private let deleteChildren: [Statement]
    /// The normalize version stamped on every record written.
    public let normalizeVersion: Int
    /// Whether records merge into stored ones (a nightly run) rather than into an empty table (a rebuild).
    public let mergesWithStored: Bool
    /// Records written (a replacement counts once).
    public private(set) var recordCount = 0
    /// The weeks records were written into, and the weeks replaced records were in, when merging with stored ones.
    public private(set) var touchedWeeks = Set<String>()
    /// The table written: `record`, or during a rebuild the table that replaces it.
    private var table: String
    /// During a rebuild, the new table that replaces `record` in ``finishRebuild()``.
    private var rebuild: TableSwap?

    private static let columns = """
        (id, source, sourceId, tool, kind, createdAt, createdAtUTC, week, updatedAt, score, scale, npsCategory, title, text,
         originalText, reply, attributes, authorHash, textFingerprint, isRepeatedText, fileId, line, normalizeVersion)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    init(db: Database, normalizeVersion: Int, mergesWithStored: Bool, table: String = "record") throws {
        self.db = db
        self.normalizeVersion = normalizeVersion
        self.mergesWithStored = mergesWithStored
        self.table = table
        lookup = try db.makeStatement(sql: "SELECT updatedAt, fileId, line, week FROM \(table) WHERE id = ?")
        deleteChildren = try [
            db.makeStatement(sql: "DELETE FROM themeAssignment WHERE recordId = ?"),
            db.makeStatement(sql: "DELETE FROM recordEmotion WHERE recordId = ?"),
        ]
        insert = try db.makeStatement(sql: "INSERT INTO \(table) " + Self.columns)
        replace = try db.makeStatement(sql: "INSERT OR REPLACE INTO \(table) " + Self.columns)
        mergedInsert = try db.makeStatement(sql: "INSERT INTO mergedDuplicate (recordId, fileId, line) VALUES (?, ?, ?)")
        rejectInsert = try db.makeStatement(sql: """
            INSERT INTO quarantinedRow (fileId, stage, line, fieldNumber, reason, excerpt) VALUES (?, 'normalize', ?, ?, ?, ?)
            """)
    }

    /// A writer for a full rebuild: it writes into a new, empty table shaped like `record`, which replaces `record`
    /// in ``finishRebuild()``, in the same transaction (see ``TableSwap`` for why).
    static func rebuilding(db: Database, normalizeVersion: Int) throws -> RecordWriter {
        let swap = try TableSwap(replacing: "record", db)
        var writer = try RecordWriter(db: db, normalizeVersion: normalizeVersion, mergesWithStored: false, table: swap.scratch)
        writer.rebuild = swap
        return writer
    }

    /// Puts a rebuild's table in place of `record`, with `record`'s indexes; does nothing when not rebuilding or
    /// when done already. Records can no longer be stored after it.
    mutating func finishRebuild() throws {
        guard let rebuild else { return }
        try rebuild.finish(db)
        table = rebuild.table
        self.rebuild = nil
    }

    /// Stores a record; with `replacing`, the stored record with the same id is replaced.
    public mutating func store(_ record: NormalizedRecord, replacing: Bool) throws {
        if mergesWithStored {
            touchedWeeks.insert(record.week.description)
            if replacing, let stored = try storedVersion(of: record.id) {
                // The record's text may have changed: its themes and emotions are made again by the themes stage.
                touchedWeeks.insert(stored.week)
                for statement in deleteChildren { try statement.execute(arguments: [record.id.description]) }
            }
        }
        let handle = (replacing ? replace : insert).sqliteStatement
        sqlite3_reset(handle)
        var binder = Binder(handle: handle)
        binder.text(record.id.description)
        binder.text(record.id.source)
        binder.text(record.id.sourceID)
        binder.text(record.tool)
        binder.text(record.kind.rawValue)
        binder.int(record.createdAt)
        binder.text(CivilDateTime(secondsSinceEpoch: record.createdAt).isoUTCTimestamp)
        binder.text(record.week.description)
        binder.int(record.updatedAt)
        binder.double(record.score?.value)
        binder.text(record.score?.scale.rawValue)
        binder.text(record.score?.npsCategory?.rawValue)
        binder.text(record.title)
        binder.text(record.text)
        binder.text(record.originalText == record.text ? nil : record.originalText)
        binder.text(record.reply)
        binder.text(AttributeJSON.encode(record.attributes))
        binder.text(record.authorHash)
        binder.int(record.textFingerprint)
        binder.int(record.isRepeatedText ? 1 : 0)
        binder.int(record.fileID)
        binder.int(Int64(record.line))
        binder.int(Int64(normalizeVersion))
        try binder.step()
        if !replacing { recordCount += 1 }
    }

    /// The stored record with this id, as the newest-version rule compares it: its tool's updated-at, the file and
    /// line it came from, and its week.
    public func storedVersion(of id: RecordID) throws -> (updatedAt: Int64?, fileID: Int64, line: Int, week: String)? {
        let handle = lookup.sqliteStatement
        sqlite3_reset(handle)
        var binder = Binder(handle: handle)
        binder.text(id.description)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
        let updatedAt: Int64? = sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
        let week = String(cString: sqlite3_column_text(handle, 3))
        return (updatedAt, sqlite3_column_int64(handle, 1), Int(sqlite3_column_int64(handle, 2)), week)
    }

    /// Notes a row merged into another record.
    public mutating func storeMerged(_ duplicate: MergedDuplicate) throws {
        let handle = mergedInsert.sqliteStatement
        sqlite3_reset(handle)
        var binder = Binder(handle: handle)
        binder.text(duplicate.recordID.description)
        binder.int(duplicate.fileID)
        binder.int(Int64(duplicate.line))
        try binder.step()
    }

    /// Notes a row that could not become a record.
    public mutating func storeRejected(_ rejection: RowRejection) throws {
        let handle = rejectInsert.sqliteStatement
        sqlite3_reset(handle)
        var binder = Binder(handle: handle)
        binder.int(rejection.fileID)
        binder.int(Int64(rejection.line))
        binder.int(rejection.fieldNumber.map(Int64.init))
        binder.text(rejection.reason)
        binder.text(rejection.excerpt)
        try binder.step()
    }

    /// The records carrying one of `fingerprints`, as `(id, createdAt, authorHash, text)`: the candidates for
    /// repeated-text flagging.
    public mutating func records(withFingerprints fingerprints: Set<Int64>) throws -> [(id: RecordID, createdAt: Int64, authorHash: String, text: String)] {
        guard !fingerprints.isEmpty else { return [] }
        try finishRebuild()  // the lookup below needs the fingerprint index
        var found: [(RecordID, Int64, String, String)] = []
        for chunk in Array(fingerprints).sorted().chunked(500) {
            let rows = try Row.fetchAll(
                db, sql: "SELECT source, sourceId, createdAt, authorHash, text FROM \(table) WHERE textFingerprint IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(chunk))
            for row in rows {
                guard let author: String = row["authorHash"] else { continue }
                found.append((RecordID(source: row["source"], sourceID: row["sourceId"]), row["createdAt"], author, row["text"]))
            }
        }
        return found
    }

    /// Flags `repeats` as repeats of an earlier record, and clears the flag of the other `candidates` (a record
    /// merged in tonight may be the earlier one of a stored pair).
    public mutating func flagRepeated(_ repeats: Set<RecordID>, among candidates: [RecordID] = []) throws {
        try finishRebuild()
        let statement = try db.makeStatement(sql: "UPDATE record SET isRepeatedText = ? WHERE id = ?")
        for id in Set(candidates).subtracting(repeats).sorted() { try statement.execute(arguments: [0, id.description]) }
        for id in repeats.sorted() { try statement.execute(arguments: [1, id.description]) }
    }

}

extension Array {
    fileprivate func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
