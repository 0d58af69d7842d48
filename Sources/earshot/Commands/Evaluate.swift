import ArgumentParser
import EarshotPipeline
import EarshotThemes
import Foundation

extension Earshot {
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the themes against hand labels: NMI, AMI, ARI, mapped macro-F1, coverage, per label.",
            discussion: """
                FILE is a CSV with one row per labelled record: a column with the record's tool id (or SOURCE:ID) and
                a column with its label. Each record's primary theme (rank 1) is compared with its label; records
                with no theme form a cluster of their own that never maps to a label.

                Example:
                  earshot evaluate --workspace ~/feedback --labels sample.csv --id-column tweet_id --label-column reason
                """)

        @Option(help: "The CSV of hand labels.") var labels: String
        @Option(help: "Its column of record ids.") var idColumn: String
        @Option(help: "Its column of labels.") var labelColumn: String
        @Option(help: "text or json.") var format: OutputFormat = .text
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (pipeline, lock, _) = try global.makePipeline()
            try runReportingErrors {
                let (score, unmatched) = try ThemeInspector(store: pipeline.workspace.store)
                    .evaluate(labels: labels, idColumn: idColumn, labelColumn: labelColumn)
                switch format {
                case .json: try printJSON(score)
                case .text:
                    func figure(_ value: Double) -> String { String(format: "%.3f", value) }
                    print("records \(score.records) (labels \(score.labels), themes \(score.themes)); \(unmatched) labels name no record")
                    print("coverage \(String(format: "%.1f%%", score.coverage * 100))  NMI \(figure(score.nmi))  AMI \(figure(score.ami))  ARI \(figure(score.ari))  mapped macro-F1 \(figure(score.mappedMacroF1))")
                    print("label | records | best theme | precision | recall | F1")
                    for label in score.perLabel {
                        print("\(label.label) | \(label.records) | \(label.bestTheme ?? "-") | \(figure(label.precision)) | \(figure(label.recall)) | \(figure(label.f1))")
                    }
                }
            }
            withExtendedLifetime(lock) {}
        }
    }
}
