import EarshotModel
import GRDB
import GRDBSQLite

extension StageStore {
    /// The stored per-theme-per-week figures, ordered by week then theme id; `themeID` and `weeks` narrow them.
    public func themeWeeks(themeID: String? = nil, weeks: Set<ISOWeek>? = nil) throws -> [ThemeWeek] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let themeID {
            conditions.append("themeId = ?")
            arguments.append(themeID)
        }
        if let weeks {
            guard !weeks.isEmpty else { return [] }
            let condition = Self.weekCondition(weeks, column: "week")
            conditions.append(condition.sql)
            arguments.append(contentsOf: condition.arguments)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM themeWeek \(filter) ORDER BY week, themeId",
                             arguments: StatementArguments(arguments)).compactMap(Self.themeWeek)
        }
    }

    /// How many records the workspace holds.
    public func recordCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record") ?? 0 }
    }

    /// The emotions stored for a record by the last themes run (empty when its words show none).
    public func emotions(of recordID: RecordID) throws -> EmotionSet {
        try writer.read { db in
            let bits = try Int.fetchOne(db, sql: "SELECT emotions FROM recordEmotion WHERE recordId = ?",
                                        arguments: [recordID.description])
            return EmotionSet(rawValue: UInt8(truncatingIfNeeded: bits ?? 0))
        }
    }

    /// The stored emotions of the records (of `weeks`, when given) whose words show any.
    public func recordEmotions(inWeeks weeks: Set<ISOWeek>? = nil) throws -> [RecordID: EmotionSet] {
        if let weeks, weeks.isEmpty { return [:] }
        let condition = weeks.map { Self.weekCondition($0, column: "r.week") }
        let filter = condition.map { "WHERE " + $0.sql } ?? ""
        let arguments = StatementArguments(condition?.arguments ?? [])
        return try writer.read { db in
            var result: [RecordID: EmotionSet] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT r.source, r.sourceId, e.emotions FROM recordEmotion e JOIN record r ON r.id = e.recordId \(filter)
                """, arguments: arguments)
            while let row = try rows.next() {
                result[RecordID(source: row["source"], sourceID: row["sourceId"])] =
                    EmotionSet(rawValue: UInt8(truncatingIfNeeded: row["emotions"] as Int))
            }
            return result
        }
    }

    /// Writes the records' emotions (those with none are not stored), replacing what `table` held for the same
    /// records.
    static func insertEmotions(_ emotions: [RecordEmotions], into table: String, _ db: Database) throws {
        // Many rows per statement, bound through the C API: a full run writes a million or more. The caller gives
        // them by record id, so that they go to the end of the key's B-tree rather than anywhere in it.
        var scratch: [UInt8] = []
        let insert = ChunkedInsert("INSERT OR REPLACE INTO \(table) (recordId, emotions)", columns: 2)
        try insert.run(emotions.lazy.filter { !$0.emotions.isEmpty }, db) { binder, record in
            binder.recordID(record.recordID, scratch: &scratch)
            binder.int(Int64(record.emotions.rawValue))
        }
    }

    /// Counts records and assignments by week, source, NPS group and emotions (the emotions already written), hands
    /// the counts to `weekly` and stores the figures it returns.
    ///
    /// With `window`, only the records of those weeks are counted and only the figures of `weeks` are replaced: a
    /// week's figures depend on it and the baseline weeks before it, so `window` is `weeks` with their baselines.
    static func storeFigures(
        weekly: (_ groups: [RecordGroup], _ themeGroups: [ThemeRecordGroup]) -> [ThemeWeek],
        only weeks: Set<ISOWeek>? = nil, window: Set<ISOWeek>? = nil, _ db: Database
    ) throws {
        if let weeks, weeks.isEmpty { return }
        func group(_ row: Row, from column: Int) -> RecordGroup? {
            guard let week = ISOWeek(row[column] as String) else { return nil }
            return RecordGroup(week: week, source: row[column + 1], npsCategory: (row[column + 2] as String?).flatMap(NPSCategory.init),
                               emotions: EmotionSet(rawValue: UInt8(truncatingIfNeeded: row[column + 3] as Int)),
                               count: row[column + 4])
        }
        let condition = window.map { Self.weekCondition($0, column: "r.week") }
        let filter = condition.map { "WHERE " + $0.sql } ?? ""
        let arguments = StatementArguments(condition?.arguments ?? [])
        // For a few weeks, the week's records come first (by the week index) and their assignments by key: SQLite
        // would otherwise read every assignment of the year and look each record up. CROSS JOIN fixes that order.
        let join = window == nil ? "themeAssignment a JOIN record r ON r.id = a.recordId"
            : "record r CROSS JOIN themeAssignment a ON a.recordId = r.id"
        let groups = try Row.fetchAll(db, sql: """
            SELECT r.week, r.source, r.npsCategory, COALESCE(e.emotions, 0), COUNT(*)
            FROM record r LEFT JOIN recordEmotion e ON e.recordId = r.id \(filter) GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            """, arguments: arguments).compactMap { group($0, from: 0) }
        let themeGroups = try Row.fetchAll(db, sql: """
            SELECT a.themeId, r.week, r.source, r.npsCategory, COALESCE(e.emotions, 0), COUNT(*)
            FROM \(join) LEFT JOIN recordEmotion e ON e.recordId = a.recordId
            \(filter) GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            """, arguments: arguments).compactMap { row in group(row, from: 1).map { ThemeRecordGroup(themeID: row[0], records: $0) } }
        var figures = weekly(groups, themeGroups)
        if let weeks {
            figures = figures.filter { weeks.contains($0.week) }
            let replaced = Self.weekCondition(weeks, column: "week")
            try db.execute(sql: "DELETE FROM themeWeek WHERE " + replaced.sql, arguments: StatementArguments(replaced.arguments))
        }
        try insert(figures, db)
    }

    static func insert(_ weeks: [ThemeWeek], _ db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO themeWeek (themeId, week, volume, weekRecords, share, promoters, passives, detractors,
                detractorShare, npsImpact, npsGainIfDetractorsPassive, sources, frustration, confusion, urgency, delight,
                verdict, baselineVolume, baselineRecords, pValue, qValue)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for figure in weeks {
            let arguments: [(any DatabaseValueConvertible)?] = [
                figure.themeID, figure.week.description, figure.volume, figure.weekRecords, figure.share,
                figure.promoters, figure.passives, figure.detractors, figure.detractorShare, figure.npsImpact,
                figure.npsGainIfDetractorsPassive, JSONText.encode(figure.sources), figure.emotions.frustration,
                figure.emotions.confusion, figure.emotions.urgency, figure.emotions.delight, figure.trend.verdict.rawValue,
                figure.trend.baselineVolume, figure.trend.baselineRecords, figure.trend.pValue, figure.trend.qValue,
            ]
            try statement.execute(arguments: StatementArguments(arguments))
        }
    }

    private static func themeWeek(_ row: Row) -> ThemeWeek? {
        guard let week = ISOWeek(row["week"] as String), let verdict = TrendVerdict(rawValue: row["verdict"]) else {
            return nil
        }
        return ThemeWeek(
            themeID: row["themeId"], week: week, volume: row["volume"], weekRecords: row["weekRecords"],
            share: row["share"], promoters: row["promoters"], passives: row["passives"], detractors: row["detractors"],
            detractorShare: row["detractorShare"], npsImpact: row["npsImpact"],
            npsGainIfDetractorsPassive: row["npsGainIfDetractorsPassive"],
            sources: JSONText.decode([SourceCount].self, from: row["sources"]) ?? [],
            emotions: EmotionCounts(frustration: row["frustration"], confusion: row["confusion"], urgency: row["urgency"],
                                    delight: row["delight"]),
            trend: ThemeWeek.Trend(verdict: verdict, baselineVolume: row["baselineVolume"],
                                   baselineRecords: row["baselineRecords"], pValue: row["pValue"], qValue: row["qValue"]))
    }
}
