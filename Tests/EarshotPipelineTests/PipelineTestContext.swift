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
}
