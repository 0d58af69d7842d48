import EarshotModel

/// What normalization needs to know about one ingested export.
public struct ExportFile: Sendable, Hashable {
    /// The workspace id.
    public var id: Int64
    /// The file name, for messages.
    public var fileName: String
    /// The built-in tool (`qualtrics`…), or `nil` for a mapped file.
    public var tool: String?
    /// The source name records carry.
    public var source: String
    /// Column names.
    public var columns: [String]
    /// Second header names (Qualtrics question text, SurveyMonkey sub-headers).
    public var labels: [String]
    /// Time zones the header names, by column index.
    public var timeZones: [Int: String]
    /// The mapping from `earshot.toml`, for a mapped file.
    public var mapping: SourceMapping?
    /// The file's modification time when it was ingested (seconds since 1970 UTC): the date of last resort.
    public var modifiedAt: Int64

    /// Creates a description.
    public init(
        id: Int64, fileName: String, tool: String?, source: String, columns: [String], labels: [String] = [],
        timeZones: [Int: String] = [:], mapping: SourceMapping? = nil, modifiedAt: Int64 = 0
    ) {
        self.modifiedAt = modifiedAt
        self.id = id
        self.fileName = fileName
        self.tool = tool
        self.source = source
        self.columns = columns
        self.labels = labels
        self.timeZones = timeZones
        self.mapping = mapping
    }
}
