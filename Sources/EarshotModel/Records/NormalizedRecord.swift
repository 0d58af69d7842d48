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
    /// The title or subject line, when the source has one; personal data replaced by placeholders.
    public var title: String
    /// The customer's words, cleaned (markup, signatures, quoted replies removed) and with personal data replaced by
    /// typed placeholders (`[email]`): what reports and theme detection read.
    public var text: String
    /// The customer's words exactly as the export had them (cells joined with blank lines), for audit.
    public var originalText: String
    /// Agent or company replies, where the export keeps them apart, cleaned and redacted like ``text``.
    public var reply: String
    /// Segment attributes (plan, country, tags…): each a list of values, several when the tool joined them in a cell.
    public var attributes: [String: [String]]
    /// A salted hash of the author's identity (e-mail, account id), when the export names the author.
    public var authorHash: String?
    /// A hash of ``authorHash`` and ``text``: records with the same fingerprint are the same words by the same author.
    public var textFingerprint: Int64?
    /// Whether the same author sent the same text less than a day before: flagged, not dropped.
    public var isRepeatedText: Bool
    /// The workspace id of the file the winning version came from.
    public var fileID: Int64
    /// The line of that file the record starts on.
    public var line: Int

    /// Creates a record.
    public init(
        id: RecordID, kind: SourceKind, tool: String, createdAt: Int64, week: ISOWeek, updatedAt: Int64? = nil,
        score: Score? = nil, title: String = "", text: String, originalText: String? = nil, reply: String = "",
        attributes: [String: [String]] = [:], authorHash: String? = nil, textFingerprint: Int64? = nil,
        isRepeatedText: Bool = false, fileID: Int64, line: Int
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
        self.originalText = originalText ?? text
        self.reply = reply
        self.attributes = attributes
        self.authorHash = authorHash
        self.textFingerprint = textFingerprint
        self.isRepeatedText = isRepeatedText
        self.fileID = fileID
        self.line = line
    }

    /// Title and text together, as theme detection and quotes read them.
    public var fullText: String { Self.fullText(title: title, text: text) }

    /// A title and a text joined as ``fullText`` joins a record's.
    public static func fullText(title: String, text: String) -> String {
        if title.isEmpty { return text }
        if text.isEmpty { return title }
        return title + "\n" + text
    }
}
