import EarshotModel
import GRDB
import GRDBSQLite

extension StageStore {
    /// Calls `body` with every record's id, title and text, in storage order: all the themes stage reads.
    ///
    /// The title and text are the store's own UTF-8 bytes, valid only during the call, so that reading two million
    /// records makes no `String` of their texts and decodes none of the columns the stage does not use.
    public func forEachThemeText(
        _ body: (_ id: RecordID, _ title: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        try forEachThemeRecord { record, title, text in try body(record.id, title, text) }
    }

    /// The full text (title and text, as ``forEachThemeText(_:)`` joins them) of each of `ids` that is stored: the
    /// themes stage reads a few thousand again to spell its labels as customers write them.
    public func themeTexts(of ids: Set<RecordID>) throws -> [RecordID: String] {
        try writer.read { db in
            let statement = try db.cachedStatement(sql: "SELECT title, text FROM record WHERE id = ?")
            var texts: [RecordID: String] = [:]
            for id in ids {
                guard let row = try Row.fetchOne(statement, arguments: [id.description]) else { continue }
                texts[id] = NormalizedRecord.fullText(title: row[0], text: row[1])
            }
            return texts
        }
    }

    /// The full texts of up to `perSource` records of each source, the first by id: what the themes stage guesses
    /// the records' languages from. The same records whatever order they were stored in, and every source
    /// represented, read through the id index rather than the whole table.
    public func languageSample(perSource: Int) throws -> [String] {
        try writer.read { db in
            var texts: [String] = []
            var after = ""
            while let source = try String.fetchOne(db, sql: "SELECT source FROM record WHERE id > ? ORDER BY id LIMIT 1", arguments: [after]) {
                let rows = try Row.fetchAll(
                    db, sql: "SELECT title, text FROM record WHERE id > ? AND source = ? ORDER BY id LIMIT ?",
                    arguments: [after, source, perSource])
                for row in rows { texts.append(NormalizedRecord.fullText(title: row[0], text: row[1])) }
                // Ids are "source:sourceId", and ";" follows ":": the next id past this one is another source's.
                after = source + ";"
            }
            return texts
        }
    }

    /// What the themes stage counts a record by, besides its words: its week and NPS group.
    public struct ThemeRecordFacts: Sendable, Hashable {
        /// The record.
        public var id: RecordID
        /// Its ISO week.
        public var week: ISOWeek
        /// Its NPS group, when it has a 0–10 score.
        public var npsCategory: NPSCategory?
        /// The normalize run that wrote it (0 when not read).
        public var normalizeVersion = 0
        /// The emotion cues the themes stage stored for it (empty when none are stored, or when not read).
        public var storedEmotions: EmotionSet = []
    }

    /// Calls `body` with every record's id, week, NPS group, title and text, in storage order: the text as
    /// ``forEachThemeText(_:)`` gives it, and what the weekly figures count records by, so that detection needs no
    /// second pass over the records to count them.
    ///
    /// With `storedEmotions`, each record also comes with the normalize run that wrote it and the emotion cues stored
    /// for it, so that cues found before need not be found again.
    public func forEachThemeRecord(
        storedEmotions: Bool = false,
        _ body: (_ record: ThemeRecordFacts, _ title: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let sql = storedEmotions
            ? """
                SELECT r.source, r.sourceId, r.title, r.text, r.week, r.npsCategory, r.normalizeVersion, e.emotions
                FROM record r LEFT JOIN recordEmotion e ON e.recordId = r.id
                """
            : "SELECT source, sourceId, title, text, week, npsCategory FROM record"
        try forEachThemeText(sql: sql, arguments: [], body)
    }

    func forEachThemeText(
        sql: String, arguments: StatementArguments,
        _ body: (_ record: ThemeRecordFacts, _ title: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        try writer.read { db in
            let statement = try db.makeStatement(sql: sql)
            try statement.setArguments(arguments)
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            // A few sources and weeks recur over millions of rows: each is decoded once, found again by its bytes.
            let hasStoredEmotions = sqlite3_column_count(handle) >= 8
            var weeks: [UInt64: ISOWeek] = [:]
            var sources: [UInt64: String] = [:]
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
                }
                let source = Self.withBytes(handle, 0) { Self.decoded($0, cache: &sources, Self.string) }
                let id = RecordID(source: source, sourceID: Self.text(handle, 1))
                let week = Self.withBytes(handle, 4) { bytes in
                    Self.decoded(bytes, cache: &weeks) { ISOWeek(Self.string($0)) ?? ISOWeek(year: 1970, week: 1) }
                }
                let category = sqlite3_column_type(handle, 5) == SQLITE_NULL ? nil : NPSCategory(rawValue: Self.text(handle, 5))
                var record = ThemeRecordFacts(id: id, week: week, npsCategory: category)
                if hasStoredEmotions {
                    record.normalizeVersion = Int(sqlite3_column_int64(handle, 6))
                    record.storedEmotions = EmotionSet(rawValue: UInt8(truncatingIfNeeded: sqlite3_column_int64(handle, 7)))
                }
                try Self.withBytes(handle, 2) { title in
                    try Self.withBytes(handle, 3) { text in try body(record, title, text) }
                }
            }
            // The pages just read are not read again this run: their cache's memory is better used by the stage.
            sqlite3_db_release_memory(db.sqliteConnection)
        }
    }

    /// A short value's bytes in one number, for looking it up without a `String`: up to seven bytes under their
    /// count (the top byte then at most 7), or eight that start with a printable byte (the top byte then above 7).
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count < 8 || (bytes.count == 8 && bytes[0] >= 0x20) else { return nil }
        var key = UInt64(bytes.count)
        for byte in bytes { key = key << 8 | UInt64(byte) }
        return key
    }

    /// `decode(bytes)`, from `cache` when a short value was decoded before.
    private static func decoded<Value>(
        _ bytes: UnsafeBufferPointer<UInt8>, cache: inout [UInt64: Value], _ decode: (UnsafeBufferPointer<UInt8>) -> Value
    ) -> Value {
        guard let key = packed(bytes) else { return decode(bytes) }
        if let known = cache[key] { return known }
        let value = decode(bytes)
        cache[key] = value
        return value
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func text(_ handle: OpaquePointer, _ column: Int32) -> String {
        var result = ""
        withBytes(handle, column) { result = string($0) }
        return result
    }

    private static func withBytes<Result>(
        _ handle: OpaquePointer, _ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        // sqlite3_column_text before sqlite3_column_bytes, as SQLite's documentation asks.
        let start = sqlite3_column_text(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeBufferPointer(start: count == 0 ? nil : start, count: count))
    }
}
