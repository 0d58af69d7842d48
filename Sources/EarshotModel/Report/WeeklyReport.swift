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
    /// The week's themes, ranked by impact: NPS points at stake, then volume.
    public var themes: [ThemeLine]
    /// Themes that are new, rising or fading this week, and the big ones that held steady.
    public var movers: Movers
    /// Where frustration, confusion, urgency and delight concentrate.
    public var emotions: [EmotionLine]
    /// Segments (attribute values) in which a top theme is over-represented.
    public var segments: [SegmentLine]
    /// "If you read only ten comments this week, read these."
    public var mustRead: [MustRead]
    /// Records and NPS for the last 12 weeks, oldest first, from the first week with any record.
    public var volumeByWeek: [WeekCount]
    /// What went in and what was set aside.
    public var dataHealth: DataHealth
    /// How the report was made, so an analyst can reproduce it.
    public var provenance: Provenance

    /// The current ``schemaVersion``.
    public static let currentSchemaVersion = 2

    /// Creates a report.
    public init(
        schemaVersion: Int = WeeklyReport.currentSchemaVersion, week: ISOWeek, weekStart: String, weekEnd: String,
        timeZone: String, headline: Headline, themes: [ThemeLine], movers: Movers, emotions: [EmotionLine],
        segments: [SegmentLine], mustRead: [MustRead], volumeByWeek: [WeekCount], dataHealth: DataHealth,
        provenance: Provenance
    ) {
        self.schemaVersion = schemaVersion
        self.week = week
        self.weekStart = weekStart
        self.weekEnd = weekEnd
        self.timeZone = timeZone
        self.headline = headline
        self.themes = themes
        self.movers = movers
        self.emotions = emotions
        self.segments = segments
        self.mustRead = mustRead
        self.volumeByWeek = volumeByWeek
        self.dataHealth = dataHealth
        self.provenance = provenance
    }

    /// The headline numbers of the week.
    public struct Headline: Sendable, Hashable, Codable {
        /// Survey, NPS, CSAT and review responses this week.
        public var responses: Int
        /// Responses the week before.
        public var responsesLastWeek: Int
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
        /// This week's NPS against last week's, when both exist.
        public var changeFromLastWeek: NPSChange?
        /// This week's NPS against the 4-week baseline, when both exist.
        public var changeFromBaseline: NPSChange?
        /// Plain sentences on the week: the NPS change, real or within noise, and the ticket volume.
        public var summary: [String]

        /// Creates a value.
        public init(responses: Int, responsesLastWeek: Int, tickets: Int, ticketsLastWeek: Int, nps: NPSFigure?,
                    npsLastWeek: NPSFigure?, npsBaseline: NPSFigure?, changeFromLastWeek: NPSChange?,
                    changeFromBaseline: NPSChange?, summary: [String]) {
            self.responses = responses
            self.responsesLastWeek = responsesLastWeek
            self.tickets = tickets
            self.ticketsLastWeek = ticketsLastWeek
            self.nps = nps
            self.npsLastWeek = npsLastWeek
            self.npsBaseline = npsBaseline
            self.changeFromLastWeek = changeFromLastWeek
            self.changeFromBaseline = changeFromBaseline
            self.summary = summary
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

    /// A change of NPS between two periods, with the noise it must exceed to be real.
    public struct NPSChange: Sendable, Hashable, Codable {
        /// This week minus the other period, in points.
        public var points: Double
        /// Half the width of the change's 95% confidence interval: the two margins combined in quadrature.
        public var marginOfError: Double
        /// Whether `|points|` exceeds the margin.
        public var isReal: Bool

        /// Creates a value.
        public init(points: Double, marginOfError: Double, isReal: Bool) {
            self.points = points
            self.marginOfError = marginOfError
            self.isReal = isReal
        }
    }
}
