import EarshotModel
import GRDB

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
            conditions.append("week IN (\(Array(repeating: "?", count: weeks.count).joined(separator: ",")))")
            arguments.append(contentsOf: weeks.sorted().map(\.description))
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM themeWeek \(filter) ORDER BY week, themeId",
                             arguments: StatementArguments(arguments)).compactMap(Self.themeWeek)
        }
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
        let filter = weeks.map { "WHERE r.week IN (\(Array(repeating: "?", count: $0.count).joined(separator: ",")))" } ?? ""
        let arguments = StatementArguments((weeks ?? []).sorted().map(\.description))
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
