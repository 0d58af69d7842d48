import EarshotModel
import GRDB
import GRDBSQLite

extension StageStore {
    /// Replaces the themes stage's output in one transaction: themes, assignments, the per-theme-per-week figures and
    /// the records' emotions; and appends the run's changes to the changelog.
    ///
    /// Themes that no longer appear are kept, marked inactive, so their ids are never reused. `changeWeek`, the latest
    /// week of data the run saw, dates its changes so that the weekly report can list the changes of its week.
    /// `weekly` turns the workspace's records and assignments, counted by week, source, NPS group and emotions (a
    /// `GROUP BY` inside the transaction, after the assignments and emotions are written), into the weekly figures;
    /// `figures`, when given, are stored instead (the caller counted while it read the records).
    public func replaceThemes(
        _ model: ThemeModel, pinnedNames: [String: String] = [:], changes: [ThemeChange] = [],
        emotions: [RecordEmotions] = [], changeWeek: ISOWeek? = nil,
        weekly: ((_ groups: [RecordGroup], _ themeGroups: [ThemeRecordGroup]) -> [ThemeWeek])? = nil,
        figures: [ThemeWeek]? = nil, scoring: ThemeScoringModel? = nil, run: ThemesRun = ThemesRun(), inputVersion: Int
    ) throws {
        try writer.writeWithoutTransaction { db in
            // With foreign keys on, SQLite clears themeAssignment row by row and checks every new row's record; for
            // millions of assignments that costs more than detecting the themes. The record ids come from the
            // record table, read by this same run under the workspace lock, and the themes are written just above
            // their assignments, so integrity holds without the per-row checks.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.inTransaction {
                // The rows replaced here are derived from the records, which stay.
                try Self.withFastSecureDelete(db) {
                    // Millions of assignments and emotions: written into new tables, which replace the old ones once
                    // all are written.
                    let assignmentTable = try TableSwap(replacing: "themeAssignment", db)
                    let emotionTable = try TableSwap(replacing: "recordEmotion", db)
                    // Only the old assignments, dropped below, use the old lists.
                    try db.execute(sql: "DELETE FROM themeTermList")
                    try Self.storeThemes(model, pinnedNames: pinnedNames, changes: changes, changeWeek: changeWeek,
                                         assignmentTable: assignmentTable.scratch, inputVersion: inputVersion, db)
                    try Self.insertEmotions(emotions, into: emotionTable.scratch, db)
                    try assignmentTable.finish(db)
                    try emotionTable.finish(db)
                    try Self.storeScoring(scoring ?? ThemeScoringModel(themes: []), db)
                    if let figures {
                        try Self.insert(figures, db)
                    } else if let weekly {
                        try Self.storeFigures(weekly: weekly, db)
                    }
                    if let version = run.emotionLexiconVersion {
                        try db.execute(sql: "INSERT OR REPLACE INTO themeSetting (name, value) VALUES ('emotionLexicon', ?)",
                                       arguments: ["\(version)"])
                    } else {
                        try db.execute(sql: "DELETE FROM themeSetting WHERE name = 'emotionLexicon'")
                    }
                    try Self.log(run, isFull: true, normalizeVersion: inputVersion, weeks: nil, db)
                }
                return .commit
            }
        }
    }

    private static func storeThemes(
        _ model: ThemeModel, pinnedNames: [String: String], changes: [ThemeChange], changeWeek: ISOWeek?,
        assignmentTable: String, inputVersion: Int, _ db: Database
    ) throws {
        try db.execute(sql: "DELETE FROM themeWeek; UPDATE theme SET isActive = 0, recordCount = 0")
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
        try insertAssignments(model.assignments, into: assignmentTable, db)
        let version = try Self.stageState(.themes, db).version + 1
        for change in changes {
            try db.execute(
                sql: "INSERT INTO themeChange (themesVersion, themeId, kind, relatedThemeId, evidence, week) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [version, change.themeID, change.kind.rawValue, change.relatedThemeID, change.evidence,
                            changeWeek?.description])
        }
        try Self.bump(.themes, inputVersion: inputVersion, db)
    }

    /// Appends assignments, many rows per statement bound through SQLite's C API: a full run writes millions.
    ///
    /// Each distinct list of matched terms is stored once, in `themeTermList`, and the rows refer to it: lists
    /// already stored are reused, new ones are added.
    static func insertAssignments(_ assignments: [ThemeAssignment], into table: String = "themeAssignment", _ db: Database) throws {
        var listIDOfJSON = try Dictionary(
            Row.fetchAll(db, sql: "SELECT id, terms FROM themeTermList").map { ($0["terms"] as String, $0["id"] as Int64) },
            uniquingKeysWith: { first, _ in first })
        var nextListID = (listIDOfJSON.values.max() ?? 0) + 1
        let insertList = try db.makeStatement(sql: "INSERT INTO themeTermList (id, terms) VALUES (?, ?)")
        // Records share a few matched-term lists. Detection hands the same list to every record that matched the
        // same keywords, so the list's storage identifies it without hashing its strings for every row; a list with
        // storage of its own is looked up by its contents.
        var listIDOfTerms: [[String]: Int64] = [:]
        var listIDOfStorage: [UnsafeRawPointer: Int64] = [:]
        func listID(_ terms: [String]) throws -> Int64 {
            if let id = listIDOfTerms[terms] { return id }
            let json = AttributeJSON.encode(terms)
            let id: Int64
            if let stored = listIDOfJSON[json] {
                id = stored
            } else {
                id = nextListID
                nextListID += 1
                try insertList.execute(arguments: [id, json])
                listIDOfJSON[json] = id
            }
            listIDOfTerms[terms] = id
            return id
        }
        var scratch: [UInt8] = []
        let insert = ChunkedInsert("INSERT INTO \(table) (recordId, themeId, rank, strength, termListId)", columns: 5)
        try insert.run(assignments, db) { binder, assignment in
            let storage = assignment.matchedTerms.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            let id = try storage.flatMap { listIDOfStorage[$0] } ?? {
                let id = try listID(assignment.matchedTerms)
                if let storage { listIDOfStorage[storage] = id }
                return id
            }()
            binder.recordID(assignment.recordID, scratch: &scratch)
            binder.text(assignment.themeID)
            binder.int(Int64(assignment.rank))
            binder.double(assignment.strength)
            binder.int(id)
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
        var assignments: [ThemeAssignment] = []
        try forEachAssignment(inWeeks: weeks) { assignments.append($0) }
        return ThemeModel(themes: themes, assignments: assignments)
    }

    /// Calls `body` with each assignment, or only those of records in `weeks`, ordered by record and rank, as they
    /// are read: an export of millions of assignments then holds one at a time rather than the whole model.
    public func forEachAssignment(inWeeks weeks: Set<ISOWeek>? = nil, _ body: (ThemeAssignment) throws -> Void) throws {
        if let weeks, weeks.isEmpty { return }
        let condition = weeks.map { Self.weekCondition($0, column: "r.week") }
        let filter = condition.map { "WHERE " + $0.sql } ?? ""
        let arguments = StatementArguments(condition?.arguments ?? [])
        try writer.read { db in
            let termLists = try Self.termLists(db)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.themeId, a.rank, a.strength, a.termListId, r.source, r.sourceId FROM themeAssignment a
                JOIN record r ON r.id = a.recordId \(filter)
                ORDER BY a.recordId, a.rank
                """, arguments: arguments)
            while let row = try rows.next() {
                try body(ThemeAssignment(
                    recordID: RecordID(source: row["source"], sourceID: row["sourceId"]), themeID: row["themeId"],
                    rank: row["rank"], strength: row["strength"], matchedTerms: termLists[row["termListId"]] ?? []))
            }
        }
    }

    /// Every stored list of matched terms by id, each decoded once: millions of assignments share a few thousand.
    static func termLists(_ db: Database) throws -> [Int64: [String]] {
        var lists: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, terms FROM themeTermList") {
            lists[row["id"]] = JSONText.decode([String].self, from: row["terms"]) ?? []
        }
        return lists
    }
}
