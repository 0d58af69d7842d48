import EarshotModel
import Foundation
import GRDB

/// The workspace database: every stage's stored output, behind one `Sendable` value.
///
/// Each stage writes its whole output in one transaction, so a crash leaves the previous output in place and a
/// rerun replaces it instead of adding to it.
///
/// ## Topics
/// ### Opening
/// - ``init(path:)``
/// - ``inMemory()``
/// ### Stage bookkeeping
/// - ``StageName``
/// - ``stageState(_:)``
public struct StageStore: Sendable {
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the workspace database at `path` and brings its schema up to date.
    ///
    /// - Throws: `DatabaseError` when the file cannot be opened or migrated.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try self.init(writer: queue)
    }

    /// An empty in-memory workspace, for tests.
    public static func inMemory() throws -> StageStore {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try StageStore(writer: DatabaseQueue(configuration: configuration))
    }

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try WorkspaceMigrations.migrator.migrate(writer)
    }

    /// The pipeline stages whose versions the store tracks.
    public enum StageName: String, Sendable, CaseIterable {
        /// Files in, raw rows out.
        case ingest
        /// Raw rows to records.
        case normalize
        /// Records to themes.
        case themes
        /// Themes to the weekly report.
        case report
    }

    /// A stage's output version and the version of its input it was computed from.
    public struct StageState: Sendable, Hashable {
        /// Bumped each time the stage writes new output.
        public var version: Int
        /// The upstream stage's version this output was computed from.
        public var inputVersion: Int
    }

    /// The stored state of a stage.
    public func stageState(_ stage: StageName) throws -> StageState {
        try writer.read { db in try Self.stageState(stage, db) }
    }

    static func stageState(_ stage: StageName, _ db: Database) throws -> StageState {
        let row = try Row.fetchOne(db, sql: "SELECT version, inputVersion FROM stageState WHERE stage = ?", arguments: [stage.rawValue])
        return StageState(version: row?["version"] ?? 0, inputVersion: row?["inputVersion"] ?? 0)
    }

    /// Runs `body` with SQLite's secure delete in its FAST mode, then puts the mode back. Debian's libsqlite3 zeroes
    /// every deleted page (SECURE_DELETE): for a stage that replaces millions of rows that is a second copy of them
    /// written to the journal and the file. Only for rows derived from what stays in the workspace (records from raw
    /// rows, themes from records), where zeroing hides nothing; FAST still clears the cells of pages it writes anyway.
    static func withFastSecureDelete<Value>(_ db: Database, _ body: () throws -> Value) throws -> Value {
        let mode = try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? 1
        try db.execute(sql: "PRAGMA secure_delete = FAST")
        defer { try? db.execute(sql: "PRAGMA secure_delete = \(mode)") }
        return try body()
    }

    static func bump(_ stage: StageName, inputVersion: Int, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE stageState SET version = version + 1, inputVersion = ? WHERE stage = ?",
            arguments: [inputVersion, stage.rawValue])
    }
}

extension StageStore {
    /// Records that a report was written from the themes at `inputVersion`.
    public func markReported(inputVersion: Int) throws {
        try writer.write { db in try Self.bump(.report, inputVersion: inputVersion, db) }
    }
}
