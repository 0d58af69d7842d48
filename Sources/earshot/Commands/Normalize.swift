import ArgumentParser
import EarshotModel
import EarshotPipeline
import EarshotStore

extension Earshot {
    struct Normalize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild the records from every ingested raw row (dates to UTC, scores with scales, duplicates merged).",
            discussion: """
                Replaces the previous records; rerunning it never duplicates anything.

                Example:
                  earshot normalize --workspace ~/feedback
                """)

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (pipeline, lock, collector) = try global.makePipeline()
            try runReportingErrors(strict: global.strict, collector: collector) {
                let summary = try pipeline.normalize()
                print("normalized: \(summary.records) records, \(summary.mergedDuplicates) merged duplicates, \(summary.rejected) rows quarantined, \(summary.repeatedTexts) repeated texts flagged")
            }
            withExtendedLifetime(lock) {}
        }
    }
}
