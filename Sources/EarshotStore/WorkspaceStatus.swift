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
            // One GROUP BY per table, not a count per file: each reads its table's fileId index once, in order, where a
            // count per file would search it once for every file of a year of nightly exports.
            let files = try Row.fetchAll(db, sql: """
                SELECT f.id, f.fileName, f.path, f.sha256, f.source, f.encoding, f.rowCount,
                    COALESCE(r.n, 0) AS records, COALESCE(m.n, 0) AS merged, COALESCE(q.n, 0) AS quarantined,
                    COALESCE(w.n, 0) AS raw
                FROM importedFile f
                LEFT JOIN (SELECT fileId, COUNT(*) AS n FROM record GROUP BY fileId) r ON r.fileId = f.id
                LEFT JOIN (SELECT fileId, COUNT(*) AS n FROM mergedDuplicate GROUP BY fileId) m ON m.fileId = f.id
                LEFT JOIN (SELECT fileId, COUNT(*) AS n FROM quarantinedRow WHERE stage IN ('ingest', 'normalize')
                           GROUP BY fileId) q ON q.fileId = f.id
                LEFT JOIN (SELECT fileId, COUNT(*) AS n FROM rawRow GROUP BY fileId) w ON w.fileId = f.id
                ORDER BY f.id
                """).map { row -> WorkspaceStatus.FileStatus in
                WorkspaceStatus.FileStatus(
                    fileName: row["fileName"], path: row["path"], sha256: row["sha256"], source: row["source"],
                    encoding: row["encoding"], rowsRead: row["rowCount"], records: row["records"],
                    mergedDuplicates: row["merged"], quarantined: row["quarantined"],
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
