/// A recurring theme: a group of terms that customers use together.
public struct Theme: Sendable, Hashable, Codable {
    /// The stable id, such as `T0007`; it persists across runs and weeks.
    public var id: String
    /// The human-readable label, such as "refund not received".
    public var label: String
    /// The terms that define it, strongest first.
    public var keywords: [String]
    /// How many records it was assigned to.
    public var recordCount: Int

    /// Creates a theme.
    public init(id: String, label: String, keywords: [String], recordCount: Int) {
        self.id = id
        self.label = label
        self.keywords = keywords
        self.recordCount = recordCount
    }
}

/// The assignment of one record to one theme.
public struct ThemeAssignment: Sendable, Hashable, Codable {
    /// The record.
    public var recordID: RecordID
    /// The theme's id.
    public var themeID: String
    /// 1 for the record's strongest theme, 2 for the next…
    public var rank: Int
    /// How strongly the record's words match the theme, in 0…1.
    public var strength: Double
    /// The theme terms found in the record.
    public var matchedTerms: [String]

    /// Creates an assignment.
    public init(recordID: RecordID, themeID: String, rank: Int, strength: Double, matchedTerms: [String]) {
        self.recordID = recordID
        self.themeID = themeID
        self.rank = rank
        self.strength = strength
        self.matchedTerms = matchedTerms
    }
}

/// The output of the themes stage: the themes and every record's assignments.
public struct ThemeModel: Sendable, Hashable {
    /// The themes, ordered by id.
    public var themes: [Theme]
    /// Every assignment, ordered by record and rank.
    public var assignments: [ThemeAssignment]

    /// Creates a theme model.
    public init(themes: [Theme], assignments: [ThemeAssignment]) {
        self.themes = themes
        self.assignments = assignments
    }
}

/// One entry of the taxonomy changelog.
public struct ThemeChange: Sendable, Hashable, Codable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, Codable {
        case born, dormant, revived, renamed, merged, split
    }
    /// The theme it happened to.
    public var themeID: String
    public var kind: Kind
    /// The other theme: what it merged into, or split from.
    public var relatedThemeID: String?
    /// Why, in words: the keywords the two share.
    public var evidence: String

    /// Creates a change.
    public init(themeID: String, kind: Kind, relatedThemeID: String?, evidence: String) {
        self.themeID = themeID
        self.kind = kind
        self.relatedThemeID = relatedThemeID
        self.evidence = evidence
    }
}
