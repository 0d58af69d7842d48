import ArgumentParser
import EarshotModel
import EarshotPipeline
import EarshotStore

extension Earshot {
    struct Themes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Detect recurring themes in the records and assign records to them.",
            discussion: """
                Replaces the previous assignments. Theme ids are derived from each theme's seed term, so a recurring
                theme keeps its id across runs.

                Example:
                  earshot themes --workspace ~/feedback
                """)

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (pipeline, lock, _) = try global.makePipeline()
            try runReportingErrors {
                let model = try pipeline.detectThemes()
                let counts = Dictionary(grouping: model.assignments, by: \.themeID).mapValues(\.count)
                print("themes: \(model.themes.count)")
                for theme in model.themes.sorted(by: { (counts[$0.id] ?? 0, $1.id) > (counts[$1.id] ?? 0, $0.id) }) {
                    print("  \(theme.id)  \(counts[theme.id] ?? 0) records  \(theme.label)  [\(theme.keywords.prefix(5).joined(separator: ", "))]")
                }
            }
            withExtendedLifetime(lock) {}
        }
    }
}
