import EarshotModel
import GRDB
import GRDBSQLite

extension StageStore {
    /// The ingested file with this content hash, if any.
    public func importedFile(sha256: String) throws -> ImportedFile? {
        try writer.read { db in
            try ImportedFile.filter(Column("sha256") == sha256).fetchOne(db)
        }
    }

    /// Every ingested file, in ingest order.
    public func importedFiles() throws -> [ImportedFile] {
        try writer.read { db in try ImportedFile.order(Column("id")).fetchAll(db) }
    }

    /// Stores a file and its rows in one transaction: either all of it lands or none of it does.
    ///
    /// - Parameters:
    ///   - file: The file's description; its `id` and `rowCount` are filled in.
    ///   - body: Writes the rows through the ``RawRowWriter`` it is given.
    /// - Returns: The stored file.
    public func ingest(_ file: ImportedFile, _ body: (inout RawRowWriter) throws -> Void) throws -> ImportedFile {
        try writer.write { db in
            var stored = file
            try stored.insert(db)
            stored.id = db.lastInsertedRowID
            var rowWriter = try RawRowWriter(db: db, fileID: db.lastInsertedRowID)
            try body(&rowWriter)
            stored.rowCount = rowWriter.rowCount + rowWriter.quarantinedCount
            stored.sha256 = try String.fetchOne(db, sql: "SELECT sha256 FROM importedFile WHERE id = ?", arguments: [stored.id]) ?? stored.sha256
            try stored.update(db)
            let ingest = try Self.stageState(.ingest, db)
            try Self.bump(.ingest, inputVersion: ingest.inputVersion + 1, db)
            return stored
        }
    }

    /// Calls `body` with every stored raw row, file by file in ingest order, lines in file order.
    public func forEachRawRow(_ body: (_ fileID: Int64, _ line: Int, _ encoded: [UInt8]) throws -> Void) throws {
        try writer.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT fileId, line, fields FROM rawRow ORDER BY id")
            while let row = try cursor.next() {
                let fields: [UInt8] = try row.withUnsafeData(atIndex: 2) { data in data.map { Array($0) } ?? [] }
                try body(row[0], row[1], fields)
            }
        }
    }
}

/// Appends one file's raw rows and quarantined rows inside the ingest transaction.
///
/// Rows go through a prepared statement bound with SQLite's C API: the ingest of a 700 MB export is bound by this
/// loop, and building GRDB `StatementArguments` for each of a million rows costs more than the parse.
public struct RawRowWriter {
    let database: Database
    private let rowStatement: Statement
    private let quarantineStatement: Statement
    /// The workspace id of the file being written.
    public let fileID: Int64
    /// Data rows written so far.
    public private(set) var rowCount = 0
    /// Rows quarantined so far.
    public private(set) var quarantinedCount = 0

    init(db: Database, fileID: Int64) throws {
        self.fileID = fileID
        database = db
        rowStatement = try db.makeStatement(sql: "INSERT INTO rawRow (fileId, line, fields) VALUES (?, ?, ?)")
        quarantineStatement = try db.makeStatement(
            sql: "INSERT INTO quarantinedRow (fileId, stage, line, fieldNumber, reason, excerpt) VALUES (?, 'ingest', ?, ?, ?, ?)")
    }

    /// Stores one data row, its fields in ``RowEncoding`` form.
    public mutating func append(line: Int, encoded: [UInt8]) throws {
        let statement = rowStatement.sqliteStatement
        sqlite3_reset(statement)
        sqlite3_bind_int64(statement, 1, fileID)
        sqlite3_bind_int64(statement, 2, Int64(line))
        let code = encoded.withUnsafeBytes { buffer in
            // SQLITE_TRANSIENT: SQLite copies the bytes before this call returns.
            sqlite3_bind_blob(statement, 3, buffer.baseAddress, Int32(buffer.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
        guard code == SQLITE_OK, sqlite3_step(statement) == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_errcode(sqlite3_db_handle(statement))),
                                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))))
        }
        rowCount += 1
    }

    /// Stores a row that could not be taken as data, with where and why.
    public mutating func quarantine(line: Int, fieldNumber: Int?, reason: String, excerpt: String) throws {
        try quarantineStatement.execute(arguments: [fileID, line, fieldNumber, reason, excerpt])
        quarantinedCount += 1
    }
}

extension RawRowWriter {
    /// The path of an already-stored file with this hash, if any.
    public func existingFile(sha256: String) throws -> String? {
        try String.fetchOne(database, sql: "SELECT path FROM importedFile WHERE sha256 = ?", arguments: [sha256])
    }

    /// Records the file's hash once it is known.
    public func setSHA256(_ sha256: String) throws {
        try database.execute(sql: "UPDATE importedFile SET sha256 = ? WHERE id = ?", arguments: [sha256, fileID])
    }
}
