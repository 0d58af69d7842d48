import ArgumentParser
import EarshotModel
import EarshotPipeline
import EarshotStore
import Foundation

extension Earshot {
    struct Themes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Detect recurring themes, or list and show them.",
            discussion: """
                Without a subcommand, detects themes over every record and replaces the previous assignments. A theme
                that recurs keeps its id; new themes get new ids, and every birth, merge, split, rename and dormancy
                is kept in the changelog (`earshot themes show ID`). Curate the taxonomy in earshot.toml's [themes].

                Examples:
                  earshot themes --workspace ~/feedback
                  earshot themes list --workspace ~/feedback
                  earshot themes show T0003 --workspace ~/feedback
                """,
            subcommands: [Detect.self, List.self, Show.self],
            defaultSubcommand: Detect.self)
    }
}

extension Earshot.Themes {
    struct Detect: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Detect themes and assign records to them (the default).")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (pipeline, lock, _) = try global.makePipeline()
            try runReportingErrors {
                let model = try pipeline.detectThemes(reportWeek: pipeline.defaultReportWeek(now: Date()))
                // Counted, not grouped: a copy of every assignment would double the memory of a large run.
                var counts: [String: Int] = [:]
                for assignment in model.assignments { counts[assignment.themeID, default: 0] += 1 }
                print("themes: \(model.themes.count)")
                // The languages are told from the records unless earshot.toml names them: say which were used.
                print("languages: \(try pipeline.workspace.store.themeScoringModel().languages.joined(separator: ", "))")
                for theme in model.themes.sorted(by: { (counts[$0.id] ?? 0, $1.id) > (counts[$1.id] ?? 0, $0.id) }) {
                    print("  \(theme.id)  \(counts[theme.id] ?? 0) records  \(theme.label)  [\(theme.keywords.prefix(5).joined(separator: ", "))]")
                }
            }
            withExtendedLifetime(lock) {}
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every theme: id, records, label, keywords; dormant themes last.",
            discussion: "Example:\n  earshot themes list --workspace ~/feedback --format json")

        @Option(help: "text or json.") var format: OutputFormat = .text
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (pipeline, lock, _) = try global.makePipeline()
            try runReportingErrors {
                let entries = try ThemeInspector(store: pipeline.workspace.store).list()
                switch format {
                case .json: try printJSON(entries)
                case .text:
                    for entry in entries {
                        let pinned = entry.pinnedName == nil ? "" : "  (pinned)"
                        let latest = entry.latestWeek.map { "  \($0): \(entry.latestVolume ?? 0), \(entry.latestVerdict ?? "")" } ?? ""
                        print("\(entry.id)  \(entry.status)  \(entry.records) records  \(entry.label)\(pinned)\(latest)")
                        print("       \(entry.keywords.prefix(8).joined(separator: ", "))")
                    }
                }
            }
            withExtendedLifetime(lock) {}
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one theme: keywords, phrases, its figures and verdict by week, quotes and its changelog.",
            discussion: "Example:\n  earshot themes show T0003 --workspace ~/feedback")

        @Argument(help: "The theme id, as `earshot themes list` shows it.") var id: String
        @Option(help: "text or json.") var format: OutputFormat = .text
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (pipeline, lock, _) = try global.makePipeline()
            try runReportingErrors {
                let detail = try ThemeInspector(store: pipeline.workspace.store).detail(id)
                switch format {
                case .json: try printJSON(detail)
                case .text:
                    print("\(detail.theme.id)  \(detail.theme.label)  (\(detail.theme.status), \(detail.theme.records) records)")
                    print("keywords: \(detail.theme.keywords.joined(separator: ", "))")
                    if !detail.phrases.isEmpty { print("phrases:  \(detail.phrases.joined(separator: ", "))") }
                    print("by week:   volume  share  detractors  NPS impact  frustration  delight  verdict (q)")
                    for figure in detail.weeks where figure.volume > 0 || figure.trend.verdict != .steady {
                        print("  " + WeekLine(figure).text)
                    }
                    print("quotes:")
                    for quote in detail.quotes {
                        print("  [\(quote.recordID), \(quote.week), \(quote.matchedTerms.joined(separator: ", "))]")
                        print("    \(quote.text.prefix(300))")
                    }
                    if !detail.changes.isEmpty {
                        print("changelog:")
                        for change in detail.changes {
                            let related = change.relatedThemeID.map { " \($0)" } ?? ""
                            print("  run \(change.themesRun): \(change.kind)\(related): \(change.evidence)")
                        }
                    }
                }
            }
            withExtendedLifetime(lock) {}
        }
    }
}

/// One week of a theme as `earshot themes show` prints it.
struct WeekLine {
    let text: String

    init(_ figure: ThemeWeek) {
        func percent(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0 * 100) } ?? "–" }
        let impact = figure.npsImpact.map { String(format: "%+.1f", $0) } ?? "–"
        let columns = [
            figure.week.description, String(figure.volume), percent(figure.share), percent(figure.detractorShare),
            impact, String(figure.emotions.frustration), String(figure.emotions.delight),
            "\(figure.trend.verdict.rawValue) (\(String(format: "%.2g", figure.trend.qValue)))",
        ]
        let widths = [8, 7, 6, 11, 11, 12, 8, 0]
        text = zip(columns, widths).map { column, width in
            column.count >= width ? column : String(repeating: " ", count: width - column.count) + column
        }.joined(separator: " ")
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
