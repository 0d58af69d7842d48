import EarshotModel
import GRDB

/// The workspace-wide accounting the weekly report's data health and provenance show: what ``WorkspaceStatus``
/// says, summed over the files.
///
/// ``StageStore/status()`` counts records per file, which without an index on `record.fileId` reads every record of
/// the workspace; the report shows only the total, which SQLite counts from the smallest index at once.
public struct WorkspaceTotals: Sendable, Hashable {
    /// Every file, in ingest order.
    public var files: [WeeklyReport.InputFile]
    /// Data rows read, over all files.
    public var rowsRead: Int
    /// Records in the workspace.
    public var records: Int
    /// Rows merged into a newer version of the same record.
    public var mergedDuplicates: Int
    /// Rows set aside by ingest or normalize.
    public var quarantined: Int
    /// Quarantined rows (of any stage) by reason, as stored.
    public var quarantineReasons: [String: Int]
}

extension StageStore {
    /// The workspace's totals, one query each: the sums of ``status()``'s files, and its record count.
    public func totals() throws -> WorkspaceTotals {
        try writer.read { db in
            let files = try Row.fetchAll(
                db, sql: "SELECT fileName, sha256, source, rowCount FROM importedFile ORDER BY id")
            // Only rows of files that exist count, as in status(), which reaches rows through their file.
            let ofFiles = "fileId IN (SELECT id FROM importedFile)"
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            var reasons: [String: Int] = [:]
            let reasonRows = "SELECT reason, COUNT(*) FROM quarantinedRow WHERE \(ofFiles) GROUP BY reason"
            for row in try Row.fetchAll(db, sql: reasonRows) {
                reasons[row[0]] = row[1]
            }
            return WorkspaceTotals(
                files: files.map {
                    WeeklyReport.InputFile(fileName: $0["fileName"], sha256: $0["sha256"], source: $0["source"])
                },
                rowsRead: files.reduce(0) { $0 + ($1["rowCount"] as Int) },
                records: try count("SELECT COUNT(*) FROM record"),
                mergedDuplicates: try count("SELECT COUNT(*) FROM mergedDuplicate WHERE \(ofFiles)"),
                quarantined: try count("""
                    SELECT COUNT(*) FROM quarantinedRow WHERE \(ofFiles) AND stage IN ('ingest', 'normalize')
                    """),
                quarantineReasons: reasons)
        }
    }
}
