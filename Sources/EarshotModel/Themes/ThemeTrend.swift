/// How a theme's share of this week's feedback compares with its share over the baseline weeks.
public enum TrendVerdict: String, Sendable, Codable {
    /// Absent (or nearly so) from the baseline and significantly present this week.
    case new
    /// A significantly larger share than in the baseline.
    case rising
    /// A significantly smaller share than in the baseline.
    case falling
    /// No significant change.
    case steady
    /// Too few records this week and too few expected from the baseline to say anything.
    case tooFew
}

/// One theme's count this week against its baseline, with the test behind the verdict.
public struct ThemeTrend: Sendable, Hashable, Codable {
    /// The theme's id.
    public var themeID: String
    /// This week's records in the theme.
    public var count: Int
    /// This week's records.
    public var total: Int
    /// `count / total`, or 0 without records.
    public var share: Double
    /// The baseline weeks' records in the theme.
    public var baselineCount: Int
    /// The baseline weeks' records.
    public var baselineTotal: Int
    /// `baselineCount / baselineTotal`, or 0 without records (unsmoothed, as a reader expects it).
    public var baselineShare: Double
    /// The two-sided exact binomial p-value of `count` out of `total` against the smoothed baseline share.
    public var pValue: Double
    /// The Benjamini–Hochberg adjusted p-value across all the themes tested together.
    public var qValue: Double
    /// The verdict.
    public var verdict: TrendVerdict

    /// Creates a trend.
    public init(themeID: String, count: Int, total: Int, share: Double, baselineCount: Int, baselineTotal: Int,
                baselineShare: Double, pValue: Double, qValue: Double, verdict: TrendVerdict) {
        self.themeID = themeID
        self.count = count
        self.total = total
        self.share = share
        self.baselineCount = baselineCount
        self.baselineTotal = baselineTotal
        self.baselineShare = baselineShare
        self.pValue = pValue
        self.qValue = qValue
        self.verdict = verdict
    }
}
