/// A CSV file could not be read at all (as opposed to a bad row, which is quarantined).
public struct CSVReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path.
    public var path: String
    /// What went wrong, as a sentence.
    public var reason: String
    /// The operating system's error number, when the failure came from the system.
    public var errno: Int32?

    /// Creates an error.
    public init(path: String, reason: String, errno: Int32? = nil) {
        self.path = path
        self.reason = reason
        self.errno = errno
    }

    public var description: String { "\(path): \(reason)" }
}
