import EarshotModel

/// What the report stage reads: the week's records with their assignments and emotions, the earlier weeks as
/// counts, the themes with their weekly figures, and the workspace's health and provenance.
///
/// Only the reported week is read record by record; of the 11 weeks before it the report shows only counts (records
/// and NPS per week, the 4-week baseline, last week's tickets, emotions and theme volumes), so those come as
/// ``WeekTally`` values and last week's ``EmotionCounts``, which the store counts without loading a record.
public struct ReportInput: Sendable {
    /// The week to report.
    public var week: ISOWeek
    /// The zone weeks are counted in.
    public var timeZone: String
    /// Records of the week; records of other weeks are ignored.
    public var records: [NormalizedRecord]
    /// Counts of the 11 weeks before the week, one per week that has records; a week left out has none.
    public var earlierWeeks: [WeekTally]
    /// How many records of the week before show each emotion.
    public var lastWeekEmotions: EmotionCounts
    /// The current themes, and the assignments of the week's records (others are ignored).
    public var themes: ThemeModel
    /// The themes stage's figures per theme per week (for at least the reported week).
    public var themeWeeks: [ThemeWeek]
    /// The emotions of the week's records that show any.
    public var emotions: [RecordID: EmotionSet]
    /// How verdicts were tested, for the sentence that explains them.
    public var trendMethod: TrendMethod
    /// Data health of the whole workspace.
    public var dataHealth: WeeklyReport.DataHealth
    /// Provenance.
    public var provenance: WeeklyReport.Provenance

    /// Creates an input.
    public init(
        week: ISOWeek, timeZone: String, records: [NormalizedRecord], earlierWeeks: [WeekTally] = [],
        lastWeekEmotions: EmotionCounts = EmotionCounts(), themes: ThemeModel, themeWeeks: [ThemeWeek] = [],
        emotions: [RecordID: EmotionSet] = [:], trendMethod: TrendMethod = TrendMethod(),
        dataHealth: WeeklyReport.DataHealth, provenance: WeeklyReport.Provenance
    ) {
        self.week = week
        self.timeZone = timeZone
        self.records = records
        self.earlierWeeks = earlierWeeks
        self.lastWeekEmotions = lastWeekEmotions
        self.themes = themes
        self.themeWeeks = themeWeeks
        self.emotions = emotions
        self.trendMethod = trendMethod
        self.dataHealth = dataHealth
        self.provenance = provenance
    }

    /// The settings behind the themes stage's verdicts.
    public struct TrendMethod: Sendable, Hashable {
        /// Weeks in the baseline.
        public var baselineWeeks: Int
        /// The Benjamini–Hochberg false discovery rate.
        public var falseDiscoveryRate: Double
        /// The count below which no verdict is given.
        public var minimumCount: Int

        /// Creates a value.
        public init(baselineWeeks: Int = 4, falseDiscoveryRate: Double = 0.05, minimumCount: Int = 5) {
            self.baselineWeeks = baselineWeeks
            self.falseDiscoveryRate = falseDiscoveryRate
            self.minimumCount = minimumCount
        }
    }
}
