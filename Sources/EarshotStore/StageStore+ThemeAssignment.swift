import EarshotModel
import GRDB
import GRDBSQLite

/// What a themes run was, for the `themesRun` log that tells the next run whether it may only assign.
public struct ThemesRun: Sendable, Hashable {
    /// The week the report defaulted to when the run happened.
    public var reportWeek: ISOWeek?
    /// The fingerprint of the settings detection depends on.
    public var settingsSHA256: String
    /// The records the run read.
    public var records: Int
    /// The version of the emotion lexicon whose cues the run stored, if it stored any: a later detection reuses the
    /// stored cues only while it is the lexicon's version.
    public var emotionLexiconVersion: Int?

    /// Creates a value.
    public init(reportWeek: ISOWeek? = nil, settingsSHA256: String = "", records: Int = 0, emotionLexiconVersion: Int? = nil) {
        self.reportWeek = reportWeek
        self.settingsSHA256 = settingsSHA256
        self.records = records
        self.emotionLexiconVersion = emotionLexiconVersion
    }
}

extension StageStore {
    /// The last themes run that detected themes: its run details and the normalize version it read; `nil` before
    /// the first, or in a workspace made before runs were logged.
    public func lastThemeDetection() throws -> (run: ThemesRun, normalizeVersion: Int)? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM themesRun WHERE isFull = 1 ORDER BY version DESC LIMIT 1").map { row in
                (ThemesRun(reportWeek: (row["reportWeek"] as String?).flatMap(ISOWeek.init), settingsSHA256: row["settingsSHA256"],
                           records: row["records"]), row["normalizeVersion"])
            }
        }
    }

    /// The scoring model the last detection stored.
    public func themeScoringModel() throws -> ThemeScoringModel {
        try writer.read { db in
            var themes: [ThemeScoringModel.DetectedTheme] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM themeScoringTerm ORDER BY detectedTheme, position") {
                let index: Int = row["detectedTheme"]
                while themes.count <= index { themes.append(ThemeScoringModel.DetectedTheme(themeID: nil, isPinned: false, terms: [])) }
                themes[index].themeID = row["themeId"]
                themes[index].isPinned = (row["isPinned"] as Int) != 0
                themes[index].terms.append(ThemeScoringModel.Term(
                    label: row["label"], stems: (row["stems"] as String).split(separator: " ").map(String.init), weight: row["weight"]))
            }
            // No row: the workspace was detected before detection could read other languages than English.
            let languages = try String.fetchOne(db, sql: "SELECT value FROM themeSetting WHERE name = 'languages'")
            return ThemeScoringModel(themes: themes, languages: languages?.split(separator: ",").map(String.init) ?? ["english"])
        }
    }

    /// The version of the emotion lexicon that found every stored record's cues, or `nil` when they were found by
    /// several, or before versions were stored.
    public func emotionLexiconVersion() throws -> Int? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM themeSetting WHERE name = 'emotionLexicon'").flatMap { Int($0) }
        }
    }

    /// How many records normalize runs after `normalizeVersion` wrote (added or replaced).
    public func recordCount(newerThan normalizeVersion: Int) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record WHERE normalizeVersion > ?", arguments: [normalizeVersion]) ?? 0
        }
    }

    /// Stores a nightly themes pass in one transaction: the assignments and emotions of `records` (those written by
    /// normalize since the last themes run) replace any they had, the themes' record counts are recounted, and the
    /// weekly figures of `weeks` are computed again from counts over `window` (those weeks and their baselines).
    public func addAssignments(
        _ assignments: [ThemeAssignment], of records: [RecordID], emotions: [RecordEmotions],
        weeks: Set<ISOWeek>, window: Set<ISOWeek>,
        weekly: (_ groups: [RecordGroup], _ themeGroups: [ThemeRecordGroup]) -> [ThemeWeek],
        run: ThemesRun, inputVersion: Int
    ) throws {
        try writer.write { db in
            let deletes = try ["themeAssignment", "recordEmotion"].map {
                try db.makeStatement(sql: "DELETE FROM \($0) WHERE recordId = ?")
            }
            for id in records {
                for statement in deletes { try statement.execute(arguments: [id.description]) }
            }
            try Self.insertAssignments(assignments, db)
            try db.execute(sql: """
                UPDATE theme SET recordCount = (SELECT COUNT(*) FROM themeAssignment a WHERE a.themeId = theme.id)
                WHERE isActive = 1
                """)
            try Self.insertEmotions(emotions, into: "recordEmotion", db)
            // Cues of another lexicon than the stored ones' leave the table mixed: the next detection scans every record.
            if let version = run.emotionLexiconVersion {
                try db.execute(sql: "DELETE FROM themeSetting WHERE name = 'emotionLexicon' AND value != ?", arguments: ["\(version)"])
            }
            try Self.storeFigures(weekly: weekly, only: weeks, window: window, db)
            try Self.bump(.themes, inputVersion: inputVersion, db)
            try Self.log(run, isFull: false, normalizeVersion: inputVersion, weeks: weeks, db)
        }
    }

    /// Calls `body` with the id, title and text of every record normalize runs after `normalizeVersion` wrote; the
    /// bytes are valid only during the call.
    public func forEachThemeText(
        newerThan normalizeVersion: Int,
        _ body: (_ id: RecordID, _ title: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        try forEachThemeText(
            // Without the index named, SQLite reads the whole table in id order to spare itself a sort.
            sql: "SELECT source, sourceId, title, text, week, npsCategory FROM record INDEXED BY record_normalizeVersion WHERE normalizeVersion > ?",
            arguments: [normalizeVersion]) { record, title, text in try body(record.id, title, text) }
    }

    static func storeScoring(_ scoring: ThemeScoringModel, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM themeScoringTerm")
        try db.execute(sql: "INSERT OR REPLACE INTO themeSetting (name, value) VALUES ('languages', ?)",
                       arguments: [scoring.languages.joined(separator: ",")])
        let insert = try db.makeStatement(sql: """
            INSERT INTO themeScoringTerm (detectedTheme, position, themeId, isPinned, label, stems, weight) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, theme) in scoring.themes.enumerated() {
            for (position, term) in theme.terms.enumerated() {
                try insert.execute(arguments: [index, position, theme.themeID, theme.isPinned ? 1 : 0, term.label,
                                               term.stems.joined(separator: " "), term.weight])
            }
        }
    }

    static func log(_ run: ThemesRun, isFull: Bool, normalizeVersion: Int, weeks: Set<ISOWeek>?, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO themesRun (version, isFull, normalizeVersion, reportWeek, settingsSHA256, records, weeks)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [try stageState(.themes, db).version, isFull ? 1 : 0, normalizeVersion, run.reportWeek?.description,
                        run.settingsSHA256, run.records, (weeks ?? []).sorted().map(\.description).joined(separator: ",")])
    }
}
