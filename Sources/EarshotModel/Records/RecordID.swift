/// The stable identity of a record: the source it came from and the id that source gave it.
///
/// The same ticket in Monday's and Tuesday's export has the same `RecordID`, so it becomes one record.
public struct RecordID: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    /// The source name: a built-in tool (`zendesk`) or a mapping name from `earshot.toml`.
    public var source: String
    /// The record's id in its own export (`R_2xR7WQlaabBlA5F`, `48213`).
    public var sourceID: String

    /// Creates an identity from a source name and the source's own id.
    public init(source: String, sourceID: String) {
        self.source = source
        self.sourceID = sourceID
    }

    /// `source:sourceID`, the form used in the workspace and in reports.
    public var description: String { "\(source):\(sourceID)" }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool {
        (lhs.source, lhs.sourceID) < (rhs.source, rhs.sourceID)
    }
}
