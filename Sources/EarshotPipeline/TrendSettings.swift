import TOMLKit

/// How a theme's weekly share is tested against the weeks before it, from `earshot.toml`'s `[themes]` table.
public struct TrendSettings: Sendable, Hashable {
    /// The weeks before a week that form its baseline (`baseline_weeks`, 1–52).
    public var baselineWeeks = 4
    /// Below this count this week, and below this expected count, no verdict is given (`min_verdict_count`, ≥ 1).
    public var minimumCount = 5
    /// The Benjamini–Hochberg false discovery rate across a week's themes (`false_discovery_rate`, 0–0.5).
    public var falseDiscoveryRate = 0.05

    /// The defaults.
    public init() {}

    /// Reads the settings from `[themes]`, keeping the default of any that is absent.
    ///
    /// - Throws: ``EarshotError`` naming a setting outside its range.
    init(_ themes: TOMLTable, path: String) throws {
        if let weeks = themes["baseline_weeks"]?.int {
            guard (1...52).contains(weeks) else {
                throw EarshotError.configuration("\(path): [themes] baseline_weeks = \(weeks) must be between 1 and 52")
            }
            baselineWeeks = weeks
        }
        if let count = themes["min_verdict_count"]?.int {
            guard count >= 1 else {
                throw EarshotError.configuration("\(path): [themes] min_verdict_count = \(count) must be at least 1")
            }
            minimumCount = count
        }
        if let rate = themes["false_discovery_rate"]?.double {
            guard rate > 0, rate <= 0.5 else {
                throw EarshotError.configuration("\(path): [themes] false_discovery_rate = \(rate) must be above 0 and at most 0.5")
            }
            falseDiscoveryRate = rate
        }
    }
}
