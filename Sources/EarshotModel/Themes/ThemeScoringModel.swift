/// How the last theme detection scores a record, kept so that a nightly run can assign new records to the current
/// themes without detecting them again: every detected theme's keywords, as stems with their weights, and the theme
/// id its matches count for once the analyst's curation (merges, exclusions) is applied.
public struct ThemeScoringModel: Sendable, Hashable {
    /// One keyword or phrase of a detected theme.
    public struct Term: Sendable, Hashable {
        /// How the keyword reads (``Theme/keywords`` lists these).
        public var label: String
        /// Its Snowball stems, one for a word, two or three for a phrase of adjacent words.
        public var stems: [String]
        /// What a record containing it adds to its score for the theme.
        public var weight: Double

        /// Creates a term.
        public init(label: String, stems: [String], weight: Double) {
            self.label = label
            self.stems = stems
            self.weight = weight
        }
    }

    /// One theme as the detector left it, before curation.
    public struct DetectedTheme: Sendable, Hashable {
        /// The theme its matches count for; `nil` when the analyst excluded it.
        public var themeID: String?
        /// Whether the analyst pinned it (or it is a split's phrase): such a theme's matches rank on their own.
        public var isPinned: Bool
        /// Its keywords, strongest first.
        public var terms: [Term]

        /// Creates a detected theme.
        public init(themeID: String?, isPinned: Bool, terms: [Term]) {
            self.themeID = themeID
            self.isPinned = isPinned
            self.terms = terms
        }
    }

    /// The detected themes, in the detector's order.
    public var themes: [DetectedTheme]
    /// The languages detection read the records in (Snowball names, the stemmer's first): a record is scored with
    /// the same stopwords and stems, or its stems would not be the keywords'.
    public var languages: [String]

    /// Creates a model.
    public init(themes: [DetectedTheme], languages: [String] = ["english"]) {
        self.themes = themes
        self.languages = languages
    }
}
