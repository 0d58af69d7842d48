import ArgumentParser
import EarshotModel
import EarshotPipeline
import EarshotStore
import Foundation

extension Earshot {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the weekly report (Markdown, HTML, JSON) to the workspace's reports/ folder.",
            discussion: """
                The default week is the last complete ISO week (in the workspace's time zone) that has records.
                The same workspace and week always give the same bytes.

                Example:
                  earshot report --workspace ~/feedback --week 2026-W46 --format md,html
                """)

        @Option(help: "The ISO week to report, such as 2026-W46.")
        var week: ISOWeek?

        @Option(help: "Comma-separated forms: md, html, json.")
        var format: String = "md,html,json"

        @Option(help: "The folder to write to (default: the workspace's reports/).")
        var output: String?

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            _ = try ReportFormatList.parse(format)
        }

        func run() throws {
            let (pipeline, lock, _) = try global.makePipeline()
            try runReportingErrors {
                let formats = try ReportFormatList.parse(format)
                let folder = output.map { URL(fileURLWithPath: $0) }
                for url in try pipeline.writeReport(week: week, formats: formats, now: Date(), outputFolder: folder) {
                    print(url.path)
                }
            }
            withExtendedLifetime(lock) {}
        }
    }
}

enum ReportFormatList {
    static func parse(_ text: String) throws -> [ReportFormat] {
        try text.split(separator: ",").map { part in
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = ReportFormat(rawValue: name == "markdown" ? "md" : name) else {
                throw ValidationError("--format takes md, html and json, separated by commas; '\(name)' is not one of them.")
            }
            return format
        }
    }
}
