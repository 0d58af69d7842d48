/// A fatal problem, with the sentence the user sees and the exit code cron sees.
public struct EarshotError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it is; it decides the exit code.
    public enum Kind: Sendable, Hashable {
        /// Input data was rejected under `--strict` (exit 65).
        case dataError
        /// A file could not be read or written (exit 74).
        case ioError
        /// Another run holds the workspace (exit 75).
        case locked
        /// Anything else: bad configuration, no workspace (exit 1).
        case failure
    }

    /// The kind.
    public var kind: Kind
    /// The sentence shown to the user.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The process exit code for this error.
    public var exitCode: Int32 {
        switch kind {
        case .dataError: 65
        case .ioError: 74
        case .locked: 75
        case .failure: 1
        }
    }

    /// A configuration problem.
    public static func configuration(_ message: String) -> EarshotError { EarshotError(.failure, message) }

    public var description: String { message }
}
