import EarshotModel
import Foundation
import GRDB
import GRDBSQLite

extension StageStore {
    /// Replaces the normalize stage's whole output in one transaction, and clears the themes computed from the old one.
    ///
    /// `body` reads the raw rows and writes the records through the same connection, so the stage streams: neither
    /// the rows nor the records are ever all in memory. When `body` throws, nothing changes. The run is logged in
    /// `normalizeRun` as a full one that read every file up to the newest, under `settingsSHA256`.
    public func replaceRecords<Result>(
        inputVersion: Int, settingsSHA256: String = "", _ body: (RawRowReader, inout RecordWriter) throws -> Result
    ) throws -> Result {
        try writer.writeWithoutTransaction { db in
            // With foreign keys on, SQLite deletes a parent table row by row (checking children) instead of clearing
            // it, which for a million records costs more than normalizing them. Every child (themeAssignment) is
            // cleared in the same transaction, so integrity holds without the per-row check.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var result: Result?
            try db.inTransaction {
                try db.execute(sql: """
                    DELETE FROM themeAssignment; DELETE FROM recordEmotion; DELETE FROM record; DELETE FROM mergedDuplicate;
                    DELETE FROM quarantinedRow WHERE stage = 'normalize'; DELETE FROM touchedWeek
                    """)
                let version = try Self.stageState(.normalize, db).version + 1
                var recordWriter = try RecordWriter(db: db, normalizeVersion: version, mergesWithStored: false)
                result = try body(RawRowReader(db: db), &recordWriter)
                try Self.logNormalizeRun(version: version, isFull: true, settingsSHA256: settingsSHA256, db)
                try Self.bump(.normalize, inputVersion: inputVersion, db)
                return .commit
            }
            return result!
        }
    }

    /// Merges the rows of files not normalized before into the stored records, in one transaction: the nightly run's
    /// normalize, which reads one day's rows instead of a year's.
    ///
    /// `body` is given the files to read and a writer that compares each record with the stored version of the same
    /// id (``RecordWriter/storedVersion(of:)``): the newest wins, as in a full rebuild, and a replaced record loses its
    /// themes and emotions until the themes stage assigns it again. The weeks of every record written (and the weeks
    /// replaced records left) are kept in `touchedWeek`, so that the themes stage recomputes only those weeks.
    public func mergeRecords<Result>(
        inputVersion: Int, settingsSHA256: String, _ body: (_ newFileIDs: [Int64], RawRowReader, inout RecordWriter) throws -> Result
    ) throws -> Result {
        try writer.writeWithoutTransaction { db in
            var result: Result?
            try db.inTransaction {
                let through = try Int64.fetchOne(db, sql: "SELECT throughFileId FROM normalizeRun ORDER BY version DESC LIMIT 1") ?? 0
                let newFiles = try Int64.fetchAll(db, sql: "SELECT id FROM importedFile WHERE id > ? ORDER BY id", arguments: [through])
                let version = try Self.stageState(.normalize, db).version + 1
                var recordWriter = try RecordWriter(db: db, normalizeVersion: version, mergesWithStored: true)
                result = try body(newFiles, RawRowReader(db: db), &recordWriter)
                let insertWeek = try db.makeStatement(sql: "INSERT OR IGNORE INTO touchedWeek (normalizeVersion, week) VALUES (?, ?)")
                for week in recordWriter.touchedWeeks.sorted() { try insertWeek.execute(arguments: [version, week]) }
                try Self.logNormalizeRun(version: version, isFull: false, settingsSHA256: settingsSHA256, db)
                try Self.bump(.normalize, inputVersion: inputVersion, db)
                return .commit
            }
            return result!
        }
    }

