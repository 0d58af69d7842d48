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

    @Flag(help: "Exit with 65 when any row is quarantined or any file rejected.")
    var strict = false

    /// The workspace folder as a URL.
    var workspaceURL: URL {
        let path = workspace ?? ProcessInfo.processInfo.environment["EARSHOT_WORKSPACE"] ?? FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL
    }

    func makeLogger() -> Logger {
        let level = logLevel.level
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "earshot")
    }

    /// Opens the workspace, takes its lock, and builds a pipeline.
    func makePipeline(delimiter: UInt8? = nil) throws -> (Pipeline, WorkspaceLock, PrintingDiagnosticCollector) {
        var made: (Pipeline, WorkspaceLock, PrintingDiagnosticCollector)?
        try runReportingErrors { made = try openPipeline(delimiter: delimiter) }
        return made!
    }

    private func openPipeline(delimiter: UInt8?) throws -> (Pipeline, WorkspaceLock, PrintingDiagnosticCollector) {
        let logger = makeLogger()
        guard FileManager.default.fileExists(atPath: workspaceURL.appendingPathComponent("earshot.toml").path) else {
            throw EarshotError(.failure, "\(workspaceURL.path) is not an Earshot workspace (no earshot.toml). Create one with: earshot init \(workspaceURL.path)")
        }
        let lock = try WorkspaceLock(workspace: workspaceURL)
        let workspace = try Workspace.open(at: workspaceURL)
        let collector = PrintingDiagnosticCollector()
        return (Pipeline(workspace: workspace, logger: logger, diagnostics: collector, delimiterOverride: delimiter), lock, collector)
    }
}

/// `--log-level` values.
enum LogLevelOption: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .notice }
}

/// Prints diagnostics to stderr as they come, compiler style, up to a limit; counts the rest.
final class PrintingDiagnosticCollector: DiagnosticCollector {
    private let inner = AccumulatingDiagnosticCollector()
    let limit = 25

    func emit(_ diagnostic: Diagnostic) {
        inner.emit(diagnostic)
        let count = inner.diagnostics.count
        if count <= limit {
            FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
        } else if count == limit + 1 {
            FileHandle.standardError.write(Data("… more problems follow; `earshot status` lists every quarantined row\n".utf8))
        }
    }

    var errorCount: Int { inner.diagnostics.filter { $0.severity == .error }.count }
}

/// Runs a command body, turning ``EarshotError`` into its message and exit code.
func runReportingErrors(strict: Bool = false, collector: PrintingDiagnosticCollector? = nil, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as EarshotError {
        FileHandle.standardError.write(Data("earshot: error: \(error.message)\n".utf8))
        throw ExitCode(error.exitCode)
    }
    if strict, let collector, collector.errorCount > 0 {
        FileHandle.standardError.write(Data("earshot: \(collector.errorCount) data problems under --strict\n".utf8))
        throw ExitCode(65)
    }
}

extension ISOWeek: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
