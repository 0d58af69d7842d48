import GRDB
import GRDBSQLite

/// Inserts many rows with one `INSERT … VALUES (…), (…), …` statement per `rowsPerStatement` rows: a full themes run
/// writes millions of rows, and one statement step per row spends more in SQLite's statement machinery than in the
/// B-tree.
struct ChunkedInsert {
    /// `INSERT INTO table (a, b, c)`, without `VALUES`.
    let prefix: String
    let columns: Int
    let rowsPerStatement: Int

    init(_ prefix: String, columns: Int, rowsPerStatement: Int = 64) {
        self.prefix = prefix
        self.columns = columns
        self.rowsPerStatement = rowsPerStatement
    }

    /// Inserts `rows`, `bind` binding each row's `columns` values in order.
    func run<Row>(_ rows: some Collection<Row>, _ db: Database, bind: (inout Binder, Row) throws -> Void) throws {
        let tuple = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        func statement(rows: Int) throws -> Statement {
            try db.makeStatement(sql: prefix + " VALUES " + Array(repeating: tuple, count: rows).joined(separator: ", "))
        }
        let full = try statement(rows: rowsPerStatement)
        var start = rows.startIndex
        while start != rows.endIndex {
            let end = rows.index(start, offsetBy: rowsPerStatement, limitedBy: rows.endIndex) ?? rows.endIndex
            let chunk = rows[start..<end]
            // The statement, not only its handle, is held while it runs: the handle dies with it.
            let current = chunk.count == rowsPerStatement ? full : try statement(rows: chunk.count)
            let handle = current.sqliteStatement
            sqlite3_reset(handle)
            var binder = Binder(handle: handle)
            for row in chunk { try bind(&binder, row) }
            try withExtendedLifetime(current) { try binder.step() }
            start = end
        }
    }
}
