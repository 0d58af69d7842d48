extension WeeklyReport {
    /// Records and NPS in one week.
    public struct WeekCount: Sendable, Hashable, Codable {
        /// The week.
        public var week: ISOWeek
        /// Its records.
        public var records: Int
        /// Its NPS, when it had 0–10 answers.
        public var nps: Double?

        /// Creates a value.
        public init(week: ISOWeek, records: Int, nps: Double? = nil) {
            self.week = week
            self.records = records
            self.nps = nps
        }
    }

    /// What went into the workspace and what was set aside.
    public struct DataHealth: Sendable, Hashable, Codable {
        /// Files ingested.
        public var files: Int
        /// Data rows read.
        public var rowsRead: Int
        /// Records.
        public var records: Int
        /// Rows merged into a newer version of the same record.
        public var mergedDuplicates: Int
        /// Rows set aside.
        public var quarantined: Int
        /// Quarantine reasons with counts, commonest first.
        public var quarantineReasons: [ReasonCount]
        /// Records this week with at least one theme, over the week's records.
        public var themedShare: Double

        /// Creates a value.
        public init(files: Int, rowsRead: Int, records: Int, mergedDuplicates: Int, quarantined: Int, quarantineReasons: [ReasonCount], themedShare: Double) {
            self.files = files
            self.rowsRead = rowsRead
            self.records = records
            self.mergedDuplicates = mergedDuplicates
            self.quarantined = quarantined
            self.quarantineReasons = quarantineReasons
            self.themedShare = themedShare
        }
    }

    /// A reason and how often it occurred.
    public struct ReasonCount: Sendable, Hashable, Codable {
        /// The reason.
        public var reason: String
        /// How many rows.
        public var count: Int

        /// Creates a value.
        public init(reason: String, count: Int) {
            self.reason = reason
            self.count = count
        }
    }

    /// How the report was made.
    public struct Provenance: Sendable, Hashable, Codable {
        /// The Earshot version.
        public var earshotVersion: String
        /// SHA-256 of `earshot.toml`.
        public var configSHA256: String
        /// Every input file with its hash, in ingest order.
        public var inputFiles: [InputFile]
        /// The taxonomy changes (births, merges, splits, renames, dormancy) recorded by themes runs whose latest
        /// data was this week.
        public var themeChanges: [TaxonomyChange]

        /// Creates a value.
        public init(earshotVersion: String, configSHA256: String, inputFiles: [InputFile], themeChanges: [TaxonomyChange] = []) {
            self.earshotVersion = earshotVersion
            self.configSHA256 = configSHA256
            self.inputFiles = inputFiles
            self.themeChanges = themeChanges
        }
    }

    /// An input file.
    public struct InputFile: Sendable, Hashable, Codable {
        /// Its name.
        public var fileName: String
        /// Its SHA-256.
        public var sha256: String
        /// Its source.
        public var source: String

        /// Creates a value.
        public init(fileName: String, sha256: String, source: String) {
            self.fileName = fileName
            self.sha256 = sha256
            self.source = source
        }
    }

    /// One change of the taxonomy, with the labels of the themes it names.
    public struct TaxonomyChange: Sendable, Hashable, Codable {
        /// What happened.
        public var change: ThemeChange
        /// The label of ``ThemeChange/themeID``.
        public var label: String
        /// The label of ``ThemeChange/relatedThemeID``, when there is one.
        public var relatedLabel: String?

        /// Creates a value.
        public init(change: ThemeChange, label: String, relatedLabel: String?) {
            self.change = change
            self.label = label
            self.relatedLabel = relatedLabel
        }
    }
}
