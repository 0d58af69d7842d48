import ArgumentParser
import Foundation

/// The `earshot` command: a thin layer over `EarshotPipeline`.
@main
struct Earshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "earshot",
        abstract: "Turn customer-feedback CSV exports into a weekly report of recurring themes.",
        discussion: """
            Earshot reads the CSV exports of feedback tools (NPS, surveys, support tickets, reviews), normalizes them
            into one record shape, finds recurring themes, and writes a weekly report in Markdown, HTML and JSON.
            Every stage stores its output in the workspace (a folder with earshot.toml and earshot.sqlite), so each
            can be rerun alone.

            Example, from nothing to a report:
              earshot init ~/feedback
              earshot run --workspace ~/feedback --inbox ~/Downloads/exports

            Exit codes: 0 success, 65 data errors under --strict, 74 I/O error, 75 another run holds the
            workspace, 1 anything else.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Ingest.self, Normalize.self, Themes.self, Report.self, Run.self, Status.self, Export.self, Explain.self,
            Evaluate.self,
        ])

    /// Runs the command with a umask of 077.
    ///
    /// The library already creates the workspace's files owner-only; the umask also covers what it does not create
    /// itself (SQLite's temporary files, an export written with `--output`), since feedback holds personal data.
    static func main() {
        umask(0o077)
        main(nil)
    }
}
