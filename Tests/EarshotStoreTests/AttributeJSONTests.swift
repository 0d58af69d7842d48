import Testing

@testable import EarshotStore

/// The hand-written encoder must give the bytes JSONEncoder gives (sorted keys), since stored attributes are compared
/// and hashed as text.
@Suite struct AttributeJSONTests {
    @Test(arguments: [
        [:],
        ["plan": ["Team"]],
        ["plan": ["Team"], "country": ["DE"], "tags": ["billing", "bug", "renewal"], "Änderung": ["ja"], "a b": []],
        ["quote": ["she said \"no\"", "back\\slash", "line\nbreak\r\ttab", "\u{1}control", "über 😀 / slash"]],
        ["zeta": ["1"], "Zeta": ["2"], "éclair": ["3"], "eclair": ["4"], "10": ["5"], "9": ["6"]],
        ["b": ["1"], "B": ["2"], "a1": ["3"], "a": ["4"], "_x": ["5"], "10": ["6"], "9": ["7"], "a b": ["8"]],
    ] as [[String: [String]]])
    func encodesAsJSONEncoderDoes(attributes: [String: [String]]) {
        #expect(AttributeJSON.encode(attributes) == JSONText.encode(attributes))
    }

    @Test func listsEncodeAsJSONEncoderDoes() {
        let list = ["lost luggage", "\"quoted\"", "tab\there", ""]
        #expect(AttributeJSON.encode(list) == JSONText.encode(list))
    }
}
