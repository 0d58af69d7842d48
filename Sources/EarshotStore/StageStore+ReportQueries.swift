import EarshotModel
import GRDB

extension StageStore {
    /// The counts of each of `weeks` that has records, oldest first, for the weekly report's earlier weeks.
    ///
    /// Records, tickets and NPS groups come from one `GROUP BY` over the weeks' records; each theme's volume from the
    /// themes stage's ``ThemeWeek`` figures, written in the same transaction as the assignments they count. No record
    /// is loaded: a year-long workspace's 11 earlier weeks are hundreds of thousands of them.
    public func weekTallies(weeks: Set<ISOWeek>) throws -> [WeekTally] {
        guard !weeks.isEmpty else { return [] }
        let recordWeeks = Self.weekCondition(weeks, column: "r.week")
        let figureWeeks = Self.weekCondition(weeks, column: "week")
        return try writer.read { db in
            var tallies: [ISOWeek: WeekTally] = [:]
            let groups = try Row.fetchCursor(db, sql: """
                SELECT r.week, r.kind = 'ticket', r.npsCategory, COUNT(*) FROM record r WHERE \(recordWeeks.sql)
                GROUP BY 1, 2, 3
                """, arguments: StatementArguments(recordWeeks.arguments))
            while let row = try groups.next() {
                guard let week = ISOWeek(row[0] as String) else { continue }
                tallies[week, default: WeekTally(week: week)].add(
                    row[3], isTicket: row[1], npsCategory: (row[2] as String?).flatMap(NPSCategory.init(rawValue:)))
            }
            let volumes = try Row.fetchCursor(db, sql: """
                SELECT week, themeId, volume FROM themeWeek WHERE \(figureWeeks.sql) AND volume > 0
                """, arguments: StatementArguments(figureWeeks.arguments))
            while let row = try volumes.next() {
                // A week without records any more (normalize ran since themes) gets no tally from its old figures.
                guard let week = ISOWeek(row[0] as String) else { continue }
                tallies[week]?.themeVolumes[row[1]] = row[2]
            }
            return tallies.values.sorted { $0.week < $1.week }
        }
    }

    /// How many records of `week` show each emotion, by a `GROUP BY` over their stored emotions.
    public func emotionCounts(inWeek week: ISOWeek) throws -> EmotionCounts {
        try writer.read { db in
            var counts = EmotionCounts()
            let rows = try Row.fetchCursor(db, sql: """
                SELECT e.emotions, COUNT(*) FROM record r JOIN recordEmotion e ON e.recordId = r.id WHERE r.week = ?
                GROUP BY 1
                """, arguments: [week.description])
            while let row = try rows.next() {
                counts.add(EmotionSet(rawValue: UInt8(truncatingIfNeeded: row[0] as Int)), count: row[1])
            }
            return counts
        }
    }
}
