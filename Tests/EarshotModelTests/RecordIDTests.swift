import EarshotModel
import Testing

@Suite struct RecordIDTests {
    @Test func descriptionJoinsSourceAndID() {
        #expect(RecordID(source: "zendesk", sourceID: "48213").description == "zendesk:48213")
    }

    @Test func ordersBySourceThenID() {
        let ids = [
            RecordID(source: "zendesk", sourceID: "1"), RecordID(source: "delighted", sourceID: "b"),
            RecordID(source: "delighted", sourceID: "a"),
        ]
        #expect(ids.sorted().map(\.description) == ["delighted:a", "delighted:b", "zendesk:1"])
    }
}
