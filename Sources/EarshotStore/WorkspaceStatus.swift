import EarshotModel
import GRDB

/// Where every data row of every file ended up: `records + mergedDuplicates + quarantined == rowsRead`.
public struct WorkspaceStatus: Sendable, Hashable, Codable {
    /// One file's accounting.
    public struct FileStatus: Sendable, Hashable, Codable {
        /// The file name.
        public var fileName: String
        /// The path it was ingested from.
        public var path: String
        /// SHA-256 of its bytes.
        public var sha256: String
        /// The source name its records carry.
        public var source: String
        /// Its encoding.
        public var encoding: String
        /// Data rows read.
        public var rowsRead: Int
        /// Rows that are the winning version of a record.
        public var records: Int
        /// Rows merged into a newer version of the same record.
        public var mergedDuplicates: Int
        /// Rows set aside, by ingest or normalize.
        public var quarantined: Int
        /// Rows not accounted for yet: ingested but not normalized.
        public var pending: Int
    }

    /// A quarantined row, for `status` and the report's data health.
    public struct QuarantinedRow: Sendable, Hashable, Codable {
        /// The file name.
        public var fileName: String
        /// The line.
        public var line: Int
        /// The 1-based field at fault, when known.
        public var fieldNumber: Int?
        /// The stage that set it aside.
        public var stage: String
        /// Why.
        public var reason: String
    }

    /// Every file, in ingest order.
    public var files: [FileStatus]
    /// Quarantined rows, in file and line order.
    public var quarantinedRows: [QuarantinedRow]
    /// Records in the workspace.
    public var recordCount: Int
    /// Active themes.
    public var themeCount: Int
    /// Records with at least one theme.
    public var themedRecordCount: Int
    /// The stages' versions: a stage is stale when its `inputVersion` is behind its upstream's `version`.
    public var stages: [String: Int]
}

extension StageStore {
    /// Accounts for every row of every file.
    public func status() throws -> WorkspaceStatus {
        try writer.read { db in
            let normalizeState = try Self.stageState(.normalize, db)
            let ingestState = try Self.stageState(.ingest, db)
            let isNormalized = normalizeState.version > 0
            let files = try Row.fetchAll(db, sql: """
                SELECT f.id, f.fileName, f.path, f.sha256, f.source, f.encoding, f.rowCount,
                    (SELECT COUNT(*) FROM record r WHERE r.fileId = f.id) AS records,
                    (SELECT COUNT(*) FROM mergedDuplicate m WHERE m.fileId = f.id) AS merged,
                    (SELECT COUNT(*) FROM quarantinedRow q WHERE q.fileId = f.id AND q.stage = 'ingest') AS quarantinedIngest,
                    (SELECT COUNT(*) FROM quarantinedRow q WHERE q.fileId = f.id AND q.stage = 'normalize') AS quarantinedNormalize,
                    (SELECT COUNT(*) FROM rawRow w WHERE w.fileId = f.id) AS raw
                FROM importedFile f ORDER BY f.id
                """).map { row -> WorkspaceStatus.FileStatus in
                let rowsRead: Int = row["rowCount"]
                let records: Int = row["records"]
                let merged: Int = row["merged"]
                let quarantined: Int = (row["quarantinedIngest"] as Int) + (row["quarantinedNormalize"] as Int)
                return WorkspaceStatus.FileStatus(
                    fileName: row["fileName"], path: row["path"], sha256: row["sha256"], source: row["source"],
                    encoding: row["encoding"], rowsRead: rowsRead, records: records, mergedDuplicates: merged,
                    quarantined: quarantined,
                    pending: isNormalized && normalizeState.inputVersion == ingestState.version ? 0 : row["raw"] as Int)
            }
            let quarantined = try Row.fetchAll(db, sql: """
                SELECT f.fileName, q.line, q.fieldNumber, q.stage, q.reason FROM quarantinedRow q
                JOIN importedFile f ON f.id = q.fileId ORDER BY q.fileId, q.line, q.stage
                """).map {
                WorkspaceStatus.QuarantinedRow(fileName: $0["fileName"], line: $0["line"], fieldNumber: $0["fieldNumber"],
                                               stage: $0["stage"], reason: $0["reason"])
            }
            var stages: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT stage, version, inputVersion FROM stageState") {
                stages["\(row["stage"] as String).version"] = row["version"]
                stages["\(row["stage"] as String).inputVersion"] = row["inputVersion"]
            }
            return WorkspaceStatus(
                files: files, quarantinedRows: quarantined,
                recordCount: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record") ?? 0,
                themeCount: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM theme WHERE isActive = 1") ?? 0,
                themedRecordCount: try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT recordId) FROM themeAssignment") ?? 0,
                stages: stages)
        }
    }
}
