import ArgumentParser
import EarshotPipeline
import Foundation

extension Earshot {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain which terms put a record in which themes.",
            discussion: """
                The record is named as `earshot export themes` writes it (SOURCE:ID) or by the tool's own id.

                Example:
                  earshot explain zendesk:48218 --workspace ~/feedback
                """)

        @Argument(help: "The record: SOURCE:ID, or the tool's id.") var record: String
        @Option(help: "text or json.") var format: OutputFormat = .text
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (pipeline, lock, _) = try global.makePipeline()
            try runReportingErrors {
                let explanations = try ThemeInspector(store: pipeline.workspace.store).explain(record)
                switch format {
                case .json: try printJSON(explanations)
                case .text:
                    for explanation in explanations {
                        print(explanation.recordID)
                        print("  \(explanation.text.replacingOccurrences(of: "\n", with: "\n  "))")
                        if explanation.matches.isEmpty { print("  no theme: none of its terms is a keyword of any theme") }
                        for match in explanation.matches {
                            print("  #\(match.rank) \(match.themeID) \(match.label)  strength \(match.strength)")
                            print("     matched: \(match.matchedTerms.joined(separator: ", "))")
                            print("     the theme's keywords: \(match.keywords.prefix(12).joined(separator: ", "))")
                        }
                        for emotion in explanation.emotions.keys.sorted() {
                            print("  \(emotion): \(explanation.emotions[emotion]!.joined(separator: ", "))")
                        }
                    }
                }
            }
            withExtendedLifetime(lock) {}
        }
    }
}
