/// What kind of feedback a source carries.
public enum SourceKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Net Promoter Score survey responses (a 0–10 score and a "why?" comment).
    case nps
    /// Customer-satisfaction ratings.
    case csat
    /// Support tickets.
    case ticket
    /// General survey answers.
    case survey
    /// App-store or review-site reviews.
    case review
}
