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

        // NPS per ISO week, computed by hand from the file (Python, independent of Earshot): each
        // CUSTOMER_RESPONSE_DATE read as dd/mm/yyyy HH:MM in Europe/London, converted to UTC, ISO week taken with
        // isocalendar(); rows with an empty NPS_SCORE skipped; promoters 9–10, detractors 0–6;
        // NPS = 100 × (promoters − detractors) / responses.
        //   week      n   P   D   NPS      week      n   P   D   NPS
        //   2017-W50  19  3  15  -63.2     2018-W12 104  34  56  -21.2
        //   2017-W51  31  4  22  -58.1     2018-W13 121  41  64  -19.0
        //   2017-W52  36  6  26  -55.6     2018-W14  74  22  29   -9.5
        //   2018-W01  34  8  22  -41.2     2018-W15 100  32  47  -15.0
        //   2018-W02  75 16  45  -38.7     2018-W16  80  29  42  -16.2
        //   2018-W03  99 25  61  -36.4     2018-W17 105  42  46   -3.8
        //   2018-W04 136 40  72  -23.5     2018-W18 117  34  67  -28.2
        //   2018-W05 116 31  70  -33.6     2018-W19  96  21  55  -35.4
        //   2018-W06 124 38  69  -25.0     2018-W20  77  27  36  -11.7
        //   2018-W07  91 25  48  -25.3     2018-W21  24  10  13  -12.5
        //   2018-W08 121 28  70  -34.7     2018-W22  64  21  29  -12.5
        //   2018-W09 108 29  62  -30.6     2018-W23  50  13  28  -30.0
        //   2018-W10 127 42  69  -21.3     2018-W24  58  19  24   -8.6
        //   2018-W11 119 29  66  -31.1     2018-W25  47  21  18   +6.4
        let byHand: [(week: String, responses: Int, promoters: Int, detractors: Int)] = [
            ("2017-W50", 19, 3, 15), ("2017-W51", 31, 4, 22), ("2017-W52", 36, 6, 26), ("2018-W01", 34, 8, 22),
            ("2018-W02", 75, 16, 45), ("2018-W03", 99, 25, 61), ("2018-W04", 136, 40, 72), ("2018-W05", 116, 31, 70),
            ("2018-W06", 124, 38, 69), ("2018-W07", 91, 25, 48), ("2018-W08", 121, 28, 70), ("2018-W09", 108, 29, 62),
            ("2018-W10", 127, 42, 69), ("2018-W11", 119, 29, 66), ("2018-W12", 104, 34, 56), ("2018-W13", 121, 41, 64),
            ("2018-W14", 74, 22, 29), ("2018-W15", 100, 32, 47), ("2018-W16", 80, 29, 42), ("2018-W17", 105, 42, 46),
            ("2018-W18", 117, 34, 67), ("2018-W19", 96, 21, 55), ("2018-W20", 77, 27, 36), ("2018-W21", 24, 10, 13),
            ("2018-W22", 64, 21, 29), ("2018-W23", 50, 13, 28), ("2018-W24", 58, 19, 24), ("2018-W25", 47, 21, 18),
        ]
        #expect(byHand.map(\.responses).reduce(0, +) == 2385 - 32)
        for expected in byHand {
            let scored = telecom.filter { $0.week == ISOWeek(expected.week) && $0.score != nil }
            let promoters = scored.filter { $0.score?.npsCategory == .promoter }.count
            let detractors = scored.filter { $0.score?.npsCategory == .detractor }.count
            #expect(scored.count == expected.responses, "\(expected.week) responses")
            #expect(promoters == expected.promoters, "\(expected.week) promoters")
            #expect(detractors == expected.detractors, "\(expected.week) detractors")
            let nps = 100.0 * Double(promoters - detractors) / Double(max(scored.count, 1))
            let byHandNPS = 100.0 * Double(expected.promoters - expected.detractors) / Double(expected.responses)
            #expect(abs(nps - byHandNPS) < 1e-9, "\(expected.week) NPS")
        }

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
