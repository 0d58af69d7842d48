/// One piece of customer feedback in the shape every later stage reads.
public struct NormalizedRecord: Sendable, Hashable, Codable {
    /// The stable identity: source plus the source's own id.
    public var id: RecordID
    /// What kind of feedback it is.
    public var kind: SourceKind
    /// The tool that produced the export (`qualtrics`, `zendesk`), or `mapped` for a mapping from `earshot.toml`.
    public var tool: String
    /// When the customer wrote it, in seconds since 1970-01-01 UTC.
    public var createdAt: Int64
    /// The ISO week of ``createdAt`` in the workspace's reporting time zone.
    public var week: ISOWeek
    /// When the source last changed it, in seconds since 1970-01-01 UTC, when the export says.
    public var updatedAt: Int64?
    /// The score, with its scale, when the record has one.
    public var score: Score?
    /// The title or subject line, when the source has one.
    public var title: String
    /// The customer's words: comment, ticket body or open-ended answers, joined with blank lines.
    public var text: String
    /// Segment attributes (plan, country, tags…), sorted by name.
    public var attributes: [String: String]
    /// The workspace id of the file the winning version came from.
    public var fileID: Int64
    /// The line of that file the record starts on.
    public var line: Int

    /// Creates a record.
    public init(
        id: RecordID, kind: SourceKind, tool: String, createdAt: Int64, week: ISOWeek, updatedAt: Int64? = nil,
        score: Score? = nil, title: String = "", text: String, attributes: [String: String] = [:], fileID: Int64,
        line: Int
    ) {
        self.id = id
        self.kind = kind
        self.tool = tool
        self.createdAt = createdAt
        self.week = week
        self.updatedAt = updatedAt
        self.score = score
        self.title = title
        self.text = text
        self.attributes = attributes
        self.fileID = fileID
        self.line = line
    }

    /// Title and text together, as theme detection and quotes read them.
    public var fullText: String {
        if title.isEmpty { return text }
        if text.isEmpty { return title }
        return title + "\n" + text
    }
}
