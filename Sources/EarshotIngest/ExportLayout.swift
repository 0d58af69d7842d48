import EarshotModel

/// What an export's header rows say: which tool produced it, how many header rows it has, and its column names.
public struct ExportLayout: Sendable, Hashable, Codable {
    /// The built-in tool, when a fingerprint matched.
    public var tool: KnownTool?
    /// The mapping from `earshot.toml` that matched, when one did (a mapping wins over a fingerprint).
    public var mappingName: String?
    /// How many rows at the top of the file are headers, not data.
    public var headerRowCount: Int
    /// The column names, one per column, in order; duplicates and empty names are kept.
    public var columns: [String]
    /// Second names for the columns where the export has them (Qualtrics question text, SurveyMonkey sub-headers).
    public var labels: [String]
    /// Time zones the header names for some columns (Qualtrics row 3 `timeZone`, a `(UTC)` suffix), by column index.
    public var timeZones: [Int: String]

    /// Creates a layout.
    public init(
        tool: KnownTool?, mappingName: String?, headerRowCount: Int, columns: [String], labels: [String] = [],
        timeZones: [Int: String] = [:]
    ) {
        self.tool = tool
        self.mappingName = mappingName
        self.headerRowCount = headerRowCount
        self.columns = columns
        self.labels = labels
        self.timeZones = timeZones
    }

    /// The source name records from this file carry: the mapping's name or the tool's.
    public var sourceName: String { mappingName ?? tool?.rawValue ?? "unknown" }
}
