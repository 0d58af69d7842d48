import GRDB

/// The workspace schema, as a frozen history of named migrations.
///
/// A migration that has shipped is never edited: a schema change is a new migration appended to the list. The
/// tables are documented in `docs/SCHEMA.md` for analysts who query the workspace with `sqlite3`.
enum WorkspaceMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: create importedFile, rawRow, quarantinedRow, record, theme, stageState") { db in
            try db.execute(sql: """
                CREATE TABLE importedFile (
                    id INTEGER PRIMARY KEY,
                    sha256 TEXT NOT NULL UNIQUE,
                    path TEXT NOT NULL,
                    fileName TEXT NOT NULL,
                    byteCount INTEGER NOT NULL,
                    modifiedAt INTEGER NOT NULL,
                    encoding TEXT NOT NULL,
                    delimiter TEXT NOT NULL,
                    tool TEXT,
                    source TEXT NOT NULL,
                    headerRowCount INTEGER NOT NULL,
                    columns TEXT NOT NULL,
                    labels TEXT NOT NULL,
                    timeZones TEXT NOT NULL,
                    rowCount INTEGER NOT NULL DEFAULT 0,
                    ingestedAt TEXT NOT NULL
                );
                CREATE TABLE rawRow (
                    id INTEGER PRIMARY KEY,
                    fileId INTEGER NOT NULL REFERENCES importedFile(id) ON DELETE CASCADE,
                    line INTEGER NOT NULL,
                    fields BLOB NOT NULL
                );
                CREATE TABLE quarantinedRow (
                    id INTEGER PRIMARY KEY,
                    fileId INTEGER NOT NULL REFERENCES importedFile(id) ON DELETE CASCADE,
                    stage TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    fieldNumber INTEGER,
                    reason TEXT NOT NULL,
                    excerpt TEXT NOT NULL
                );
                CREATE INDEX quarantinedRow_fileId ON quarantinedRow(fileId);
                CREATE TABLE record (
                    id TEXT PRIMARY KEY,
                    source TEXT NOT NULL,
                    sourceId TEXT NOT NULL,
                    tool TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    createdAt INTEGER NOT NULL,
                    createdAtUTC TEXT NOT NULL,
                    week TEXT NOT NULL,
                    updatedAt INTEGER,
                    score REAL,
                    scale TEXT,
                    npsCategory TEXT,
                    title TEXT NOT NULL,
                    text TEXT NOT NULL,
                    attributes TEXT NOT NULL,
                    fileId INTEGER NOT NULL REFERENCES importedFile(id) ON DELETE CASCADE,
                    line INTEGER NOT NULL
                );
                CREATE INDEX record_week ON record(week);
                CREATE TABLE mergedDuplicate (
                    id INTEGER PRIMARY KEY,
                    recordId TEXT NOT NULL,
                    fileId INTEGER NOT NULL REFERENCES importedFile(id) ON DELETE CASCADE,
                    line INTEGER NOT NULL
                );
                CREATE TABLE theme (
                    id TEXT PRIMARY KEY,
                    label TEXT NOT NULL,
                    keywords TEXT NOT NULL,
                    recordCount INTEGER NOT NULL,
                    isActive INTEGER NOT NULL DEFAULT 1
                );
                CREATE TABLE themeAssignment (
                    recordId TEXT NOT NULL REFERENCES record(id) ON DELETE CASCADE,
                    themeId TEXT NOT NULL REFERENCES theme(id),
                    rank INTEGER NOT NULL,
                    strength REAL NOT NULL,
                    matchedTerms TEXT NOT NULL,
                    PRIMARY KEY (recordId, themeId)
                );
                CREATE INDEX themeAssignment_themeId ON themeAssignment(themeId);
                CREATE TABLE stageState (
                    stage TEXT PRIMARY KEY,
                    version INTEGER NOT NULL,
                    inputVersion INTEGER NOT NULL
                );
                INSERT INTO stageState (stage, version, inputVersion) VALUES
                    ('ingest', 0, 0), ('normalize', 0, 0), ('themes', 0, 0), ('report', 0, 0);
                """)
        }
        migrator.registerMigration("v2: record originalText, reply, authorHash, textFingerprint, isRepeatedText; workspaceSecret") { db in
            try db.execute(sql: """
                ALTER TABLE record ADD COLUMN originalText TEXT;
                ALTER TABLE record ADD COLUMN reply TEXT NOT NULL DEFAULT '';
                ALTER TABLE record ADD COLUMN authorHash TEXT;
                ALTER TABLE record ADD COLUMN textFingerprint INTEGER;
                ALTER TABLE record ADD COLUMN isRepeatedText INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX rawRow_fileId ON rawRow(fileId);
                CREATE TABLE workspaceSecret (
                    name TEXT PRIMARY KEY,
                    value BLOB NOT NULL
                );
                INSERT INTO workspaceSecret (name, value) VALUES ('authorSalt', randomblob(32));
                """)
        }
        migrator.registerMigration("v3: theme pinnedName and firstSeen, themeChange changelog") { db in
            try db.execute(sql: """
                ALTER TABLE theme ADD COLUMN pinnedName TEXT;
                ALTER TABLE theme ADD COLUMN weights TEXT NOT NULL DEFAULT '[]';
                CREATE TABLE themeChange (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    themesVersion INTEGER NOT NULL,
                    themeId TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    relatedThemeId TEXT,
                    evidence TEXT NOT NULL,
                    week TEXT
                );
                """)
        }
        migrator.registerMigration("v4: themeWeek figures and recordEmotion") { db in
            try db.execute(sql: """
                CREATE TABLE themeWeek (
                    themeId TEXT NOT NULL,
                    week TEXT NOT NULL,
                    volume INTEGER NOT NULL,
                    weekRecords INTEGER NOT NULL,
                    share REAL NOT NULL,
                    promoters INTEGER NOT NULL,
                    passives INTEGER NOT NULL,
                    detractors INTEGER NOT NULL,
                    detractorShare REAL,
                    npsImpact REAL,
                    npsGainIfDetractorsPassive REAL,
                    sources TEXT NOT NULL,
                    frustration INTEGER NOT NULL,
                    confusion INTEGER NOT NULL,
                    urgency INTEGER NOT NULL,
                    delight INTEGER NOT NULL,
                    verdict TEXT NOT NULL,
                    baselineVolume INTEGER NOT NULL,
                    baselineRecords INTEGER NOT NULL,
                    pValue REAL NOT NULL,
                    qValue REAL NOT NULL,
                    PRIMARY KEY (themeId, week)
                );
                CREATE INDEX themeWeek_week ON themeWeek(week);
                CREATE TABLE recordEmotion (
                    recordId TEXT PRIMARY KEY REFERENCES record(id) ON DELETE CASCADE,
                    emotions INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v5: incremental runs: record normalizeVersion, normalizeRun, touchedWeek, themesRun, themeScoringTerm") { db in
            try db.execute(sql: """
                ALTER TABLE record ADD COLUMN normalizeVersion INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX record_normalizeVersion ON record(normalizeVersion);
                CREATE INDEX record_textFingerprint ON record(textFingerprint);
                CREATE TABLE normalizeRun (
                    version INTEGER PRIMARY KEY,
                    isFull INTEGER NOT NULL,
                    throughFileId INTEGER NOT NULL,
                    settingsSHA256 TEXT NOT NULL
                );
                CREATE TABLE touchedWeek (
                    normalizeVersion INTEGER NOT NULL,
                    week TEXT NOT NULL,
                    PRIMARY KEY (normalizeVersion, week)
                );
                CREATE TABLE themesRun (
                    version INTEGER PRIMARY KEY,
                    isFull INTEGER NOT NULL,
                    normalizeVersion INTEGER NOT NULL,
                    reportWeek TEXT,
                    settingsSHA256 TEXT NOT NULL,
                    records INTEGER NOT NULL,
                    weeks TEXT NOT NULL
                );
                CREATE TABLE themeScoringTerm (
                    detectedTheme INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    themeId TEXT,
                    isPinned INTEGER NOT NULL,
                    label TEXT NOT NULL,
                    stems TEXT NOT NULL,
                    weight REAL NOT NULL,
                    PRIMARY KEY (detectedTheme, position)
                );
                """)
        }
        migrator.registerMigration("v6: record and mergedDuplicate indexed by fileId, for the per-file counts") { db in
            try db.execute(sql: """
                CREATE INDEX record_fileId ON record(fileId);
                CREATE INDEX mergedDuplicate_fileId ON mergedDuplicate(fileId);
                """)
        }
        // A full themes run rewrites millions of assignment rows. Without a rowid, each row lives once, in its key's
        // B-tree, instead of in the table and again in the key's index; and records share a few thousand lists of
        // matched terms, stored once each instead of as JSON in every row: together about half the bytes written.
        migrator.registerMigration("v7: themeAssignment and recordEmotion without rowid, matched terms in themeTermList") { db in
            try db.execute(sql: """
                CREATE TABLE themeTermList (
                    id INTEGER PRIMARY KEY,
                    terms TEXT NOT NULL UNIQUE
                );
                INSERT INTO themeTermList (terms) SELECT DISTINCT matchedTerms FROM themeAssignment ORDER BY matchedTerms;
                CREATE TABLE themeAssignmentV7 (
                    recordId TEXT NOT NULL REFERENCES record(id) ON DELETE CASCADE,
                    themeId TEXT NOT NULL REFERENCES theme(id),
                    rank INTEGER NOT NULL,
                    strength REAL NOT NULL,
                    termListId INTEGER NOT NULL REFERENCES themeTermList(id),
                    PRIMARY KEY (recordId, themeId)
                ) WITHOUT ROWID;
                INSERT INTO themeAssignmentV7 (recordId, themeId, rank, strength, termListId)
                    SELECT a.recordId, a.themeId, a.rank, a.strength, l.id
                    FROM themeAssignment a JOIN themeTermList l ON l.terms = a.matchedTerms ORDER BY a.recordId, a.themeId;
                DROP TABLE themeAssignment;
                ALTER TABLE themeAssignmentV7 RENAME TO themeAssignment;
                CREATE INDEX themeAssignment_themeId ON themeAssignment(themeId);
                CREATE TABLE recordEmotionV7 (
                    recordId TEXT PRIMARY KEY REFERENCES record(id) ON DELETE CASCADE,
                    emotions INTEGER NOT NULL
                ) WITHOUT ROWID;
                INSERT INTO recordEmotionV7 (recordId, emotions) SELECT recordId, emotions FROM recordEmotion ORDER BY recordId;
                DROP TABLE recordEmotion;
                ALTER TABLE recordEmotionV7 RENAME TO recordEmotion;
                """)
        }
        // Detection may read the records in other languages than English; a nightly run must score new records with
        // the same stopwords and stemmer. Workspaces detected before this were read in English, as the absent row says.
        migrator.registerMigration("v8: themeSetting, the languages the last detection read the records in") { db in
            try db.execute(sql: """
                CREATE TABLE themeSetting (
                    name TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
