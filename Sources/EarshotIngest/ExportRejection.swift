import EarshotModel

/// A whole export that Earshot will not ingest, with a sentence that says why and what to do.
public struct ExportRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why a file was rejected.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The file has no bytes.
        case empty
        /// No mapping and no fingerprint matched the header.
        case unknownLayout = "unknown-layout"
        /// The file could not be read.
        case unreadable
        /// The file is not text: a workbook, an archive, or binary data.
        case notText = "not-text"
        /// The file grew, shrank, was replaced or was deleted while it was read.
        case changedWhileReading = "changed-while-reading"
    }

    /// The file.
    public var path: String
    /// Why.
    public var reason: Reason
    /// The full explanation, possibly over several lines (the unknown-layout message carries a mapping template).
    public var message: String

    /// Creates a rejection.
    public init(path: String, reason: Reason, message: String) {
        self.path = path
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
