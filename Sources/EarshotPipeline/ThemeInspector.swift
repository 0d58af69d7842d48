import EarshotIngest
import EarshotModel
import EarshotStore
import EarshotThemes
import Foundation

/// What an analyst asks of the themes stage's stored output: the themes, one theme in detail, why a record is in a
/// theme, and how the assignments score against hand labels.
public struct ThemeInspector: Sendable {
    let store: StageStore

    /// An inspector over a workspace's store.
    public init(store: StageStore) {
        self.store = store
    }

    /// One theme as `earshot themes list` shows it.
    public struct Entry: Sendable, Hashable, Codable {
        public var id: String
        public var label: String
        public var records: Int
        public var keywords: [String]
        public var status: String
        public var pinnedName: String?
        /// The latest week with records, and the theme's verdict and volume in it.
        public var latestWeek: String?
        public var latestVerdict: String?
        public var latestVolume: Int?
    }

    /// Every theme ever found: the active ones by size, then the dormant ones by id.
    public func list() throws -> [Entry] {
        let latest = try store.weeksWithRecords().last
        let figures = try latest.map { week in
            Dictionary(uniqueKeysWithValues: try store.themeWeeks(weeks: [week]).map { ($0.themeID, $0) })
        } ?? [:]
        return try store.storedThemes().map { stored in
            let figure = figures[stored.theme.id]
            return Entry(id: stored.theme.id, label: stored.theme.label, records: stored.theme.recordCount,
                         keywords: stored.theme.keywords, status: stored.isActive ? "active" : "dormant",
                         pinnedName: stored.pinnedName, latestWeek: figure?.week.description,
                         latestVerdict: figure?.trend.verdict.rawValue, latestVolume: figure?.volume)
        }.sorted { lhs, rhs in
            if (lhs.status == "active") != (rhs.status == "active") { return lhs.status == "active" }
            return lhs.records != rhs.records ? lhs.records > rhs.records : lhs.id < rhs.id
        }
    }

    /// One theme in detail.
    public struct Detail: Sendable, Hashable, Codable {
        public struct Quote: Sendable, Hashable, Codable {
            public var recordID: String
            public var week: String
            public var strength: Double
            public var matchedTerms: [String]
            public var text: String
        }
        public struct Change: Sendable, Hashable, Codable {
            public var themesRun: Int
            public var kind: String
            public var relatedThemeID: String?
            public var evidence: String
        }
        public var theme: Entry
        public var phrases: [String]
        public var volumeByWeek: [String: Int]
        /// The stored figures of every week with records, oldest first.
        public var weeks: [ThemeWeek]
        public var quotes: [Quote]
        public var changes: [Change]
    }

    /// The theme `id`: keywords, phrases, volume by week, its strongest quotes (personal data redacted) and its
    /// changelog.
    ///
    /// - Throws: ``EarshotError`` when no theme has that id.
    public func detail(_ id: String) throws -> Detail {
        guard let entry = try list().first(where: { $0.id == id }) else {
            throw EarshotError(.failure, "no theme \(id) in this workspace; `earshot themes list` shows the ids")
        }
        let weeks = try store.weeklyCounts(ofTheme: id)
        let quotes = try store.strongestRecords(ofTheme: id, limit: 5).map { record, assignment in
            Detail.Quote(recordID: record.id.description, week: record.week.description, strength: assignment.strength,
                         matchedTerms: assignment.matchedTerms,
                         text: PersonalDataRedactor.redact(record.fullText.replacingOccurrences(of: "\n", with: " ")))
        }
        let changes = try store.themeChanges().filter { $0.change.themeID == id || $0.change.relatedThemeID == id }.map {
            Detail.Change(themesRun: $0.version, kind: $0.change.kind.rawValue, relatedThemeID: $0.change.relatedThemeID,
                          evidence: $0.change.evidence)
        }
        return Detail(theme: entry, phrases: entry.keywords.filter { $0.contains(" ") },
                      volumeByWeek: Dictionary(uniqueKeysWithValues: weeks.map { ($0.week.description, $0.records) }),
                      weeks: try store.themeWeeks(themeID: id), quotes: quotes, changes: changes)
    }

