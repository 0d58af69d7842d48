import ArgumentParser
import EarshotModel
import EarshotPipeline
import EarshotStore
import Foundation

extension Earshot {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ingest new exports from the inbox and run every stage that has new input; print the report paths.",
            discussion: """
                This is the command cron runs. Files already ingested are skipped by content hash; the inbox is never
                modified unless --move-processed is given, which moves every file that is in the workspace (rejected
                files stay). Ends with one summary line on stderr.

                Examples:
                  earshot run --workspace ~/feedback --inbox /srv/exports
                  earshot run --workspace ~/feedback --inbox /srv/exports --move-processed /srv/exports/done
                """)

        @Option(help: "The folder of new exports (default: the workspace's inbox/).", completion: .directory)
        var inbox: String?

        @Option(help: "Move each file that is now in the workspace to this folder.", completion: .directory)
        var moveProcessed: String?

        @Option(help: "Comma-separated report forms: md, html, json.")
        var format: String = "md,html,json"

        @Option(help: ArgumentHelp(
            "Run as on this day (YYYY-MM-DD in the reporting time zone) instead of today.",
            discussion: "The report is for the last week complete by then, and themes are detected again when that week moves on. For backfills and reproducible runs."))
        var asOf: String?

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            _ = try ReportFormatList.parse(format)
            if let asOf, Self.midnight(asOf, in: "UTC") == nil {
                throw ValidationError("--as-of \(asOf) is not a day such as 2026-11-23")
            }
        }

        /// Midnight starting `day` in `zoneName`.
        static func midnight(_ day: String, in zoneName: String) -> Date? {
            let parts = day.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard day.count == 10, parts.count == 3, let year = parts[0], let month = parts[1], let dayOfMonth = parts[2],
                  let date = CivilDateTime(year: year, month: month, day: dayOfMonth) else { return nil }
            let zone = TimeZone(identifier: zoneName) ?? TimeZone(identifier: "UTC")!
            let utcMidnight = Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch) * 86_400)
            return utcMidnight.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: utcMidnight)))
        }

        func run() throws {
            let started = Date()
            let (pipeline, lock, collector) = try global.makePipeline()
            try runReportingErrors(strict: global.strict, collector: collector) {
                let now = asOf.flatMap { Self.midnight($0, in: pipeline.workspace.configuration.reportingTimeZone) } ?? Date()
                let summary = try pipeline.run(
                    inbox: inbox.map { URL(fileURLWithPath: $0) }, formats: try ReportFormatList.parse(format), now: now,
                    processedFolder: moveProcessed.map { URL(fileURLWithPath: $0) })
                let status = try pipeline.workspace.store.status()
                let rows = status.files.reduce(0) { $0 + $1.rowsRead }
                let merged = status.files.reduce(0) { $0 + $1.mergedDuplicates }
                let quarantined = status.files.reduce(0) { $0 + $1.quarantined }
                let duration = String(format: "%.2f", Date().timeIntervalSince(started))
                switch global.logFormat {
                case .text:
                    for outcome in summary.files { FileHandle.standardError.write(Data((OutcomeText.line(outcome) + "\n").utf8)) }
                    for url in summary.reports { print(url.path) }
                    let line = "earshot run: files=\(summary.files.count) rows=\(rows) records=\(status.recordCount) duplicates=\(merged) quarantined=\(quarantined) themes=\(status.themeCount) reports=\(summary.reports.count) normalize=\(summary.normalizeMode ?? "-") themes_pass=\(summary.themesMode ?? "-") duration=\(duration)s\n"
                    FileHandle.standardError.write(Data(line.utf8))
                case .json:
                    for url in summary.reports { print(url.path) }
                    JSONLine.write([
                        "time": JSONLogHandler.timestamp(Date()), "level": "notice", "label": "earshot", "message": "earshot run finished",
                        "files": String(summary.files.count), "rows": String(rows), "records": String(status.recordCount),
                        "duplicates": String(merged), "quarantined": String(quarantined), "themes": String(status.themeCount),
                        "reports": summary.reports.map(\.path).joined(separator: " "), "duration_s": duration,
                        "normalize_mode": summary.normalizeMode ?? "", "themes_mode": summary.themesMode ?? "",
                    ])
                }
            }
            withExtendedLifetime(lock) {}
        }
    }
}
