/// An analyst's curation of the theme taxonomy, from `earshot.toml`'s `[themes]` section, applied on every run in
/// the same way.
///
/// Pinned themes, seeds, stopwords and excluded terms shape detection; renames, merges, splits and exclusions of
/// theme ids are applied to the detected themes by ``ThemeRegistry`` once ids are known.
public struct Taxonomy: Sendable, Hashable {
    /// A theme the analyst defines by name and keywords: always present, its keywords never relearned.
    public struct PinnedTheme: Sendable, Hashable {
        /// The theme's name, used as its label.
        public var name: String
        /// Its keywords and phrases, as customers write them ("refund", "charged twice").
        public var keywords: [String]
        /// Creates a pinned theme.
        public init(name: String, keywords: [String]) {
            self.name = name
            self.keywords = keywords
        }
    }

    /// Pinned themes.
    public var pinned: [PinnedTheme]
    /// Terms that must seed a theme of their own when they occur often enough.
    public var seeds: [String]
    /// Extra stopwords: never terms at all.
    public var stopwords: [String]
    /// Terms that stay in the text but are never keywords (a product's name, say).
    public var excludedTerms: [String]
    /// New labels by theme id.
    public var renames: [String: String]
    /// Groups of theme ids that become one theme, under the first id.
    public var merges: [[String]]
    /// Theme ids never reported.
    public var excludedThemes: [String]
    /// Theme ids split by phrase: each phrase's records become a theme of their own.
    public var splits: [String: [String]]

    /// Creates a taxonomy; the default curates nothing.
    public init(
        pinned: [PinnedTheme] = [], seeds: [String] = [], stopwords: [String] = [], excludedTerms: [String] = [],
        renames: [String: String] = [:], merges: [[String]] = [], excludedThemes: [String] = [],
        splits: [String: [String]] = [:]
    ) {
        self.pinned = pinned
        self.seeds = seeds
        self.stopwords = stopwords
        self.excludedTerms = excludedTerms
        self.renames = renames
        self.merges = merges
        self.excludedThemes = excludedThemes
        self.splits = splits
    }
}
