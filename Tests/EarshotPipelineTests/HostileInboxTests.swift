import EarshotModel
import EarshotPipeline
import EarshotStore
import EarshotTestSupport
import Foundation
import Testing

/// `earshot run --inbox DIR` over an inbox of hostile files: the bad ones are reported and skipped, the good rows all
/// arrive, and every data row read is accounted for as a record, a merged duplicate or a quarantined row.
@Suite struct HostileInboxTests {
    @Test func badFilesAreReportedAndEveryRowIsAccountedFor() throws {
        // Given an inbox with good rows, bad rows, bad files and a symbolic link loop
        let context = try PipelineTestContext()
        let inbox = context.root.appendingPathComponent("hostile-inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: inbox.appendingPathComponent(name))
        }
        let mixed = [
            DelightedRows.header, DelightedRows.row("r1"), DelightedRows.row("r2", comment: "nul\u{0}byte"),
            DelightedRows.header, DelightedRows.row("r3"), DelightedRows.row("r1", comment: "Checkout is still slow.", day: 11),
            "r4,short row", "r5,a@example.com,A,3,\"cut",
        ].joined(separator: "\n")
        try write("delighted-mixed.csv", Array(mixed.utf8))
        try write("empty.csv", [])
        try write("garbage.csv", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 3) })
        try FileManager.default.createSymbolicLink(atPath: inbox.appendingPathComponent("loop.csv").path, withDestinationPath: "loop.csv")
        try FileManager.default.createSymbolicLink(atPath: inbox.appendingPathComponent("again").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: inbox.appendingPathComponent("up").path, withDestinationPath: "..")

        // When the run goes over it
        let summary = try context.pipeline.run(inbox: inbox, now: PipelineTestContext.now)

        // Then the good file is ingested once (the `again` and `up` links lead back to folders already walked)...
        let outcomes = Dictionary(uniqueKeysWithValues: summary.files.map { outcome -> (String, Pipeline.FileOutcome) in
            switch outcome {
            case .ingested(let path, _, _, _), .alreadyIngested(let path, _), .rejected(let path, _):
                ((path as NSString).lastPathComponent, outcome)
            }
        })
        #expect(summary.files.count == 4)
        guard case .ingested(_, _, let rows, let quarantined) = outcomes["delighted-mixed.csv"] else {
            Issue.record("the mixed file was not ingested: \(summary.files)")
            return
        }
        #expect(rows == 7)
        #expect(quarantined == 3)
        // ...and each bad file is rejected with a sentence
        for (name, expected) in [("empty.csv", "empty"), ("garbage.csv", "not text"), ("loop.csv", "symbolic links")] {
            guard case .rejected(_, let message) = outcomes[name] else {
                Issue.record("\(name) was not rejected: \(String(describing: outcomes[name]))")
                continue
            }
            #expect(message.localizedCaseInsensitiveContains(expected) || message.contains("binary"), "\(name): \(message)")
        }

        // And every row read is a record, a merged duplicate or a quarantined row, each quarantine with its line
        let status = try context.workspace.store.status()
        let file = try #require(status.files.first)
        #expect(file.rowsRead == 7)
        #expect(file.records + file.mergedDuplicates + file.quarantined == file.rowsRead)
        #expect(file.records == 2)
        #expect(file.mergedDuplicates == 1)
        // (the NUL byte, the short row and the cut quote at ingest; the repeated header when normalize reads it)
        let quarantine = status.quarantinedRows.map { "\($0.stage)@\($0.line):\($0.fieldNumber.map(String.init) ?? "-")" }
        #expect(quarantine == ["ingest@3:5", "normalize@4:6", "ingest@7:3", "ingest@8:5"])
        let errors = context.diagnostics.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.location?.line == 3 && $0.location?.column == 5 })
    }
}