    private static func logNormalizeRun(version: Int, isFull: Bool, settingsSHA256: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO normalizeRun (version, isFull, throughFileId, settingsSHA256) VALUES (?, ?, (SELECT COALESCE(MAX(id), 0) FROM importedFile), ?)",
            arguments: [version, isFull ? 1 : 0, settingsSHA256])
    }

    /// The last normalize run that rebuilt every record: its version and settings; `nil` before the first, or in a
    /// workspace made before runs were logged.
    public func lastFullNormalize() throws -> (version: Int, settingsSHA256: String)? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT version, settingsSHA256 FROM normalizeRun WHERE isFull = 1 ORDER BY version DESC LIMIT 1")
                .map { ($0["version"], $0["settingsSHA256"]) }
        }
    }

    /// Whether some ingested file has not been read by a normalize run yet.
    public func hasFilesToNormalize() throws -> Bool {
        try writer.read { db in
            let through = try Int64.fetchOne(db, sql: "SELECT throughFileId FROM normalizeRun ORDER BY version DESC LIMIT 1") ?? 0
            return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM importedFile WHERE id > ?)", arguments: [through]) ?? false
        }
    }

    /// The weeks that normalize runs after `normalizeVersion` wrote records into or moved records out of.
    public func weeksTouched(after normalizeVersion: Int) throws -> Set<ISOWeek> {
        try writer.read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT week FROM touchedWeek WHERE normalizeVersion > ?",
                                    arguments: [normalizeVersion]).compactMap(ISOWeek.init))
        }
    }

    /// Replaces the normalize stage's output with records held in memory (tests, small runs).
    public func replaceRecords(
        _ records: [NormalizedRecord], merged: [MergedDuplicate], rejected: [RowRejection], inputVersion: Int
    ) throws {
        try replaceRecords(inputVersion: inputVersion) { _, writer in
            for record in records { try writer.store(record, replacing: false) }
            for entry in merged { try writer.storeMerged(entry) }
            for rejection in rejected { try writer.storeRejected(rejection) }
        }
    }

    /// The workspace's secret salt for author hashes, made when the workspace was created.
    public func authorSalt() throws -> [UInt8] {
        try writer.read { db in
            let data = try Data.fetchOne(db, sql: "SELECT value FROM workspaceSecret WHERE name = 'authorSalt'")
            return data.map { Array($0) } ?? []
        }
    }

    /// Every record, ordered by id; or only those of the given weeks.
    /// `column IN (?, …)` for `weeks`, with the weeks as its arguments in order: how every query narrows by week.
    static func weekCondition(_ weeks: Set<ISOWeek>, column: String) -> (sql: String, arguments: [String]) {
        let list = weeks.sorted()
        return ("\(column) IN (\(list.map { _ in "?" }.joined(separator: ",")))", list.map(\.description))
    }

    public func records(inWeeks weeks: Set<ISOWeek>? = nil) throws -> [NormalizedRecord] {
        try writer.read { db in
            var sql = "SELECT * FROM record"
            var arguments: StatementArguments = []
            if let weeks {
                let condition = Self.weekCondition(weeks, column: "week")
                sql += " WHERE " + condition.sql
                arguments = StatementArguments(condition.arguments)
            }
            sql += " ORDER BY id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.record(from:))
        }
    }

    /// The weeks that have records, oldest first.
    public func weeksWithRecords() throws -> [ISOWeek] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT week FROM record ORDER BY week").compactMap(ISOWeek.init)
        }
    }

    static func record(from row: Row) -> NormalizedRecord {
        let scale: String? = row["scale"]
        let value: Double? = row["score"]
        var score: Score?
        if let scale, let value, let parsedScale = ScoreScale(rawValue: scale) {
            score = Score(value: value, scale: parsedScale)
        }
        let attributesText: String = row["attributes"]
        let attributes = JSONText.decode([String: [String]].self, from: attributesText)
            ?? (JSONText.decode([String: String].self, from: attributesText) ?? [:]).mapValues { [$0] }
        return NormalizedRecord(
            id: RecordID(source: row["source"], sourceID: row["sourceId"]),
            kind: SourceKind(rawValue: row["kind"]) ?? .survey,
            tool: row["tool"],
            createdAt: row["createdAt"],
            week: ISOWeek(row["week"] as String) ?? ISOWeek(year: 1970, week: 1),
            updatedAt: row["updatedAt"],
            score: score,
            title: row["title"],
            text: row["text"],
            originalText: row["originalText"] as String?,
            reply: row["reply"],
            attributes: attributes,
            authorHash: row["authorHash"],
            textFingerprint: row["textFingerprint"],
            isRepeatedText: row["isRepeatedText"],
            fileID: row["fileId"],
            line: row["line"])
    }
}

/// Reads raw rows inside the normalize transaction.
public struct RawRowReader {
    let db: Database

