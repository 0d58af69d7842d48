import EarshotIngest
import EarshotModel
import EarshotPipeline
import EarshotStore
import EarshotTestSupport
import Foundation
import Testing

@Suite struct EndToEndTests {
    @Test func sampleExportsBecomeThreeReportsMatchingTheirGoldens() throws {
        // Given a workspace fed the bundled sample exports
        let context = try PipelineTestContext()
        let summary = try context.pipeline.run(inbox: URL(fileURLWithPath: PipelineTestContext.fixture("sample")), now: PipelineTestContext.now)

        // Then every file was ingested and the three reports for the last complete week were written
        #expect(summary.files.count == 6)
        #expect(summary.files.allSatisfy { if case .ingested = $0 { true } else { false } })
        #expect(summary.reports.map(\.lastPathComponent) == ["2026-W46.md", "2026-W46.html", "2026-W46.json"])
        for url in summary.reports {
            let text = try String(contentsOf: url, encoding: .utf8)
            let mismatch = GoldenFile.mismatch(text, golden: "2026-W46/report.\(url.pathExtension)")
            #expect(mismatch == nil, "\(mismatch ?? "")")
        }
    }

    @Test func theReportIsTheSameBytesWhenWrittenTwice() throws {
        let context = try PipelineTestContext()
        _ = try context.pipeline.run(inbox: URL(fileURLWithPath: PipelineTestContext.fixture("sample")), now: PipelineTestContext.now)
        let first = try context.pipeline.writeReport(week: ISOWeek("2026-W45"), formats: ReportFormat.allCases, now: PipelineTestContext.now)
            .map { try Data(contentsOf: $0) }
        _ = try context.pipeline.normalize()
        try context.pipeline.detectThemes()
        let second = try context.pipeline.writeReport(week: ISOWeek("2026-W45"), formats: ReportFormat.allCases, now: PipelineTestContext.now)
            .map { try Data(contentsOf: $0) }
        #expect(first == second)
        #expect(first.count == 3)
    }

    @Test func feedingTheSampleTwiceGivesTheSameCountsAsOnce() throws {
        let context = try PipelineTestContext()
        let sample = PipelineTestContext.fixture("sample")
        _ = try context.pipeline.run(inbox: URL(fileURLWithPath: sample), now: PipelineTestContext.now)
        let once = try context.workspace.store.status()

        let again = try context.pipeline.run(inbox: URL(fileURLWithPath: sample), now: PipelineTestContext.now)
        let twice = try context.workspace.store.status()

        #expect(again.files.allSatisfy { if case .alreadyIngested = $0 { true } else { false } })
        #expect(again.normalize == nil, "nothing new was ingested, so normalize must not run")
        #expect(once == twice)
        #expect(twice.recordCount == 369)
    }

    @Test func everyDataRowIsARecordAMergedDuplicateOrQuarantined() throws {
        let context = try PipelineTestContext()
        let outcomes = try context.pipeline.ingest(paths: [PipelineTestContext.fixture("sample"), PipelineTestContext.fixture("edge")])
        _ = try context.pipeline.normalize()
        let status = try context.workspace.store.status()

        let rejected = outcomes.compactMap { if case .rejected(let path, _) = $0 { URL(fileURLWithPath: path).lastPathComponent } else { nil } }
        #expect(rejected == ["empty.csv", "unknown_tool.csv"])
        #expect(status.files.count == outcomes.count - 2)
        for file in status.files {
            #expect(file.records + file.mergedDuplicates + file.quarantined == file.rowsRead, "\(file.fileName)")
            #expect(file.pending == 0)
        }
        // The UTF-16 BE and LE files hold the same Delighted responses: one set of records, the other merged.
        let utf16 = status.files.filter { $0.fileName.hasPrefix("utf16") }
        #expect(utf16.map(\.records).reduce(0, +) == 5)
        #expect(utf16.map(\.mergedDuplicates).reduce(0, +) == 5)
    }

    @Test func rerunningAStageReplacesItsOutput() throws {
        let context = try PipelineTestContext()
        _ = try context.pipeline.ingest(paths: [PipelineTestContext.fixture("sample")])
        let first = try context.pipeline.normalize()
        let themes = try context.pipeline.detectThemes()
        let second = try context.pipeline.normalize()
        let themesAgain = try context.pipeline.detectThemes()

        #expect(first == second)
        #expect(try context.workspace.store.status().recordCount == first.records)
        #expect(themes == themesAgain)
        #expect(try context.workspace.store.themeModel().assignments.count == themes.assignments.count)
    }

    @Test func aMappedExportReadsItsDayFirstDates() throws {
        let configuration = """
            [workspace]
            timezone = "Europe/London"

            [sources.app_reviews]
            files = "app_reviews_*.csv"
            kind = "review"
            id = "review_id"
            created_at = "posted"
            title = "title"
            text = ["body"]
            score = "stars"
            scale = "1-5"
            attributes = ["app_version", "country"]
            """
        let context = try PipelineTestContext(configuration: configuration)
        let outcomes = try context.pipeline.ingest(paths: [PipelineTestContext.fixture("mapped/app_reviews_2026.csv")])
        #expect(outcomes == [.ingested(path: PipelineTestContext.fixture("mapped/app_reviews_2026.csv"), source: "app_reviews", rows: 20, quarantined: 0)])
        _ = try context.pipeline.normalize()
        let records = try context.workspace.store.records()
        #expect(records.count == 20)
        #expect(records.allSatisfy { $0.kind == .review && $0.score?.scale == .oneToFive && $0.attributes["country"] != nil })
        // Every date lies in the fixtures' window, which a month-first reading of a day over 12 could not give.
        let window = Int64(1_791_158_400)...Int64(1_795_305_599)  // 2026-10-05 … 2026-11-22
        #expect(records.allSatisfy { window.contains($0.createdAt) })
        #expect(context.diagnostics.diagnostics.filter { $0.severity != .note }.isEmpty)
    }

    @Test func shuffledRowsGiveTheSameThemeExport() throws {
        let original = PipelineTestContext.fixture("sample/delighted_nps.csv")
        // Shuffle whole CSV records (some comments span lines), then write them back quoted.
        var (header, rows) = try PipelineTestContext.rows(of: original)
        var generator = SplitMix64(seed: 7)
        rows.shuffle(using: &generator)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-shuffle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shuffled = folder.appendingPathComponent("delighted_nps.csv")
        try PipelineTestContext.writeCSV(header: header, rows: rows, to: shuffled)
        #expect(rows.count == 70)

        func export(_ path: String) throws -> String {
            let context = try PipelineTestContext()
            _ = try context.pipeline.ingest(paths: [path])
            _ = try context.pipeline.normalize()
            try context.pipeline.detectThemes()
            return try RecordExporter(store: context.workspace.store).export(.themes, format: .csv)
        }
        let expected = try export(original)
        #expect(try export(shuffled.path) == expected)
        #expect(expected.hasPrefix("source_id,source,record_id,theme_id,theme_label,rank,strength,matched_terms\r\n"))
        #expect(expected.split(separator: "\r\n").count > 20)
    }
}

/// A seeded generator, so the shuffle is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
