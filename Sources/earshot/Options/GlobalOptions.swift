import ArgumentParser
import EarshotModel
import EarshotPipeline
import Foundation
import Logging

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The workspace folder (default: $EARSHOT_WORKSPACE, else the current folder).")
    var workspace: String?

    @Option(help: "The least severe log level written to stderr.")
    var logLevel: LogLevelOption = .notice

    @Option(help: "How stderr is written: text for people, json for log collectors (one JSON object a line).")
    var logFormat: LogFormat = .text

    @Flag(help: "Exit with 65 when any row is quarantined or any file rejected.")
    var strict = false

    /// The workspace folder as a URL.
    var workspaceURL: URL {
        let path = workspace ?? ProcessInfo.processInfo.environment["EARSHOT_WORKSPACE"] ?? FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL
    }

    func makeLogger() -> Logger {
        let level = logLevel.level
        let format = logFormat
        LoggingSystem.bootstrap { label in
            switch format {
            case .json:
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        return Logger(label: "earshot")
    }

    /// Opens the workspace, takes its lock, and builds a pipeline.
    func makePipeline(delimiter: UInt8? = nil) throws -> (Pipeline, WorkspaceLock, PrintingDiagnosticCollector) {
        var made: (Pipeline, WorkspaceLock, PrintingDiagnosticCollector)?
        try runReportingErrors(format: logFormat) { made = try openPipeline(delimiter: delimiter) }
        return made!
    }

    private func openPipeline(delimiter: UInt8?) throws -> (Pipeline, WorkspaceLock, PrintingDiagnosticCollector) {
        let logger = makeLogger()
        guard FileManager.default.fileExists(atPath: workspaceURL.appendingPathComponent("earshot.toml").path) else {
            throw EarshotError(.failure, "\(workspaceURL.path) is not an Earshot workspace (no earshot.toml). Create one with: earshot init \(workspaceURL.path)")
        }
        let lock = try WorkspaceLock(workspace: workspaceURL)
        let workspace = try Workspace.open(at: workspaceURL)
        let collector = PrintingDiagnosticCollector(format: logFormat)
        var pipeline = Pipeline(workspace: workspace, logger: logger, diagnostics: collector, delimiterOverride: delimiter)
        if logFormat == .text && TerminalProgressBar.isWanted { pipeline.progress = TerminalProgressBar() }
        return (pipeline, lock, collector)
    }
}

extension LogFormat: ExpressibleByArgument {}

/// `--log-level` values.
enum LogLevelOption: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .notice }
}

/// Prints diagnostics to stderr as they come, compiler style, up to a limit; counts the rest.
final class PrintingDiagnosticCollector: DiagnosticCollector {
    private let inner = AccumulatingDiagnosticCollector()
    let limit = 25
    let format: LogFormat

    init(format: LogFormat = .text) {
        self.format = format
    }

    func emit(_ diagnostic: Diagnostic) {
        inner.emit(diagnostic)
        let count = inner.diagnostics.count
        if count <= limit {
            switch format {
            case .text:
                FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
            case .json:
                var fields = ["time": JSONLogHandler.timestamp(Date()), "level": diagnostic.severity.rawValue, "label": "earshot",
                              "message": diagnostic.message]
                if let location = diagnostic.location {
                    fields["file"] = location.file
                    if let line = location.line { fields["line"] = String(line) }
                    if let column = location.column { fields["column"] = String(column) }
                }
                JSONLine.write(fields)
            }
        } else if count == limit + 1 {
            let notice = "more problems follow; `earshot status` lists every quarantined row"
            switch format {
            case .text: FileHandle.standardError.write(Data("… \(notice)\n".utf8))
            case .json: JSONLine.write(["time": JSONLogHandler.timestamp(Date()), "level": "notice", "label": "earshot", "message": notice])
            }
        }
    }

    var errorCount: Int { inner.diagnostics.filter { $0.severity == .error }.count }
}

/// Runs a command body, turning ``EarshotError`` into its message and exit code.
func runReportingErrors(
    strict: Bool = false, collector: PrintingDiagnosticCollector? = nil, format: LogFormat? = nil, _ body: () throws -> Void
) throws {
    let format = format ?? collector?.format ?? .text
    func say(_ level: String, _ message: String) {
        switch format {
        case .text: FileHandle.standardError.write(Data("earshot: \(level == "error" ? "error: " : "")\(message)\n".utf8))
        case .json: JSONLine.write(["time": JSONLogHandler.timestamp(Date()), "level": level, "label": "earshot", "message": message])
        }
    }
    do {
        try body()
    } catch let error as EarshotError {
        say("error", error.message)
        throw ExitCode(error.exitCode)
    }
    if strict, let collector, collector.errorCount > 0 {
        say("error", "\(collector.errorCount) data problems under --strict")
        throw ExitCode(65)
    }
}

extension ISOWeek: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
