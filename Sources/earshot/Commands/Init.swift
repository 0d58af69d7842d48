import ArgumentParser
import EarshotModel
import EarshotPipeline
import EarshotStore
import Foundation

extension Earshot {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a workspace: earshot.toml (commented defaults), earshot.sqlite, inbox/ and reports/.",
            discussion: """
                Running it on an existing workspace keeps its earshot.toml and data.

                Example:
                  earshot init ~/feedback
                """)

        @Argument(help: "The folder to create (default: the --workspace folder).")
        var folder: String?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try runReportingErrors {
                let url = folder.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath).standardizedFileURL } ?? global.workspaceURL
                let workspace = try Workspace.create(at: url)
                print("Workspace ready at \(workspace.root.path)")
                print("  configuration: \(workspace.configurationURL.path)")
                print("  drop exports into: \(workspace.inboxURL.path)")
            }
        }
    }
}
