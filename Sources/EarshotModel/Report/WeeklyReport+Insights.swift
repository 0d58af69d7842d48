extension WeeklyReport {
    /// One emotion in the week: how common, and in which themes it concentrates.
    public struct EmotionLine: Sendable, Hashable, Codable {
        /// The emotion.
        public var emotion: Emotion
        /// The week's records showing it.
        public var records: Int
        /// Over the week's records.
        public var share: Double
        /// Its share the week before.
        public var shareLastWeek: Double
        /// The themes where it concentrates most, by lift.
        public var themes: [EmotionTheme]
        /// A record that shows it, with its cues, when one does.
        public var example: Quote?

        /// Creates a value.
        public init(emotion: Emotion, records: Int, share: Double, shareLastWeek: Double, themes: [EmotionTheme],
                    example: Quote?) {
            self.emotion = emotion
            self.records = records
            self.share = share
            self.shareLastWeek = shareLastWeek
            self.themes = themes
            self.example = example
        }
    }

    /// An emotion within one theme.
    public struct EmotionTheme: Sendable, Hashable, Codable {
        /// The theme id.
        public var id: String
        /// Its label.
        public var label: String
        /// The theme's records this week showing the emotion.
        public var records: Int
        /// Over the theme's records this week.
        public var share: Double
        /// `share` over the emotion's share of the whole week.
        public var lift: Double

        /// Creates a value.
        public init(id: String, label: String, records: Int, share: Double, lift: Double) {
            self.id = id
            self.label = label
            self.records = records
            self.share = share
            self.lift = lift
        }
    }

    /// A segment (one value of one attribute) where a theme is over-represented, tested.
    public struct SegmentLine: Sendable, Hashable, Codable {
        /// The theme id.
        public var themeID: String
        /// Its label.
        public var label: String
        /// The attribute, as the export names it.
        public var attribute: String
        /// The value.
        public var value: String
        /// The week's records in the segment.
        public var segmentRecords: Int
        /// Of those, the records with the theme.
        public var themeRecords: Int
        /// The theme's share within the segment.
        public var share: Double
        /// `share` over the theme's share of the whole week.
        public var lift: Double
        /// The Benjamini–Hochberg q-value across every theme × segment tested this week.
        public var qValue: Double

        /// Creates a value.
        public init(themeID: String, label: String, attribute: String, value: String, segmentRecords: Int,
                    themeRecords: Int, share: Double, lift: Double, qValue: Double) {
            self.themeID = themeID
            self.label = label
            self.attribute = attribute
            self.value = value
            self.segmentRecords = segmentRecords
            self.themeRecords = themeRecords
            self.share = share
            self.lift = lift
            self.qValue = qValue
        }
    }

    /// One of the ten comments to read.
    public struct MustRead: Sendable, Hashable, Codable {
        /// The comment.
        public var quote: Quote
        /// The theme it stands for.
        public var themeID: String
        /// That theme's label.
        public var label: String
        /// Why it was chosen ("new theme", "most NPS points at stake"…).
        public var reason: String

        /// Creates a value.
        public init(quote: Quote, themeID: String, label: String, reason: String) {
            self.quote = quote
            self.themeID = themeID
            self.label = label
            self.reason = reason
        }
    }
}
