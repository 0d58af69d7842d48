/// A recoverable problem found in the input, with where it was found.
///
/// Fatal problems are thrown errors; everything a run can work around (a bad date, a ragged row, an ambiguous
/// day/month order) is a diagnostic, so the rest of the file goes on.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// Worth knowing; nothing was lost.
        case note
        /// Something was guessed or defaulted; `--strict` makes it an error.
        case warning
        /// A row was quarantined or a file rejected.
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// How serious it is.
    public var severity: Severity
    /// A sentence a user understands.
    public var message: String
    /// Where it was found, when it concerns one place.
    public var location: SourceLocation?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// Compiler style: `export.csv:42:3: warning: message`.
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}

/// A place in an input file: path, 1-based line and, when known, 1-based column.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file's path as the user gave it.
    public var file: String
    /// The 1-based physical line.
    public var line: Int?
    /// The 1-based column (field) number.
    public var column: Int?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is unknown.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }
}
