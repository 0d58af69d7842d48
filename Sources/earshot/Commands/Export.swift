import ArgumentParser
import EarshotModel
import EarshotPipeline
import EarshotStore
import Foundation

extension Earshot {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export records or theme assignments as CSV or JSON Lines.",
            discussion: """
                `themes` writes one row per (record, theme): source_id, source, record_id, theme_id, theme_label,
                rank (1 = the record's strongest theme), strength, matched_terms. Records with no theme are absent.
                `theme-weeks` writes one row per (theme, week): volume, share, NPS groups, nps_impact (NPS of all
                minus NPS without the theme), the points gained if its detractors were passives, sources, records
                per emotion, and the verdict (new, rising, falling, steady, tooFew) with its p- and q-value.
                `records` ends with each record's emotions (frustration, confusion, urgency, delight).
                CSV cells that a spreadsheet would run as formulas are prefixed with '.

                Example:
                  earshot export themes --workspace ~/feedback --format csv --out themes.csv
                """)

        @Argument(help: "What to export: records, themes or theme-weeks.")
        var table: ExportTable

        @Option(help: "csv or jsonl.")
        var format: ExportFormat = .csv

        @Option(help: "The file to write (default: standard output).")
        var out: String?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (pipeline, lock, _) = try global.makePipeline()
            try runReportingErrors {
                let exporter = RecordExporter(store: pipeline.workspace.store)
                if let out {
                    try AtomicFile.write(to: URL(fileURLWithPath: out)) { write in
                        try exporter.export(table.value, format: format.value, to: write)
                    }
                } else {
                    try PieceWriter.write(to: STDOUT_FILENO, naming: "standard output") { write in
                        try exporter.export(table.value, format: format.value, to: write)
                    }
                }
            }
            withExtendedLifetime(lock) {}
        }
    }
}

enum ExportTable: String, ExpressibleByArgument, CaseIterable {
    case records, themes
    case themeWeeks = "theme-weeks"
    var value: RecordExporter.Table {
        switch self {
        case .records: .records
        case .themes: .themes
        case .themeWeeks: .themeWeeks
        }
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, jsonl
    var value: RecordExporter.Format { self == .csv ? .csv : .jsonl }
}
