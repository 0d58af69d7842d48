/// One theme in one ISO week: how much of the week's feedback carries it, how those customers score, what it costs
/// the NPS, where it comes from, how they feel, and whether its share moved against the baseline weeks.
///
/// A record counts towards every theme it is assigned to (primary or secondary), so shares of several themes can add up
/// to more than 1.
public struct ThemeWeek: Sendable, Hashable, Codable {
    /// The stable theme id.
    public var themeID: String
    /// The week.
    public var week: ISOWeek
    /// Records of the week with the theme.
    public var volume: Int
    /// Records of the week.
    public var weekRecords: Int
    /// `volume / weekRecords`.
    public var share: Double
    /// The theme's records of the week with a 0–10 score, by NPS group.
    public var promoters: Int
    /// See ``promoters``.
    public var passives: Int
    /// See ``promoters``.
    public var detractors: Int
    /// `detractors / (promoters + passives + detractors)`, when any record has a 0–10 score.
    public var detractorShare: Double?
    /// NPS(all the week's scored records) − NPS(the week's scored records without this theme), in points: negative
    /// when the theme drags the score down. `nil` when the week has no scores, or every score carries the theme.
    public var npsImpact: Double?
    /// The points the week's NPS would gain if this theme's detractors had been passives:
    /// `100 · detractors / scored records of the week`. `nil` when the week has no scores.
    public var npsGainIfDetractorsPassive: Double?
    /// The sources of the theme's records, biggest first.
    public var sources: [SourceCount]
    /// The theme's records of the week that show each emotion.
    public var emotions: EmotionCounts
    /// The verdict of the share against the baseline weeks, with its test.
    public var trend: Trend

    /// Creates a value.
    public init(themeID: String, week: ISOWeek, volume: Int, weekRecords: Int, share: Double, promoters: Int,
                passives: Int, detractors: Int, detractorShare: Double?, npsImpact: Double?,
                npsGainIfDetractorsPassive: Double?, sources: [SourceCount], emotions: EmotionCounts, trend: Trend) {
        self.themeID = themeID
        self.week = week
        self.volume = volume
        self.weekRecords = weekRecords
        self.share = share
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
        self.detractorShare = detractorShare
        self.npsImpact = npsImpact
        self.npsGainIfDetractorsPassive = npsGainIfDetractorsPassive
        self.sources = sources
        self.emotions = emotions
        self.trend = trend
    }

    /// How a theme's share this week compares with the baseline weeks before it.
    public struct Trend: Sendable, Hashable, Codable {
        /// The verdict; `.tooFew` below the minimum count.
        public var verdict: TrendVerdict
        /// The theme's records over the baseline weeks.
        public var baselineVolume: Int
        /// All records over the baseline weeks.
        public var baselineRecords: Int
        /// The two-sided exact binomial p-value of this week's share against the baseline's.
        public var pValue: Double
        /// The Benjamini–Hochberg adjusted p-value across the week's themes.
        public var qValue: Double

        /// Creates a value.
        public init(verdict: TrendVerdict, baselineVolume: Int, baselineRecords: Int, pValue: Double, qValue: Double) {
            self.verdict = verdict
            self.baselineVolume = baselineVolume
            self.baselineRecords = baselineRecords
            self.pValue = pValue
            self.qValue = qValue
        }

        /// `baselineVolume / baselineRecords`, or 0 without baseline records.
        public var baselineShare: Double {
            baselineRecords > 0 ? Double(baselineVolume) / Double(baselineRecords) : 0
        }
    }
}

/// Records that share a week, a source, an NPS group and emotions, counted: what the weekly figures need of records,
/// without holding millions of them.
public struct RecordGroup: Sendable, Hashable {
    /// The records' ISO week in the reporting zone.
    public var week: ISOWeek
    /// Their source.
    public var source: String
    /// Their NPS group, when they have a 0–10 score.
    public var npsCategory: NPSCategory?
    /// The emotions their words show.
    public var emotions: EmotionSet
    /// How many records.
    public var count: Int

    /// Creates a group.
    public init(week: ISOWeek, source: String, npsCategory: NPSCategory?, emotions: EmotionSet, count: Int = 1) {
        self.week = week
        self.source = source
        self.npsCategory = npsCategory
        self.emotions = emotions
        self.count = count
    }
}

/// A ``RecordGroup`` of the records carrying one theme.
public struct ThemeRecordGroup: Sendable, Hashable {
    /// The theme id.
    public var themeID: String
    /// The records, counted.
    public var records: RecordGroup

    /// Creates a group.
    public init(themeID: String, records: RecordGroup) {
        self.themeID = themeID
        self.records = records
    }
}

/// Records from one source.
public struct SourceCount: Sendable, Hashable, Codable {
    /// The source name.
    public var source: String
    /// Its records.
    public var records: Int

    /// Creates a value.
    public init(source: String, records: Int) {
        self.source = source
        self.records = records
    }
}

/// How many records show each emotion.
public struct EmotionCounts: Sendable, Hashable, Codable {
    /// Records with frustration cues.
    public var frustration: Int
    /// Records with confusion cues.
    public var confusion: Int
    /// Records with urgency cues.
    public var urgency: Int
    /// Records with delight cues.
    public var delight: Int

    /// Creates counts.
    public init(frustration: Int = 0, confusion: Int = 0, urgency: Int = 0, delight: Int = 0) {
        self.frustration = frustration
        self.confusion = confusion
        self.urgency = urgency
        self.delight = delight
    }

    /// Adds `count` records showing `emotions`.
    public mutating func add(_ emotions: EmotionSet, count: Int = 1) {
        if emotions.contains(.frustration) { frustration += count }
        if emotions.contains(.confusion) { confusion += count }
        if emotions.contains(.urgency) { urgency += count }
        if emotions.contains(.delight) { delight += count }
    }

    /// The count of one emotion.
    public subscript(emotion: Emotion) -> Int {
        switch emotion {
        case .frustration: frustration
        case .confusion: confusion
        case .urgency: urgency
        case .delight: delight
        }
    }
}

/// The emotions one record shows, as bits: small enough to keep for millions of records and to store as an integer.
public struct EmotionSet: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt8

    /// Creates a set from its stored bits.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue & 0b1111
    }

    /// The set holding one emotion.
    public init(_ emotion: Emotion) {
        switch emotion {
        case .frustration: self = .frustration
        case .confusion: self = .confusion
        case .urgency: self = .urgency
        case .delight: self = .delight
        }
    }

    /// See ``Emotion/frustration``.
    public static let frustration = EmotionSet(rawValue: 1)
    /// See ``Emotion/confusion``.
    public static let confusion = EmotionSet(rawValue: 2)
    /// See ``Emotion/urgency``.
    public static let urgency = EmotionSet(rawValue: 4)
    /// See ``Emotion/delight``.
    public static let delight = EmotionSet(rawValue: 8)

    /// The emotions in the set, in ``Emotion/allCases`` order.
    public var emotions: [Emotion] {
        Emotion.allCases.filter { contains(EmotionSet($0)) }
    }
}
