import EarshotModel

/// Which column of an export means what, worked out once per file.
public struct ColumnPlan: Sendable, Hashable {
    /// The kind of feedback the file carries.
    public var kind: SourceKind
    /// The column with the source's own id; `nil` means ids are derived from the row's content.
    public var id: Int?
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
    /// The score column and its scale.
    public var score: (column: Int, scale: ScoreScale)?
    /// Attribute columns, by attribute name.
    public var attributes: [(name: String, column: Int)]
    /// A column and values that mark rows which are not responses (Qualtrics `Status` = `Survey Preview`).
    public var exclusion: (column: Int, values: Set<String>, reason: String)?

    public static func == (lhs: ColumnPlan, rhs: ColumnPlan) -> Bool {
        lhs.kind == rhs.kind && lhs.id == rhs.id && lhs.createdAt == rhs.createdAt && lhs.text == rhs.text
            && lhs.score?.column == rhs.score?.column && lhs.score?.scale == rhs.score?.scale
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name) && lhs.title == rhs.title
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(id)
        hasher.combine(createdAt)
        hasher.combine(text)
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
