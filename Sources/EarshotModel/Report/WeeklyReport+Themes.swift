extension WeeklyReport {
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
        /// The theme's share over the baseline weeks.
        public var baselineShare: Double
        /// The tested verdict of this week's share against the baseline.
        public var verdict: TrendVerdict
        /// The Benjamini–Hochberg q-value behind the verdict.
        public var qValue: Double
        /// Detractors among the theme's 0–10 answers this week, when there are any.
        public var detractorShare: Double?
        /// The theme's records this week with frustration cues, over its volume.
        public var frustrationShare: Double
        /// NPS(all) − NPS(without the theme), in points, when the week has 0–10 answers.
        public var npsImpact: Double?
        /// Points the NPS would gain if the theme's detractors had been passives.
        public var npsPointsAtStake: Double?
        /// Half the width of the 95% confidence interval of ``npsPointsAtStake``.
        public var npsPointsAtStakeMargin: Double?
        /// The sources that carry it this week, biggest first.
        public var sources: [SourceCount]
        /// Record counts for the weeks of ``WeeklyReport/volumeByWeek``, oldest first.
        public var trend: [Int]
        /// Verbatim quotes covering the theme's main phrases, personal data redacted.
        public var quotes: [Quote]
        /// A positive mention of the same theme (a promoter, or delight without frustration), when there is one.
        public var counterQuote: Quote?

        /// Creates a value.
        public init(id: String, label: String, keywords: [String], volume: Int, share: Double, volumeLastWeek: Int,
                    baselineShare: Double, verdict: TrendVerdict, qValue: Double, detractorShare: Double?,
                    frustrationShare: Double, npsImpact: Double?, npsPointsAtStake: Double?,
                    npsPointsAtStakeMargin: Double?, sources: [SourceCount], trend: [Int], quotes: [Quote],
                    counterQuote: Quote?) {
            self.id = id
            self.label = label
            self.keywords = keywords
            self.volume = volume
            self.share = share
            self.volumeLastWeek = volumeLastWeek
            self.baselineShare = baselineShare
            self.verdict = verdict
            self.qValue = qValue
            self.detractorShare = detractorShare
            self.frustrationShare = frustrationShare
            self.npsImpact = npsImpact
            self.npsPointsAtStake = npsPointsAtStake
            self.npsPointsAtStakeMargin = npsPointsAtStakeMargin
            self.sources = sources
            self.trend = trend
            self.quotes = quotes
            self.counterQuote = counterQuote
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
        /// The theme's terms the text contains, as they were matched.
        public var matchedTerms: [String]
        /// The record's 0–10 score, when it has one.
        public var score: Double?

        /// Creates a value.
        public init(recordID: String, source: String, date: String, text: String, matchedTerms: [String] = [],
                    score: Double? = nil) {
            self.recordID = recordID
            self.source = source
            self.date = date
            self.text = text
            self.matchedTerms = matchedTerms
            self.score = score
        }
    }

    /// Themes whose share moved, tested against the baseline weeks.
    public struct Movers: Sendable, Hashable, Codable {
        /// Themes (nearly) absent from the baseline and significantly present this week.
        public var new: [ThemeMove]
        /// Themes with a significantly larger share than in the baseline.
        public var rising: [ThemeMove]
        /// Themes with a significantly smaller share than in the baseline.
        public var fading: [ThemeMove]
        /// The biggest themes whose share did not move significantly.
        public var heldSteady: [ThemeMove]
        /// The test, in one sentence, for the reader.
        public var method: String

        /// Creates a value.
        public init(new: [ThemeMove], rising: [ThemeMove], fading: [ThemeMove], heldSteady: [ThemeMove], method: String) {
            self.new = new
            self.rising = rising
            self.fading = fading
            self.heldSteady = heldSteady
            self.method = method
        }
    }

    /// One theme's move.
    public struct ThemeMove: Sendable, Hashable, Codable {
        /// The theme id.
        public var id: String
        /// Its label.
        public var label: String
        /// Records this week.
        public var volume: Int
        /// Share this week.
        public var share: Double
        /// Share over the baseline weeks.
        public var baselineShare: Double
        /// The Benjamini–Hochberg q-value.
        public var qValue: Double

        /// Creates a value.
        public init(id: String, label: String, volume: Int, share: Double, baselineShare: Double, qValue: Double) {
            self.id = id
            self.label = label
            self.volume = volume
            self.share = share
            self.baselineShare = baselineShare
            self.qValue = qValue
        }
    }
}
