import ArgumentParser
import EarshotPipeline
import EarshotStore
import Foundation

extension Earshot {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show where every ingested row went: records, merged duplicates, quarantined rows.",
            discussion: """
                For each file, records + merged duplicates + quarantined = rows read (once normalized).

                Example:
                  earshot status --workspace ~/feedback --format json
                """)

        @Option(help: "text or json.")
        var format: StatusFormat = .text

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (pipeline, lock, _) = try global.makePipeline()
            try runReportingErrors {
                let status = try pipeline.workspace.store.status()
                switch format {
                case .json:
                    try printJSON(status)
                case .text:
                    print(StatusText.render(status))
                }
            }
            withExtendedLifetime(lock) {}
        }
    }
}

enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum StatusText {
    static func render(_ status: WorkspaceStatus) -> String {
        var lines = ["\(status.files.count) files, \(status.recordCount) records, \(status.themeCount) themes, \(status.themedRecordCount) records with a theme"]
        for file in status.files {
            var line = "  \(file.fileName) [\(file.source), \(file.encoding)]: \(file.rowsRead) rows = \(file.records) records + \(file.mergedDuplicates) merged + \(file.quarantined) quarantined"
            if file.pending > 0 { line += " (\(file.pending) rows not normalized yet: run earshot normalize)" }
            lines.append(line)
        }
        if !status.quarantinedRows.isEmpty {
            lines.append("quarantined rows:")
            for row in status.quarantinedRows {
                let column = row.fieldNumber.map { ":\($0)" } ?? ""
                lines.append("  \(row.fileName):\(row.line)\(column): [\(row.stage)] \(row.reason)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
