/// The scale a score was given on; a score is never compared across scales.
public enum ScoreScale: String, Sendable, Codable, Hashable, CaseIterable {
    /// Net Promoter Score, 0 to 10.
    case zeroToTen = "0-10"
    /// Stars or CSAT, 1 to 5.
    case oneToFive = "1-5"
    /// A satisfaction verdict: 1 for good, 0 for bad (Zendesk `Satisfaction Score`).
    case goodBad = "good-bad"

    /// The lowest and highest value a score on this scale may take.
    public var bounds: ClosedRange<Double> {
        switch self {
        case .zeroToTen: 0...10
        case .oneToFive: 1...5
        case .goodBad: 0...1
        }
    }
}

/// The Net Promoter category of a 0–10 score.
public enum NPSCategory: String, Sendable, Codable, Hashable, CaseIterable {
    /// 0 to 6.
    case detractor
    /// 7 or 8.
    case passive
    /// 9 or 10.
    case promoter
}

/// A score together with the scale it was given on.
public struct Score: Sendable, Codable, Hashable {
    /// The numeric value, within ``ScoreScale/bounds``.
    public var value: Double
    /// The scale of ``value``.
    public var scale: ScoreScale

    /// Creates a score; returns `nil` when the value lies outside the scale.
    public init?(value: Double, scale: ScoreScale) {
        guard scale.bounds.contains(value) else { return nil }
        self.value = value
        self.scale = scale
    }

    /// The NPS category, computed only for 0–10 scores.
    public var npsCategory: NPSCategory? {
        guard scale == .zeroToTen else { return nil }
        switch value {
        case ..<7: return .detractor
        case ..<9: return .passive
        default: return .promoter
        }
    }
}
