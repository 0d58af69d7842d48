import EarshotModel
import EarshotPipeline
import EarshotStore
import EarshotTestSupport
import Foundation
import Testing

/// What `Fixtures/tools/EXPECTED.json` says one tool fixture must normalize to. The expectations were written with
/// the fixtures, from each tool's documented layout, independently of the code under test.
struct ToolFixtureExpectation: Decodable, Sendable, CustomTestStringConvertible {
    struct Sample: Decodable, Sendable {
        var sourceID: String
        var createdAtUTC: String
        var score: Double?
        var scale: String?
        var title: String?
        var textContains: [String]
        var textExcludes: [String]
        var replyContains: [String]
    }

    var file: String
    var tool: String
    var encoding: String
    var headerRows: Int
    var dataRows: Int
    var records: Int
    var samples: [Sample]
    var mergedAcrossFiles: Int?

    var testDescription: String { file }

    static let all: [ToolFixtureExpectation] = {
        let url = GoldenFile.repositoryRoot().appendingPathComponent("Fixtures/tools/EXPECTED.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([ToolFixtureExpectation].self, from: data)) ?? []
    }()
}

@Suite struct ToolFixtureTests {
    /// Naive dates in the fixtures are Berlin wall-clock times; the reporting zone stays UTC.
    static let configuration = """
        [workspace]
        timezone = "UTC"
        source_timezone = "Europe/Berlin"
        """

    @Test func everyToolHasAFixture() {
        let tools = Set(ToolFixtureExpectation.all.map(\.tool))
        for tool in ["freshdesk", "intercom", "helpscout", "jira", "salesforce", "hubspot", "zendeskexplore", "msforms",
                     "googleplay", "appstore", "trustpilot", "wootric", "medallia"] {
            #expect(tools.contains(tool), "no fixture for \(tool)")
        }
    }

    @Test(arguments: ToolFixtureExpectation.all)
    func fixtureNormalizesAsExpected(_ expected: ToolFixtureExpectation) throws {
        let context = try PipelineTestContext(configuration: Self.configuration)
        let path = PipelineTestContext.fixture("tools/" + expected.file)
        let outcomes = try context.pipeline.ingest(paths: [path])
        guard case .ingested(_, let source, let rows, let quarantined) = try #require(outcomes.first) else {
            Issue.record("\(expected.file) was not ingested: \(outcomes)")
            return
        }
        #expect(source == expected.tool)
        #expect(rows == expected.dataRows)
        #expect(quarantined == 0)
        let file = try #require(try context.workspace.store.importedFiles().first)
        #expect(file.tool == expected.tool)
        #expect(file.encoding == expected.encoding)
        #expect(file.headerRowCount == expected.headerRows)

        let summary = try context.pipeline.normalize()
        #expect(summary.records == expected.records, "\(expected.file)")
        let records = try context.workspace.store.records()
        let status = try context.workspace.store.status()
        #expect(status.files.allSatisfy { $0.records + $0.mergedDuplicates + $0.quarantined == $0.rowsRead })

        for sample in expected.samples {
            let record = try #require(
                records.first { $0.id.sourceID == sample.sourceID }, "\(expected.file): no record \(sample.sourceID)")
            #expect(CivilDateTime(secondsSinceEpoch: record.createdAt).isoUTCTimestamp == sample.createdAtUTC, "\(sample.sourceID)")
            #expect(record.score?.value == sample.score, "\(sample.sourceID) score")
            #expect(record.score?.scale.rawValue == sample.scale, "\(sample.sourceID) scale")
            if let title = sample.title { #expect(record.title == title, "\(sample.sourceID) title") }
            for part in sample.textContains { #expect(record.text.contains(part), "\(sample.sourceID): text lacks \(part)") }
            for part in sample.textExcludes { #expect(!record.text.contains(part), "\(sample.sourceID): text keeps \(part)") }
            for part in sample.replyContains { #expect(record.reply.contains(part), "\(sample.sourceID): reply lacks \(part)") }
            #expect(!record.originalText.isEmpty || record.text.isEmpty)
        }
        // No header or footer line ever becomes a record.
        #expect(!records.contains { $0.text.contains("Grand Totals") || $0.id.sourceID == "Ticket ID" || $0.id.sourceID == "Id" })
    }

    @Test func googlePlayEditsInALaterMonthReplaceTheEarlierVersion() throws {
        let december = try #require(ToolFixtureExpectation.all.first { $0.mergedAcrossFiles != nil })
        let november = try #require(ToolFixtureExpectation.all.first { $0.tool == "googleplay" && $0.mergedAcrossFiles == nil })
        for order in [[november.file, december.file], [december.file, november.file]] {
            let context = try PipelineTestContext(configuration: Self.configuration)
            _ = try context.pipeline.ingest(paths: order.map { PipelineTestContext.fixture("tools/" + $0) })
            let summary = try context.pipeline.normalize()
            #expect(summary.records == december.mergedAcrossFiles)
            let records = try context.workspace.store.records()
            for sample in december.samples {
                let record = try #require(records.first { $0.id.sourceID == sample.sourceID })
                #expect(record.score?.value == sample.score, "\(order): \(sample.sourceID)")
                for part in sample.textContains { #expect(record.text.contains(part), "\(order): \(sample.sourceID) lacks \(part)") }
            }
        }
    }

    @Test func aMappingOverridesTheBuiltInRulesForADocsOnlyLayout() throws {
        let context = try PipelineTestContext(configuration: Self.configuration + """

            [sources.helpdesk]
            files = "hubspot-crm-exports-*.csv"
            kind = "ticket"
            id = "Ticket ID"
            created_at = "Last modified date"
            text = ["Ticket name"]
            attributes = ["Category"]
            multi_value = { Category = "space" }
            """)
        _ = try context.pipeline.ingest(paths: [PipelineTestContext.fixture("tools/hubspot-crm-exports-all-tickets-2026-11-09.csv")])
        let file = try #require(try context.workspace.store.importedFiles().first)
        #expect(file.tool == nil)
        #expect(file.source == "helpdesk")
        _ = try context.pipeline.normalize()
        let records = try context.workspace.store.records()
        #expect(records.count == 10)
        #expect(records.allSatisfy { $0.id.source == "helpdesk" && $0.tool == "mapped" && $0.reply.isEmpty })
        #expect(records.contains { ($0.attributes["Category"]?.count ?? 0) > 1 })
    }
}
