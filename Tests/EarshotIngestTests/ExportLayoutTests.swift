import EarshotIngest
import Testing

@Suite struct ExportLayoutTests {
    @Test func sourceNamePrefersTheMapping() {
        #expect(ExportLayout(tool: .zendesk, mappingName: nil, headerRowCount: 1, columns: []).sourceName == "zendesk")
        #expect(ExportLayout(tool: nil, mappingName: "reviews", headerRowCount: 1, columns: []).sourceName == "reviews")
        #expect(ExportLayout(tool: .zendesk, mappingName: "tickets", headerRowCount: 1, columns: []).sourceName == "tickets")
        #expect(ExportLayout(tool: nil, mappingName: nil, headerRowCount: 1, columns: []).sourceName == "unknown")
    }
}
