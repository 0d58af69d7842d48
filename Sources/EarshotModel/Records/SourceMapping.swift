/// How the columns of an export that no built-in fingerprint knows map onto a record, from `earshot.toml`.
///
/// ```toml
/// [sources.airline_tweets]
/// files = "airline_tweets*.csv"
/// kind = "review"
/// id = "tweet_id"
/// created_at = "tweet_created"
/// text = ["text"]
/// attributes = ["airline"]
/// ```
public struct SourceMapping: Sendable, Hashable, Codable {
    /// The source name records carry (`airline_tweets`).
    public var name: String
    /// A glob on the file name (`airline_tweets*.csv`); `nil` when the mapping matches by columns.
    public var filePattern: String?
    /// Header names that must all be present for the mapping to apply, when there is no file pattern.
    public var requiredColumns: [String]
    /// What kind of feedback the source carries.
    public var kind: SourceKind
    /// The column holding the source's own id; records without one get an id derived from their content.
    public var idColumn: String?
    /// The column holding when the feedback was written.
    public var createdAtColumn: String
    /// The date order or format: `auto` (default), `day-first`, `month-first`, `iso`, `epoch-seconds`, `epoch-millis`.
    public var createdAtFormat: String
    /// The time zone of dates that carry no offset (an IANA name); defaults to the workspace's source time zone.
    public var timeZone: String?
    /// The column holding when the source last changed the record, if any.
    public var updatedAtColumn: String?
    /// The column holding a title or subject, if any.
    public var titleColumn: String?
    /// The columns holding the customer's words, joined in this order.
    public var textColumns: [String]
    /// The column holding a score, if any.
    public var scoreColumn: String?
    /// The score's scale.
    public var scale: ScoreScale?
    /// Segment columns kept as attributes.
    public var attributeColumns: [String]
    /// How many header rows the file has (default 1).
    public var headerRowCount: Int
    /// The column identifying the author (an e-mail, a user id); stored only as a salted hash.
    public var authorColumn: String? = nil
    /// Columns holding agent or company replies, kept apart from the customer's words.
    public var replyColumns: [String] = []
    /// Separators of multi-value attribute cells, by attribute column (`tags = "comma"`).
    public var multiValueSeparators: [String: MultiValueSeparator] = [:]

    /// Creates a mapping.
    public init(
        name: String, filePattern: String? = nil, requiredColumns: [String] = [], kind: SourceKind,
        idColumn: String? = nil, createdAtColumn: String, createdAtFormat: String = "auto", timeZone: String? = nil,
        updatedAtColumn: String? = nil, titleColumn: String? = nil, textColumns: [String], scoreColumn: String? = nil,
        scale: ScoreScale? = nil, attributeColumns: [String] = [], headerRowCount: Int = 1
    ) {
        self.name = name
        self.filePattern = filePattern
        self.requiredColumns = requiredColumns
        self.kind = kind
        self.idColumn = idColumn
        self.createdAtColumn = createdAtColumn
        self.createdAtFormat = createdAtFormat
        self.timeZone = timeZone
        self.updatedAtColumn = updatedAtColumn
        self.titleColumn = titleColumn
        self.textColumns = textColumns
        self.scoreColumn = scoreColumn
        self.scale = scale
        self.attributeColumns = attributeColumns
        self.headerRowCount = headerRowCount
    }
}
