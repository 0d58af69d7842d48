/// Everything the weekly report says, for one ISO week; the Markdown, HTML and JSON forms all render this value.
public struct WeeklyReport: Sendable, Hashable, Codable {
    /// The version of this shape; bumped on any change to the JSON form (see `docs/report.schema.json`).
    public var schemaVersion: Int
    /// The week reported.
    public var week: ISOWeek
    /// Its Monday, `yyyy-MM-dd`.
    public var weekStart: String
    /// Its Sunday, `yyyy-MM-dd`.
    public var weekEnd: String
    /// The zone weeks are counted in.
    public var timeZone: String
    /// The headline numbers.
    public var headline: Headline
    /// The week's themes, biggest first.
    public var themes: [ThemeLine]
    /// Record counts for the last weeks, oldest first, for the trend chart.
    public var volumeByWeek: [WeekCount]
    /// What went in and what was set aside.
    public var dataHealth: DataHealth
    /// How the report was made, so an analyst can reproduce it.
    public var provenance: Provenance

    /// Creates a report.
    public init(
        schemaVersion: Int = 1, week: ISOWeek, weekStart: String, weekEnd: String, timeZone: String, headline: Headline,
        themes: [ThemeLine], volumeByWeek: [WeekCount], dataHealth: DataHealth, provenance: Provenance
    ) {
        self.schemaVersion = schemaVersion
        self.week = week
        self.weekStart = weekStart
        self.weekEnd = weekEnd
        self.timeZone = timeZone
        self.headline = headline
        self.themes = themes
        self.volumeByWeek = volumeByWeek
        self.dataHealth = dataHealth
        self.provenance = provenance
    }

    /// The headline numbers of the week.
    public struct Headline: Sendable, Hashable, Codable {
        /// Survey, NPS, CSAT and review responses this week.
        public var responses: Int
        /// Support tickets this week.
        public var tickets: Int
        /// Tickets the week before.
        public var ticketsLastWeek: Int
        /// NPS this week, when any 0–10 scores came in.
        public var nps: NPSFigure?
        /// NPS the week before.
        public var npsLastWeek: NPSFigure?
        /// NPS over the four weeks before this one.
        public var npsBaseline: NPSFigure?
        /// One plain sentence on the NPS change: real or within noise.
        public var npsVerdict: String

        /// Creates a value.
        public init(responses: Int, tickets: Int, ticketsLastWeek: Int, nps: NPSFigure?, npsLastWeek: NPSFigure?, npsBaseline: NPSFigure?, npsVerdict: String) {
            self.responses = responses
            self.tickets = tickets
            self.ticketsLastWeek = ticketsLastWeek
            self.nps = nps
            self.npsLastWeek = npsLastWeek
            self.npsBaseline = npsBaseline
            self.npsVerdict = npsVerdict
        }
    }

    /// An NPS with its sample and its uncertainty.
    public struct NPSFigure: Sendable, Hashable, Codable {
        /// The score, −100…100, rounded to one decimal.
        public var score: Double
        /// How many 0–10 answers it rests on.
        public var respondents: Int
        /// Answers of 9–10.
        public var promoters: Int
        /// Answers of 7–8.
        public var passives: Int
        /// Answers of 0–6.
        public var detractors: Int
        /// Half the width of the 95% confidence interval, in points.
        public var marginOfError: Double

        /// Creates a value.
        public init(score: Double, respondents: Int, promoters: Int, passives: Int, detractors: Int, marginOfError: Double) {
            self.score = score
            self.respondents = respondents
            self.promoters = promoters
            self.passives = passives
            self.detractors = detractors
            self.marginOfError = marginOfError
        }
    }

    /// One theme's line in the week.
    public struct ThemeLine: Sendable, Hashable, Codable {
        /// The stable theme id.
        public var id: String
        /// The label.
        public var label: String
        /// Its strongest terms.
        public var keywords: [String]
        /// Records this week with the theme.
        public var volume: Int
        /// `volume` over the week's records.
        public var share: Double
        /// Records with the theme the week before.
        public var volumeLastWeek: Int
        /// Detractors among the theme's 0–10 answers this week, when there are any.
        public var detractorShare: Double?
        /// The sources that carry it this week, biggest first.
        public var sources: [String]
        /// Record counts for the last 12 weeks, oldest first.
        public var trend: [Int]
        /// Verbatim quotes, personal data redacted.
        public var quotes: [Quote]

        /// Creates a value.
        public init(id: String, label: String, keywords: [String], volume: Int, share: Double, volumeLastWeek: Int, detractorShare: Double?, sources: [String], trend: [Int], quotes: [Quote]) {
            self.id = id
            self.label = label
            self.keywords = keywords
            self.volume = volume
            self.share = share
            self.volumeLastWeek = volumeLastWeek
            self.detractorShare = detractorShare
            self.sources = sources
            self.trend = trend
            self.quotes = quotes
        }
    }

    /// A customer's words, with where they came from.
    public struct Quote: Sendable, Hashable, Codable {
        /// The record id, `source:id`.
        public var recordID: String
        /// The source.
        public var source: String
        /// The date it was written, `yyyy-MM-dd`, in the report's zone.
        public var date: String
        /// The text, shortened and with e-mails, phone and card numbers replaced by placeholders.
        public var text: String

        /// Creates a value.
        public init(recordID: String, source: String, date: String, text: String) {
            self.recordID = recordID
            self.source = source
            self.date = date
            self.text = text
        }
    }

    /// Records in one week.
    public struct WeekCount: Sendable, Hashable, Codable {
        /// The week.
        public var week: ISOWeek
        /// Its records.
        public var records: Int

        /// Creates a value.
        public init(week: ISOWeek, records: Int) {
            self.week = week
            self.records = records
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

        /// Creates a value.
        public init(earshotVersion: String, configSHA256: String, inputFiles: [InputFile]) {
            self.earshotVersion = earshotVersion
            self.configSHA256 = configSHA256
            self.inputFiles = inputFiles
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
}
