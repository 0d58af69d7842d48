import EarshotModel
import Foundation
import GRDB
import GRDBSQLite

extension StageStore {
    /// Replaces the normalize stage's whole output in one transaction, and clears the themes computed from the old one.
    ///
    /// `body` reads the raw rows and writes the records through the same connection, so the stage streams: neither
    /// the rows nor the records are ever all in memory. When `body` throws, nothing changes.
    public func replaceRecords<Result>(
        inputVersion: Int, _ body: (RawRowReader, inout RecordWriter) throws -> Result
    ) throws -> Result {
        try writer.writeWithoutTransaction { db in
            // With foreign keys on, SQLite deletes a parent table row by row (checking children) instead of clearing
            // it, which for a million records costs more than normalizing them. Every child (themeAssignment) is
            // cleared in the same transaction, so integrity holds without the per-row check.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var result: Result?
            try db.inTransaction {
                try db.execute(sql: "DELETE FROM themeAssignment; DELETE FROM record; DELETE FROM mergedDuplicate; DELETE FROM quarantinedRow WHERE stage = 'normalize'")
                var recordWriter = try RecordWriter(db: db)
                result = try body(RawRowReader(db: db), &recordWriter)
                try Self.bump(.normalize, inputVersion: inputVersion, db)
                return .commit
            }
            return result!
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
    /// Records written (a replacement counts once).
    public private(set) var recordCount = 0

    private static let columns = """
        (id, source, sourceId, tool, kind, createdAt, createdAtUTC, week, updatedAt, score, scale, npsCategory, title, text,
         originalText, reply, attributes, authorHash, textFingerprint, isRepeatedText, fileId, line)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    init(db: Database) throws {
        self.db = db
        insert = try db.makeStatement(sql: "INSERT INTO record " + Self.columns)
        replace = try db.makeStatement(sql: "INSERT OR REPLACE INTO record " + Self.columns)
        mergedInsert = try db.makeStatement(sql: "INSERT INTO mergedDuplicate (recordId, fileId, line) VALUES (?, ?, ?)")
        rejectInsert = try db.makeStatement(sql: """
            INSERT INTO quarantinedRow (fileId, stage, line, fieldNumber, reason, excerpt) VALUES (?, 'normalize', ?, ?, ?, ?)
            """)
    }

    /// Stores a record; with `replacing`, the stored record with the same id is replaced.
    public mutating func store(_ record: NormalizedRecord, replacing: Bool) throws {
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
        try binder.step()
        if !replacing { recordCount += 1 }
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

    /// Flags records as repeats of an earlier one.
    public func flagRepeated(_ ids: Set<RecordID>) throws {
        let statement = try db.makeStatement(sql: "UPDATE record SET isRepeatedText = 1 WHERE id = ?")
        for id in ids.sorted() { try statement.execute(arguments: [id.description]) }
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
