import EarshotModel
import GRDB

extension StageStore {
    /// Replaces the normalize stage's whole output in one transaction, and clears the themes computed from the old one.
    public func replaceRecords(
        _ records: [NormalizedRecord], merged: [MergedDuplicate], rejected: [RowRejection], inputVersion: Int
    ) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM themeAssignment; DELETE FROM record; DELETE FROM mergedDuplicate; DELETE FROM quarantinedRow WHERE stage = 'normalize'")
            let insert = try db.makeStatement(sql: """
                INSERT INTO record (id, source, sourceId, tool, kind, createdAt, createdAtUTC, week, updatedAt, score, scale,
                    npsCategory, title, text, attributes, fileId, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for record in records {
                try insert.execute(arguments: [
                    record.id.description, record.id.source, record.id.sourceID, record.tool, record.kind.rawValue,
                    record.createdAt, CivilDateTime(secondsSinceEpoch: record.createdAt).isoUTCTimestamp, record.week.description, record.updatedAt,
                    record.score?.value, record.score?.scale.rawValue, record.score?.npsCategory?.rawValue,
                    record.title, record.text, JSONText.encode(record.attributes), record.fileID, record.line,
                ])
            }
            let mergedInsert = try db.makeStatement(sql: "INSERT INTO mergedDuplicate (recordId, fileId, line) VALUES (?, ?, ?)")
            for entry in merged {
                try mergedInsert.execute(arguments: [entry.recordID.description, entry.fileID, entry.line])
            }
            let rejectInsert = try db.makeStatement(sql: """
                INSERT INTO quarantinedRow (fileId, stage, line, fieldNumber, reason, excerpt) VALUES (?, 'normalize', ?, ?, ?, ?)
                """)
            for rejection in rejected {
                try rejectInsert.execute(arguments: [rejection.fileID, rejection.line, rejection.fieldNumber, rejection.reason, rejection.excerpt])
            }
            try Self.bump(.normalize, inputVersion: inputVersion, db)
        }
    }

    /// Every record, ordered by id; or only those of the given weeks.
    public func records(inWeeks weeks: Set<ISOWeek>? = nil) throws -> [NormalizedRecord] {
        try writer.read { db in
            var sql = "SELECT * FROM record"
            var arguments: StatementArguments = []
            if let weeks {
                let list = weeks.sorted()
                sql += " WHERE week IN (\(list.map { _ in "?" }.joined(separator: ",")))"
                arguments = StatementArguments(list.map(\.description))
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
            attributes: JSONText.decode([String: String].self, from: row["attributes"]) ?? [:],
            fileID: row["fileId"],
            line: row["line"])
    }
}
