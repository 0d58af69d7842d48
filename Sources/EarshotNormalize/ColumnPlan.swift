import EarshotModel

/// Which column of an export means what, worked out once per file.
public struct ColumnPlan: Sendable {
    /// The kind of feedback the file carries.
    public var kind: SourceKind
    /// The column with the source's own id; `nil` means ids are derived from the row's content.
    public var id: Int?
    /// How to cut the id out of the id column's value (Google Play's `reviewId=` inside the review link).
    public var idExtraction: IDExtraction = .wholeCell
    /// The column with the creation time; `nil` when the export has none (old SurveyMonkey files whose publisher
    /// removed the dates), in which case records are dated by the export file's modification time, with a warning.
    public var createdAt: Int?
    /// A column to read the creation time from when `createdAt` is empty (Typeform partials have no submit date).
    public var createdAtFallback: Int? = nil
    /// The creation time's zone when the cell has no offset: from the header, the mapping, else the default.
    public var createdAtZone: String?
    /// A forced day/month order (from a mapping), else decided from the file's values.
    public var createdAtOrder: DayMonthOrder?
    /// The column with the last-update time.
    public var updatedAt: Int?
    /// The title or subject column.
    public var title: Int?
    /// The customer-text columns, joined in order.
    public var text: [Int]
    /// Columns holding agent or company replies, kept apart from the customer's words.
    public var reply: [Int] = []
    /// Jira-style comment columns (`date;accountId;body`), split between customer and agents by their author.
    public var comments: CommentColumns? = nil
    /// The column identifying the author (an e-mail, a user id); stored only as a salted hash.
    public var author: Int? = nil
    /// The score column and its scale.
    public var score: (column: Int, scale: ScoreScale)?
    /// A column that restates the score as an NPS group (Qualtrics `Q4_NPS_GROUP`), used to cross-check the score.
    public var npsGroup: Int? = nil
    /// Attribute columns, by attribute name, with the separator of multi-value cells.
    public var attributes: [AttributeColumn]
    /// Rows that are not responses (Qualtrics `Status` = `Survey Preview`, a Medallia request never answered).
    public var exclusions: [RowExclusion] = []
    /// Whether several rows of a file share one id and together make one record (Zendesk Explore repeats a ticket
    /// once per tag value; the Intercom export has one row per message).
    public var combinesRows: Bool = false
    /// For exports with one row per message: the column saying who wrote it, and the values meaning the customer.
    public var messageAuthorRole: (column: Int, customerValues: Set<String>)? = nil

    /// Creates a plan.
    public init(
        kind: SourceKind, id: Int?, createdAt: Int?, createdAtZone: String? = nil, createdAtOrder: DayMonthOrder? = nil,
        updatedAt: Int? = nil, title: Int? = nil, text: [Int], score: (column: Int, scale: ScoreScale)? = nil,
        attributes: [AttributeColumn] = [], exclusions: [RowExclusion] = []
    ) {
        self.kind = kind
        self.id = id
        self.createdAt = createdAt
        self.createdAtZone = createdAtZone
        self.createdAtOrder = createdAtOrder
        self.updatedAt = updatedAt
        self.title = title
        self.text = text
        self.score = score
        self.attributes = attributes
        self.exclusions = exclusions
    }
}

/// How a record's id is read from its id column.
public enum IDExtraction: Sendable, Hashable {
    /// The trimmed cell.
    case wholeCell
    /// The value of a URL query parameter in the cell (`reviewId` in a Google Play review link); the whole cell
    /// when the parameter is absent.
    case queryParameter(String)
}

/// Jira's repeated `Comment` columns: each cell is `date;accountId;body`.
public struct CommentColumns: Sendable, Hashable {
    /// The `Comment` columns, in order.
    public var columns: [Int]
    /// The column holding the customer's (reporter's) account id: their comments are customer words, the others
    /// are agent replies.
    public var customerAccount: Int?

    /// Creates the description.
    public init(columns: [Int], customerAccount: Int?) {
        self.columns = columns
        self.customerAccount = customerAccount
    }
}

/// A segment column kept on records.
public struct AttributeColumn: Sendable, Hashable {
    /// The attribute's name (`plan`, `tags`).
    public var name: String
    /// The column.
    public var column: Int
    /// How the tool joins several values in one cell, when it does.
    public var separator: MultiValueSeparator?

    /// Creates an attribute column.
    public init(_ name: String, _ column: Int, separator: MultiValueSeparator? = nil) {
        self.name = name
        self.column = column
        self.separator = separator
    }
}

/// A condition that marks a row as something other than a response.
public struct RowExclusion: Sendable, Hashable {
    /// The column the condition reads.
    public var column: Int
    /// The lowercased values that exclude the row; an empty set means "the cell is empty".
    public var values: Set<String>
    /// Why such a row is not a record, for the quarantine.
    public var reason: String

    /// Creates a condition.
    public init(column: Int, values: Set<String>, reason: String) {
        self.column = column
        self.values = values
        self.reason = reason
    }
}

/// Why a plan could not be made for a file.
public struct ColumnPlanError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var fileName: String
    /// What is missing.
    public var message: String

    public var description: String { "\(fileName): \(message)" }
}
