import EarshotPipeline
import EarshotStore
import Foundation
import Testing

/// `[ingest] max_field_bytes`: the longest field ingest keeps, which also bounds its memory.
@Suite struct FieldSizeLimitTests {
    @Test func defaultLimitIsOneMebibyte() throws {
        #expect(WorkspaceConfiguration.defaults.maxFieldBytes == 1 << 20)
        #expect(try WorkspaceConfiguration(toml: WorkspaceConfiguration.template).maxFieldBytes == 1 << 20)
        #expect(try WorkspaceConfiguration(toml: "[ingest]\nmax_field_bytes = 4096\n").maxFieldBytes == 4096)
    }

    @Test(arguments: ["0", "-5", "\"1MB\"", "2147483648"])
    func limitThatIsNotABytesCountIsAnError(_ value: String) throws {
        let error = try #require(throws: EarshotError.self) {
            try WorkspaceConfiguration(toml: "[ingest]\nmax_field_bytes = \(value)\n", path: "ws/earshot.toml")
        }
        #expect(error.message.hasPrefix("ws/earshot.toml: [ingest] max_field_bytes must be a whole number of bytes"))
    }

    @Test func fieldOverTheConfiguredLimitIsQuarantinedWithItsLine() throws {
        // Given a workspace that accepts fields of up to 64 bytes
        let context = try PipelineTestContext(configuration: "[ingest]\nmax_field_bytes = 64\n")
        let inbox = context.root.appendingPathComponent("limit-inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let long = String(repeating: "slow ", count: 20)
        let rows = [
            DelightedRows.header, DelightedRows.row("r1"), DelightedRows.row("r2", comment: long),
            DelightedRows.row("r3"),
        ]
        try (rows.joined(separator: "\n") + "\n").write(to: inbox.appendingPathComponent("limit.csv"), atomically: true, encoding: .utf8)

        // When it is run
        _ = try context.pipeline.run(inbox: inbox, now: PipelineTestContext.now)

        // Then the row with the long comment is quarantined at line 3, column 5, and the others are records
        let status = try context.workspace.store.status()
        #expect(status.recordCount == 2)
        let quarantined = try #require(status.quarantinedRows.first)
        #expect(status.quarantinedRows.count == 1)
        #expect(quarantined.line == 3)
        #expect(quarantined.fieldNumber == 5)
        #expect(quarantined.reason.contains("64-byte limit"))
    }
}
