import ArgumentParser
import EarshotModel
import EarshotPipeline
import EarshotStore
import Foundation

extension Earshot {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read export files (or every CSV in folders) into the workspace as raw rows.",
            discussion: """
                The tool behind each file is recognised from its header (Qualtrics, SurveyMonkey, Typeform, Google Forms,
                Zendesk, Delighted) or by a [sources.NAME] mapping in earshot.toml. A file already ingested (same SHA-256)
                is skipped. Rows that cannot be parsed are quarantined with their line and reason; the rest goes on.

                Example:
                  earshot ingest --workspace ~/feedback exports/2026-11-16/ extra/delighted.csv
                """)

        @Argument(help: "Files or folders to ingest.", completion: .file())
        var paths: [String]

        @Option(help: "The field separator, overriding detection: ',', ';' or 'tab'.")
        var delimiter: String?

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if let delimiter, DelimiterOption.byte(delimiter) == nil {
                throw ValidationError("--delimiter must be ',', ';' or 'tab', not '\(delimiter)'.")
            }
        }

        func run() throws {
            let (pipeline, lock, collector) = try global.makePipeline(delimiter: delimiter.flatMap(DelimiterOption.byte))
            try runReportingErrors(strict: global.strict, collector: collector) {
                let outcomes = try pipeline.ingest(paths: paths)
                for outcome in outcomes { print(OutcomeText.line(outcome)) }
            }
            withExtendedLifetime(lock) {}
        }
    }
}

enum DelimiterOption {
    static func byte(_ text: String) -> UInt8? {
        switch text {
        case ",": UInt8(ascii: ",")
        case ";": UInt8(ascii: ";")
        case "tab", "\t", "\\t": 0x09
        default: nil
        }
    }
}

enum OutcomeText {
    static func line(_ outcome: Pipeline.FileOutcome) -> String {
        switch outcome {
        case .ingested(let path, let source, let rows, let quarantined):
            "ingested   \(path): \(source), \(rows) rows" + (quarantined > 0 ? ", \(quarantined) quarantined" : "")
        case .alreadyIngested(let path, _):
            "unchanged  \(path): already ingested (same SHA-256), nothing to do"
        case .rejected(let path, let message):
            "rejected   \(path): \(message.split(separator: "\n").first ?? "")"
        }
    }
}
