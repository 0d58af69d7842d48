import EarshotModel
import GRDB

extension StageStore {
    /// Replaces the themes stage's output in one transaction: themes, assignments, the per-theme-per-week figures and
    /// the records' emotions; and appends the run's changes to the changelog.
    ///
    /// Themes that no longer appear are kept, marked inactive, so their ids are never reused. `changeWeek`, the latest
    /// week of data the run saw, dates its changes so that the weekly report can list the changes of its week.
    public func replaceThemes(
        _ model: ThemeModel, pinnedNames: [String: String] = [:], changes: [ThemeChange] = [], weeks: [ThemeWeek] = [],
        emotions: [(recordID: RecordID, emotions: EmotionSet)] = [], changeWeek: ISOWeek? = nil, inputVersion: Int
    ) throws {
        try writer.write { db in
            try db.execute(sql: """
                DELETE FROM themeAssignment; DELETE FROM themeWeek; DELETE FROM recordEmotion;
                UPDATE theme SET isActive = 0, recordCount = 0
                """)
            for theme in model.themes {
                try db.execute(
                    sql: """
                        INSERT INTO theme (id, label, keywords, recordCount, isActive, pinnedName) VALUES (?, ?, ?, ?, 1, ?)
                        ON CONFLICT(id) DO UPDATE SET label = excluded.label, keywords = excluded.keywords,
                            recordCount = excluded.recordCount, isActive = 1, pinnedName = excluded.pinnedName
                        """,
                    arguments: [theme.id, theme.label, JSONText.encode(theme.keywords), theme.recordCount,
                                pinnedNames[theme.id]])
            }
            let insert = try db.makeStatement(sql: """
                INSERT INTO themeAssignment (recordId, themeId, rank, strength, matchedTerms) VALUES (?, ?, ?, ?, ?)
                """)
            for assignment in model.assignments {
                try insert.execute(arguments: [
                    assignment.recordID.description, assignment.themeID, assignment.rank, assignment.strength,
                    JSONText.encode(assignment.matchedTerms),
                ])
            }
            try Self.insert(weeks, db)
            let insertEmotion = try db.makeStatement(sql: "INSERT INTO recordEmotion (recordId, emotions) VALUES (?, ?)")
            for (recordID, set) in emotions where !set.isEmpty {
                try insertEmotion.execute(arguments: [recordID.description, Int(set.rawValue)])
            }
            let version = try Self.stageState(.themes, db).version + 1
            for change in changes {
                try db.execute(
                    sql: "INSERT INTO themeChange (themesVersion, themeId, kind, relatedThemeId, evidence, week) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [version, change.themeID, change.kind.rawValue, change.relatedThemeID, change.evidence,
                                changeWeek?.description])
            }
            try Self.bump(.themes, inputVersion: inputVersion, db)
        }
    }

    /// The changelog: every change of every themes run, oldest first, with the run's themes version and the latest
    /// week of data that run saw.
    public func themeChanges() throws -> [(version: Int, week: ISOWeek?, change: ThemeChange)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM themeChange ORDER BY id").compactMap { row in
                guard let kind = ThemeChange.Kind(rawValue: row["kind"]) else { return nil }
                let week = (row["week"] as String?).flatMap(ISOWeek.init)
                return (row["themesVersion"], week, ThemeChange(themeID: row["themeId"], kind: kind,
                    relatedThemeID: row["relatedThemeId"], evidence: row["evidence"]))
            }
        }
    }

    /// Every theme ever found with the name it was pinned under, if any, ordered by id.
    public func storedThemes() throws -> [(theme: Theme, isActive: Bool, pinnedName: String?)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM theme ORDER BY id").map { row in
                (Theme(id: row["id"], label: row["label"], keywords: JSONText.decode([String].self, from: row["keywords"]) ?? [],
                       recordCount: row["recordCount"]), (row["isActive"] as Int) != 0, row["pinnedName"])
            }
        }
    }

    /// The current theme model: active themes and all assignments, or only those of records in `weeks`.
    public func themeModel(inWeeks weeks: Set<ISOWeek>? = nil) throws -> ThemeModel {
        let themes = try storedThemes().filter(\.isActive).map(\.theme)
        if let weeks, weeks.isEmpty { return ThemeModel(themes: themes, assignments: []) }
        let filter = weeks.map { "WHERE r.week IN (\(Array(repeating: "?", count: $0.count).joined(separator: ",")))" } ?? ""
        let arguments = StatementArguments((weeks ?? []).sorted().map(\.description))
        let assignments = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.*, r.source, r.sourceId FROM themeAssignment a JOIN record r ON r.id = a.recordId \(filter)
                ORDER BY a.recordId, a.rank
                """, arguments: arguments).map { row in
                ThemeAssignment(
                    recordID: RecordID(source: row["source"], sourceID: row["sourceId"]), themeID: row["themeId"],
                    rank: row["rank"], strength: row["strength"],
                    matchedTerms: JSONText.decode([String].self, from: row["matchedTerms"]) ?? [])
            }
        }
        return ThemeModel(themes: themes, assignments: assignments)
    }
}
