import EarshotModel
import EarshotPipeline
import EarshotStore
import EarshotTestSupport
import Foundation
import Testing

/// The foundation's acceptance on the real exports and feedback in `../shared/data` (beside the repository, as in CI).
@Suite(.enabled(if: SharedData.folder != nil, "needs ../shared/data beside the repository"))
struct SharedDataAcceptanceTests {
    static var sharedData: URL? { SharedData.folder }

    @Test func everyRealExportIsRecognisedAndYieldsOneRecordPerResponse() throws {
        let exports = try #require(Self.sharedData).appendingPathComponent("exports")
        let context = try PipelineTestContext()
        let outcomes = try context.pipeline.ingest(paths: [exports.path])
        var sources: [String: String] = [:]
        for outcome in outcomes {
            guard case .ingested(let path, let source, _, let quarantined) = outcome else {
                Issue.record("not ingested: \(outcome)")
                continue
            }
            #expect(quarantined == 0)
            sources[URL(fileURLWithPath: path).lastPathComponent] = source
        }
        #expect(sources == [
            "googleforms_sheets_download_crlf.csv": "googleforms",
            "qualtrics_sample_3header_de-labels.csv": "qualtrics",
            "qualtrics_sample_legacy_2header_bom.csv": "qualtrics",
            "surveymonkey_steak_2header.csv": "surveymonkey",
            "typeform_osmi2018_export.csv": "typeform",
        ])
        _ = try context.pipeline.normalize()
        let rows = Dictionary(uniqueKeysWithValues: try context.workspace.store.status().files.map { ($0.fileName, $0.rowsRead) })
        // Data rows only: header rows (Qualtrics 3 and 2, SurveyMonkey 2) never become records.
        #expect(rows["surveymonkey_steak_2header.csv"] == 300)
        #expect(rows["typeform_osmi2018_export.csv"] == 300)
        #expect(rows["qualtrics_sample_3header_de-labels.csv"] == 1)
        #expect(rows["qualtrics_sample_legacy_2header_bom.csv"] == 1)
        let records = try context.workspace.store.records()
        #expect(records.count == 665, "the two Qualtrics samples are the same response R_2YPOQ602ER1jkf1, merged")
        #expect(!records.contains { $0.id.sourceID == "ResponseId" || $0.id.sourceID == "ResponseID" || $0.id.sourceID.hasPrefix("{") })
    }

    @Test func feedbackFilesComeInThroughMappingsWithTheirTimestampsAndWeeks() throws {
        let feedback = try #require(Self.sharedData).appendingPathComponent("feedback")
        let configuration = try String(
            contentsOf: GoldenFile.repositoryRoot().appendingPathComponent("docs/examples/shared-feedback.toml"), encoding: .utf8)
        let context = try PipelineTestContext(configuration: configuration)
        _ = try context.pipeline.ingest(paths: [feedback.path])
        let summary = try context.pipeline.normalize()
        #expect(summary.rejected == 0)
        #expect(summary.mergedDuplicates == 155, "PROVENANCE.md: 155 duplicated tweets")

        let records = try context.workspace.store.records()
        let telecom = records.filter { $0.id.source == "telecom_nps" }
        #expect(telecom.count == 2385)
        // 2017-12-11 to 2018-06-20: 28 ISO weeks, day-first dates (11/04/2018 is 11 April).
        let weeks = Set(telecom.map(\.week))
        #expect(weeks.count == 28)
        #expect(weeks.min() == ISOWeek("2017-W50"))
        #expect(weeks.max() == ISOWeek("2018-W25"))
        #expect(telecom.filter { $0.score != nil }.count == 2385 - 32, "PROVENANCE.md: 32 responses have no score")

        let tweet = try #require(records.first { $0.id == RecordID(source: "airline_tweets", sourceID: "570306133677760513") })
        // 2015-02-24 11:35:52 -0800 is 19:35:52 UTC.
        #expect(tweet.createdAt == 1_424_806_552)
        #expect(tweet.week == ISOWeek("2015-W09"))
        #expect(tweet.attributes["airline"] == ["Virgin America"])
    }
}

enum SharedData {
    static let folder: URL? = {
        let url = GoldenFile.repositoryRoot().deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()
}