    /// Why a record is in its themes.
    public struct Explanation: Sendable, Hashable, Codable {
        public struct Match: Sendable, Hashable, Codable {
            public var themeID: String
            public var label: String
            public var rank: Int
            public var strength: Double
            public var matchedTerms: [String]
            public var keywords: [String]
        }
        public var recordID: String
        public var text: String
        public var matches: [Match]
        /// The words and signs that show each emotion, by emotion name; emotions without cues are absent.
        public var emotions: [String: [String]]
    }

    /// Which of each theme's terms put the record `identifier` (`source:id`, or a tool id) in which theme.
    ///
    /// - Throws: ``EarshotError`` when no record has that id.
    public func explain(_ identifier: String) throws -> [Explanation] {
        let records = try store.records(matching: identifier)
        guard !records.isEmpty else {
            throw EarshotError(.failure, "no record \(identifier); give it as SOURCE:ID (as `earshot export themes` writes) or the tool's own id")
        }
        let themes = Dictionary(uniqueKeysWithValues: try store.storedThemes().map { ($0.theme.id, $0.theme) })
        let lexicon = EmotionLexicon()
        return try records.map { record in
            let matches = try store.assignments(of: record.id).map { assignment in
                Explanation.Match(themeID: assignment.themeID, label: themes[assignment.themeID]?.label ?? "",
                                  rank: assignment.rank, strength: assignment.strength, matchedTerms: assignment.matchedTerms,
                                  keywords: themes[assignment.themeID]?.keywords ?? [])
            }
            let cues = lexicon.cues(in: record.fullText).map { ($0.key.rawValue, $0.value.map(PersonalDataRedactor.redact)) }
            return Explanation(recordID: record.id.description, text: PersonalDataRedactor.redact(record.fullText),
                               matches: matches, emotions: Dictionary(uniqueKeysWithValues: cues))
        }
    }

    /// Scores the primary themes (rank 1) against the hand labels in a CSV file.
    ///
    /// A label row names a record by its tool id (or `source:id`); rows with an empty label, and labels of records
    /// the workspace does not have, are counted and left out.
    /// - Throws: ``EarshotError`` when the file cannot be read or lacks a column.
    public func evaluate(labels path: String, idColumn: String, labelColumn: String) throws -> (ThemeEvaluation, unmatched: Int) {
        let inspection: ExportInspection
        do {
            inspection = try FileIngester().inspect(path: path, hashing: false)
        } catch {
            throw EarshotError(.ioError, "\(path): cannot be read as CSV (\(error))")
        }
        let header = inspection.headerRows.first ?? []
        guard let idIndex = header.firstIndex(of: idColumn) else {
            throw EarshotError(.failure, "\(path):1: no column \"\(idColumn)\"; the header has: \(header.joined(separator: ", "))")
        }
        guard let labelIndex = header.firstIndex(of: labelColumn) else {
            throw EarshotError(.failure, "\(path):1: no column \"\(labelColumn)\"; the header has: \(header.joined(separator: ", "))")
        }
        var labels: [String: String] = [:]
        var first = true
        try CSVReader(delimiter: inspection.delimiter).read(path: path, encoding: inspection.encoding) { event in
            guard case .row(let row) = event else { return }
            if first {
                first = false
                return
            }
            let fields = row.texts
            guard fields.count > max(idIndex, labelIndex) else { return }
            let label = fields[labelIndex].trimmingCharacters(in: .whitespaces)
            if !label.isEmpty, labels[fields[idIndex]] == nil { labels[fields[idIndex]] = label }
        }
        var predicted: [String?] = []
        var gold: [String] = []
        var matched = Set<String>()
        for (recordID, themeID) in try store.primaryThemes() {
            guard let label = labels[recordID.sourceID] ?? labels[recordID.description] else { continue }
            matched.insert(labels[recordID.sourceID] != nil ? recordID.sourceID : recordID.description)
            predicted.append(themeID)
            gold.append(label)
        }
        return (ThemeEvaluation(predicted: predicted, gold: gold), labels.count - matched.count)
    }
}
