/// An emotion that a customer's wording shows.
public enum Emotion: String, Sendable, Codable, CaseIterable {
    /// Annoyance, anger, disappointment, being let down again.
    case frustration
    /// Not understanding how something works, or where it is.
    case confusion
    /// Time pressure: a deadline, money being lost, work that is blocked.
    case urgency
    /// Praise, thanks, enthusiasm.
    case delight
}
