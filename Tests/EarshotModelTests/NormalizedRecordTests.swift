import EarshotModel
import Testing

@Suite struct NormalizedRecordTests {
    private func record(title: String, text: String) -> NormalizedRecord {
        NormalizedRecord(
            id: RecordID(source: "zendesk", sourceID: "1"), kind: .ticket, tool: "zendesk", createdAt: 0,
            week: ISOWeek(year: 1970, week: 1), title: title, text: text, fileID: 1, line: 2)
    }

    @Test(arguments: [
        ("Login broken", "I cannot log in.", "Login broken\nI cannot log in."),
        ("", "Only text", "Only text"),
        ("Only title", "", "Only title"),
        ("", "", ""),
    ])
    func fullTextJoinsTitleAndText(title: String, text: String, expected: String) {
        #expect(record(title: title, text: text).fullText == expected)
    }
}
