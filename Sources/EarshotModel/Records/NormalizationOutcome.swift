/// Where the rows of a normalization went that did not become records.

/// A data row that normalization could not turn into a record (no date, a survey preview…).
public struct RowRejection: Error, Sendable, Hashable {
    /// The file.
    public var fileID: Int64
    /// The line the row starts on.
    public var line: Int
    /// The 1-based column at fault, when one is.
    public var fieldNumber: Int?
    /// Why, as a sentence.
    public var reason: String
    /// The row's text, shortened.
    public var excerpt: String

    /// Creates a rejection.
    public init(fileID: Int64, line: Int, fieldNumber: Int?, reason: String, excerpt: String) {
        self.fileID = fileID
        self.line = line
        self.fieldNumber = fieldNumber
        self.reason = reason
        self.excerpt = excerpt
    }
}

/// A row that lost to a newer version of the same record.
public struct MergedDuplicate: Sendable, Hashable {
    /// The record it was merged into.
    public var recordID: RecordID
    /// The file of the losing row.
    public var fileID: Int64
    /// The line of the losing row.
    public var line: Int

    /// Creates a merged-duplicate entry.
    public init(recordID: RecordID, fileID: Int64, line: Int) {
        self.recordID = recordID
        self.fileID = fileID
        self.line = line
    }
}

