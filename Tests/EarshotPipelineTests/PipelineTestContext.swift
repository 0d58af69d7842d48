import EarshotIngest
import EarshotModel
import EarshotPipeline
import EarshotTestSupport
import Foundation
import Logging

/// A fresh workspace in a temporary folder, removed when the context is released.
final class PipelineTestContext {
    let root: URL
    let workspace: Workspace
    let pipeline: Pipeline
    let diagnostics = AccumulatingDiagnosticCollector()
    static let repository = GoldenFile.repositoryRoot()
    /// A fixed clock: reports never depend on when the tests run.
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    init(configuration: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-test-\(UUID().uuidString)")
        try Workspace.create(at: root)
        if let configuration {
            try configuration.write(to: root.appendingPathComponent("earshot.toml"), atomically: true, encoding: .utf8)
        }
        workspace = try Workspace.open(at: root)
        let logger = Logger(label: "earshot-test", factory: { _ in SwiftLogNoOpLogHandler() })
        pipeline = Pipeline(workspace: workspace, logger: logger, diagnostics: diagnostics)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    static func fixture(_ relative: String) -> String {
        repository.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    /// The header and data rows of an export, as the ingest stage reads them.
    static func rows(of path: String) throws -> (header: [String], rows: [[String]]) {
        let reader = FileIngester()
        let inspection = try reader.inspect(path: path)
        var rows: [[String]] = []
        try reader.readRows(of: inspection) { event in
            if case .row(let row) = event { rows.append(row.texts) }
        }
        return (inspection.headerRows[0], rows)
    }

    /// Writes rows as a CSV with every field quoted and CRLF line ends, as spreadsheet exports do.
    static func writeCSV(header: [String], rows: [[String]], to url: URL) throws {
        func quoted(_ row: [String]) -> String {
            row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
        }
        try (([quoted(header)] + rows.map(quoted)).joined(separator: "\r\n") + "\r\n").write(to: url, atomically: true, encoding: .utf8)
    }
}
