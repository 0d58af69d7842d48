import EarshotModel
import EarshotNormalize
import Testing

@Suite struct ColumnPlannerTests {
    @Test func qualtricsPlanFindsScoreTextAndExclusion() throws {
        let export = try TestExport.fixture("sample/qualtrics_nps_3header.csv", id: 1, tool: "qualtrics", headerRows: 3)
        let sample = export.rows.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } }
        let plan = try ColumnPlanner().plan(for: export.file, sample: sample)
        #expect(plan.kind == .nps)
        #expect(plan.id == 8)
        #expect(plan.createdAt == 7)
        #expect(plan.createdAtZone == "America/Denver")
        #expect(plan.score?.column == 17)
        #expect(plan.score?.scale == .zeroToTen)
        #expect(plan.text == [19])
        #expect(plan.attributes.map(\.name) == ["plan"])
        #expect(plan.exclusions.first?.column == 2)
        #expect(plan.exclusions.first?.values.contains("survey preview") == true)
    }

    @Test func zendeskPlanUsesFixedColumns() throws {
        let columns = ["Summation column", "Id", "Subject", "Created at", "Updated at", "Satisfaction Score", "Description [txt]", "Product area [list]", "Status"]
        let file = ExportFile(id: 1, fileName: "z.csv", tool: "zendesk", source: "zendesk", columns: columns)
        let plan = try ColumnPlanner().plan(for: file, sample: [])
        #expect(plan.kind == .ticket)
        #expect(plan.id == 1)
        #expect(plan.title == 2)
        #expect(plan.createdAt == 3)
        #expect(plan.updatedAt == 4)
        #expect(plan.score?.column == 5)
        #expect(plan.score?.scale == .goodBad)
        #expect(plan.text == [6])
        #expect(plan.attributes.map(\.name) == ["status", "product area"])
        #expect(plan.attributes.map(\.column) == [8, 7])
    }

    @Test func missingRequiredColumnThrows() throws {
        let file = ExportFile(id: 1, fileName: "z.csv", tool: "zendesk", source: "zendesk", columns: ["Id", "Subject"])
        let error = try #require(throws: ColumnPlanError.self) { try ColumnPlanner().plan(for: file, sample: []) }
        #expect(error.fileName == "z.csv")
        #expect(error.message.contains("Created at"))
        #expect(error.description == "z.csv: " + error.message)
    }

    @Test func unknownToolThrows() throws {
        let file = ExportFile(id: 1, fileName: "x.csv", tool: "gorgias", source: "gorgias", columns: ["Key"])
        let error = try #require(throws: ColumnPlanError.self) { try ColumnPlanner().plan(for: file, sample: []) }
        #expect(error.message == "no column rules for tool 'gorgias'")
    }

    @Test func mappedPlanFollowsTheMapping() throws {
        let mapping = TestMappings.appReviews(format: "day-first")
        let file = ExportFile(
            id: 1, fileName: "app_reviews_2026.csv", tool: nil, source: "app_reviews",
            columns: ["review_id", "posted", "stars", "title", "body", "app_version", "country"], mapping: mapping)
        let plan = try ColumnPlanner().plan(for: file, sample: [])
        #expect(plan.kind == .review)
        #expect(plan.id == 0)
        #expect(plan.createdAt == 1)
        #expect(plan.createdAtOrder == .dayFirst)
        #expect(plan.score?.column == 2)
        #expect(plan.score?.scale == .oneToFive)
        #expect(plan.title == 3)
        #expect(plan.text == [4])
        #expect(plan.attributes.map(\.name) == ["app_version", "country"])
        #expect(plan.attributes.map(\.column) == [5, 6])
    }
}
