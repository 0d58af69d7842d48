import EarshotPipeline
import EarshotStore
import Foundation
import Testing

/// Feedback holds names, e-mails and what customers said: nothing in a workspace may be readable by other users.
@Suite struct WorkspacePermissionsTests {
    @Test func everyWorkspaceFileIsReadableByItsOwnerOnly() throws {
        // Given the test process's umask (usually 022), which would make new files world-readable
        let context = try PipelineTestContext()
        let lock = try WorkspaceLock(workspace: context.root)

        // When a whole run writes the database, its journal, the lock, the salt and the reports
        let summary = try context.pipeline.run(inbox: URL(fileURLWithPath: PipelineTestContext.fixture("sample")), now: PipelineTestContext.now)
        #expect(!summary.reports.isEmpty)
        _ = try context.workspace.store.authorSalt()

        // Then no file or folder under the workspace grants anything to group or others
        let manager = FileManager.default
        var checked: [String] = []
        let walker = try #require(manager.enumerator(atPath: context.root.path))
        for case let relative as String in walker {
            let attributes = try manager.attributesOfItem(atPath: context.root.appendingPathComponent(relative).path)
            let mode = try #require(attributes[.posixPermissions] as? Int)
            #expect(mode & 0o077 == 0, "\(relative) has mode \(String(mode, radix: 8))")
            checked.append(relative)
        }
        let rootMode = try #require(try manager.attributesOfItem(atPath: context.root.path)[.posixPermissions] as? Int)
        #expect(rootMode & 0o077 == 0)
        #expect(checked.contains("earshot.sqlite"))
        #expect(checked.contains(".earshot.lock"))
        #expect(checked.contains { $0.hasPrefix("reports/") })
        withExtendedLifetime(lock) {}
    }
}