    /// Calls `body` with each stored row in storage order: every file, or one file's first `limit` rows.
    /// The bytes are valid only during the call.
    public func forEachRow(
        ofFile fileID: Int64?, limit: Int?, _ body: (_ fileID: Int64, _ line: Int, _ encoded: UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var sql = "SELECT fileId, line, fields FROM rawRow"
        if fileID != nil { sql += " WHERE fileId = ?" }
        sql += " ORDER BY id"
        if limit != nil { sql += " LIMIT ?" }
        let statement = try db.makeStatement(sql: sql)
        var arguments: [any DatabaseValueConvertible] = []
        if let fileID { arguments.append(fileID) }
        if let limit { arguments.append(limit) }
        try statement.setArguments(StatementArguments(arguments))
        let handle = statement.sqliteStatement
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
            }
            let file = sqlite3_column_int64(handle, 0)
            let line = Int(sqlite3_column_int64(handle, 1))
            let count = Int(sqlite3_column_bytes(handle, 2))
            let bytes = UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, 2), count: count)
            try body(file, line, bytes)
        }
        sqlite3_reset(handle)
    }
}

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

    private static let columns = """
        (id, source, sourceId, tool, kind, createdAt, createdAtUTC, week, updatedAt, score, scale, npsCategory, title, text,
         originalText, reply, attributes, authorHash, textFingerprint, isRepeatedText, fileId, line, normalizeVersion)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    init(db: Database, normalizeVersion: Int, mergesWithStored: Bool) throws {
        self.db = db
        self.normalizeVersion = normalizeVersion
        self.mergesWithStored = mergesWithStored
        lookup = try db.makeStatement(sql: "SELECT updatedAt, fileId, line, week FROM record WHERE id = ?")
        deleteChildren = try [
            db.makeStatement(sql: "DELETE FROM themeAssignment WHERE recordId = ?"),
            db.makeStatement(sql: "DELETE FROM recordEmotion WHERE recordId = ?"),
        ]
        insert = try db.makeStatement(sql: "INSERT INTO record " + Self.columns)
        replace = try db.makeStatement(sql: "INSERT OR REPLACE INTO record " + Self.columns)
        mergedInsert = try db.makeStatement(sql: "INSERT INTO mergedDuplicate (recordId, fileId, line) VALUES (?, ?, ?)")
        rejectInsert = try db.makeStatement(sql: """
            INSERT INTO quarantinedRow (fileId, stage, line, fieldNumber, reason, excerpt) VALUES (?, 'normalize', ?, ?, ?, ?)
            """)
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
    public func records(withFingerprints fingerprints: Set<Int64>) throws -> [(id: RecordID, createdAt: Int64, authorHash: String, text: String)] {
        guard !fingerprints.isEmpty else { return [] }
        var found: [(RecordID, Int64, String, String)] = []
        for chunk in Array(fingerprints).sorted().chunked(500) {
            let rows = try Row.fetchAll(
                db, sql: "SELECT source, sourceId, createdAt, authorHash, text FROM record WHERE textFingerprint IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
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
    public func flagRepeated(_ repeats: Set<RecordID>, among candidates: [RecordID] = []) throws {
        let statement = try db.makeStatement(sql: "UPDATE record SET isRepeatedText = ? WHERE id = ?")
        for id in Set(candidates).subtracting(repeats).sorted() { try statement.execute(arguments: [0, id.description]) }
        for id in repeats.sorted() { try statement.execute(arguments: [1, id.description]) }
    }

}

/// Binds values to a statement's parameters in order, with SQLite's C API: the bulk writers bind millions of rows.
struct Binder {
    let handle: OpaquePointer
    var index: Int32 = 1

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func text(_ value: String?) {
        if var value {
            value.withUTF8 { buffer in
                _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self),
                                      Int32(buffer.count), Self.transient)
            }
        } else {
            sqlite3_bind_null(handle, index)
        }
        index += 1
    }

    mutating func int(_ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        index += 1
    }

    mutating func double(_ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        index += 1
    }

    /// Runs the statement, which returns no rows.
    func step() throws {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
    }
}

/// Attributes and term lists as compact JSON (keys sorted), written by hand over bytes because it runs once per
/// record or assignment; the same text as ``JSONText/encode(_:)``.
enum AttributeJSON {
    static func encode(_ list: [String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, value) in list.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(value, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    static func encode(_ attributes: [String: [String]]) -> String {
        guard !attributes.isEmpty else { return "{}" }
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(64)
        for (position, name) in attributes.keys.sorted().enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            append(name, to: &out)
            out.append(UInt8(ascii: ":"))
            out.append(UInt8(ascii: "["))
            for (index, value) in attributes[name]!.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(value, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func append(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case ..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension Array {
    fileprivate func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension StageStore {
    /// Rows a stage set aside, in file and line order, at most `limit` of them.
    public func quarantinedRows(stage: String, limit: Int = .max) throws -> [RowRejection] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT fileId, line, fieldNumber, reason, excerpt FROM quarantinedRow WHERE stage = ? ORDER BY fileId, line LIMIT ?",
                arguments: [stage, limit]
            ).map { RowRejection(fileID: $0["fileId"], line: $0["line"], fieldNumber: $0["fieldNumber"], reason: $0["reason"], excerpt: $0["excerpt"]) }
        }
    }
}
