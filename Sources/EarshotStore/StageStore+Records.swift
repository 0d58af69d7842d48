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
                // Everything deleted or dropped here is rebuilt from the raw rows, which stay.
                try Self.withFastSecureDelete(db) {
                    try db.execute(sql: """
                        DELETE FROM themeAssignment; DELETE FROM recordEmotion; DELETE FROM mergedDuplicate;
                        DELETE FROM quarantinedRow WHERE stage = 'normalize'; DELETE FROM touchedWeek
                        """)
                    let version = try Self.stageState(.normalize, db).version + 1
                    var recordWriter = try RecordWriter.rebuilding(db: db, normalizeVersion: version)
                    result = try body(RawRowReader(db: db), &recordWriter)
                    try recordWriter.finishRebuild()
                    try Self.logNormalizeRun(version: version, isFull: true, settingsSHA256: settingsSHA256, db)
                    try Self.bump(.normalize, inputVersion: inputVersion, db)
                }
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

    /// `column IN (?, …)` for `weeks`, with the weeks as its arguments in order: how every query narrows by week.
    static func weekCondition(_ weeks: Set<ISOWeek>, column: String) -> (sql: String, arguments: [String]) {
        let list = weeks.sorted()
        return ("\(column) IN (\(list.map { _ in "?" }.joined(separator: ",")))", list.map(\.description))
    }

    /// Every record, ordered by id; or only those of the given weeks.
    public func records(inWeeks weeks: Set<ISOWeek>? = nil) throws -> [NormalizedRecord] {
        var records: [NormalizedRecord] = []
        try forEachRecord(inWeeks: weeks) { records.append($0) }
        return records
    }

    /// Calls `body` with each record, ordered by id, or only those of the given weeks, as they are read: an export
    /// of millions of records then holds one at a time.
    public func forEachRecord(inWeeks weeks: Set<ISOWeek>? = nil, _ body: (NormalizedRecord) throws -> Void) throws {
        try writer.read { db in
            var sql = "SELECT * FROM record"
            var arguments: StatementArguments = []
            if let weeks {
                let condition = Self.weekCondition(weeks, column: "week")
                sql += " WHERE " + condition.sql
                arguments = StatementArguments(condition.arguments)
            }
            sql += " ORDER BY id"
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() { try body(Self.record(from: row)) }
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
