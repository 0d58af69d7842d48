import GRDB
import GRDBSQLite

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
