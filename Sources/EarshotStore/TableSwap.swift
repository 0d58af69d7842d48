import Foundation
import GRDB

/// Replaces every row of a table inside a transaction by writing the new rows into a fresh copy of the table, which
/// takes the table's place (and gets its indexes back) when ``finish(_:)`` runs, still in the same transaction.
///
/// Deleting the rows and inserting the new ones would be simpler, but SQLite must copy a page to the rollback journal
/// before it reuses a page freed in the same transaction: for a million rows that wrote everything twice (28 s
/// against 14 s for the records in this machine's benchmark). The copy takes its pages from the free list an earlier
/// transaction left and from the end of the file, which need no journal; the old table is dropped after all the
/// writing. Its secondary indexes are built once, from sorted keys, instead of growing by random inserts. The cost
/// is disk: the file keeps room for both tables. Foreign keys must be off while the tables change names.
struct TableSwap {
    /// The table replaced.
    let table: String
    /// The copy the new rows go into until ``finish(_:)``.
    let scratch: String
    private let indexes: [String]

    /// Creates the empty copy of `table`.
    init(replacing table: String, _ db: Database) throws {
        // With foreign keys on, dropping the old table would first delete its rows, cascading into their children.
        guard try Int.fetchOne(db, sql: "PRAGMA foreign_keys") == 0 else {
            throw DatabaseError(message: "internal error: \(table) can only be swapped with foreign keys off")
        }
        guard let tableSQL = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]),
            let columns = tableSQL.firstIndex(of: "(")
        else {
            throw DatabaseError(message: "the workspace has no \(table) table; is it an Earshot workspace?")
        }
        self.table = table
        scratch = table + "Rebuilt"
        indexes = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name
            """, arguments: [table])
        try db.execute(sql: "DROP TABLE IF EXISTS \(scratch.quotedDatabaseIdentifier)")
        try db.execute(sql: "CREATE TABLE \(scratch.quotedDatabaseIdentifier) " + tableSQL[columns...])
    }

    /// Drops the old table and puts the copy, with the old table's indexes, in its place.
    func finish(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE \(table.quotedDatabaseIdentifier)")
        try db.execute(sql: "ALTER TABLE \(scratch.quotedDatabaseIdentifier) RENAME TO \(table.quotedDatabaseIdentifier)")
        try Self.withParallelSorting(db) {
            for sql in indexes { try db.execute(sql: sql) }
        }
    }

    /// Runs `body` with SQLite sorting on worker threads, in runs of ``sortRunKiB``.
    ///
    /// SQLite sorts an index's keys in runs as large as its page cache, on one thread unless `PRAGMA threads` gives it
    /// more; with the workspace's 64 MiB cache, the themeId index of 2.4M assignments is one long sort on one core.
    /// In runs of 4 MiB, sorted on the worker threads and merged by them, it builds in about half the time on this
    /// two-core machine (2.0 s to 1.0 s; 2 MiB and 1 MiB were no faster, 16 and 32 MiB slower). The pages written
    /// meanwhile spill from the smaller cache as they would from the larger one: a rebuild writes far more than 64 MiB.
    static func withParallelSorting(_ db: Database, _ body: () throws -> Void) throws {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        let threads = min(4, ProcessInfo.processInfo.activeProcessorCount)
        try db.execute(sql: "PRAGMA threads = \(threads); PRAGMA cache_size = -\(sortRunKiB)")
        defer { try? db.execute(sql: "PRAGMA threads = 0; PRAGMA cache_size = \(cacheSize)") }
        try body()
    }

    /// The size of a sorted run, in KiB.
    static let sortRunKiB = 4096
}
