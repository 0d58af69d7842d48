import EarshotModel
import GRDB

extension StageStore {
    /// How many records a theme was assigned to in each week (any rank), oldest week first.
    public func weeklyCounts(ofTheme themeID: String) throws -> [(week: ISOWeek, records: Int)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.week AS week, COUNT(*) AS n FROM themeAssignment a JOIN record r ON r.id = a.recordId
                WHERE a.themeId = ? GROUP BY r.week ORDER BY r.week
                """, arguments: [themeID]).compactMap { row in
                guard let week = ISOWeek(row["week"] as String) else { return nil }
                return (week, row["n"])
            }
        }
    }

    /// The records most strongly assigned to a theme as their primary theme, strongest first (ties by record id).
    public func strongestRecords(ofTheme themeID: String, limit: Int) throws -> [(record: NormalizedRecord, assignment: ThemeAssignment)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.*, a.themeId AS aThemeId, a.rank AS aRank, a.strength AS aStrength, l.terms AS aMatched
                FROM themeAssignment a JOIN record r ON r.id = a.recordId JOIN themeTermList l ON l.id = a.termListId
                WHERE a.themeId = ? AND a.rank = 1 ORDER BY a.strength DESC, r.id LIMIT ?
                """, arguments: [themeID, limit]).map { row in
                let record = Self.record(from: row)
                return (record, ThemeAssignment(recordID: record.id, themeID: row["aThemeId"], rank: row["aRank"],
                    strength: row["aStrength"], matchedTerms: JSONText.decode([String].self, from: row["aMatched"]) ?? []))
            }
        }
    }

    /// The records whose tool id is `sourceID` (in any source), or the one record `source:sourceID` names.
    public func records(matching identifier: String) throws -> [NormalizedRecord] {
        try writer.read { db in
            var rows = try Row.fetchAll(db, sql: "SELECT * FROM record WHERE id = ?", arguments: [identifier])
            if rows.isEmpty {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM record WHERE sourceId = ? ORDER BY id", arguments: [identifier])
            }
            return rows.map(Self.record(from:))
        }
    }

    /// A record's theme assignments, by rank.
    public func assignments(of recordID: RecordID) throws -> [ThemeAssignment] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.*, l.terms AS matchedTerms FROM themeAssignment a JOIN themeTermList l ON l.id = a.termListId
                WHERE a.recordId = ? ORDER BY a.rank
                """, arguments: [recordID.description]).map { row in
                ThemeAssignment(recordID: recordID, themeID: row["themeId"], rank: row["rank"], strength: row["strength"],
                                matchedTerms: JSONText.decode([String].self, from: row["matchedTerms"]) ?? [])
            }
        }
    }

    /// Every record's tool id and primary theme (nil when it has none), for scoring against hand labels.
    public func primaryThemes() throws -> [(recordID: RecordID, themeID: String?)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.source AS source, r.sourceId AS sourceId, a.themeId AS themeId FROM record r
                LEFT JOIN themeAssignment a ON a.recordId = r.id AND a.rank = 1 ORDER BY r.id
                """).map { row in (RecordID(source: row["source"], sourceID: row["sourceId"]), row["themeId"]) }
        }
    }
}
