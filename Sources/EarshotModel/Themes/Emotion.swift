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

/// One record's emotions, as the themes stage stores them.
public struct RecordEmotions: Sendable, Hashable {
    /// The record.
    public var recordID: RecordID
    /// The emotions its words show.
    public var emotions: EmotionSet

    /// Creates a record's emotions.
    public init(recordID: RecordID, emotions: EmotionSet) {
        self.recordID = recordID
        self.emotions = emotions
    }
}
