import EarshotIngest
import EarshotModel
import Testing

@Suite struct KnownToolTests {
    @Test(arguments: [
        ("qualtrics", KnownTool.qualtrics, SourceKind.survey), ("surveymonkey", .surveyMonkey, .survey),
        ("typeform", .typeform, .survey), ("googleforms", .googleForms, .survey), ("zendesk", .zendesk, .ticket),
        ("delighted", .delighted, .nps), ("msforms", .microsoftForms, .survey),
    ])
    func rawValuesAndKinds(raw: String, tool: KnownTool, kind: SourceKind) {
        #expect(KnownTool(rawValue: raw) == tool)
        #expect(tool.rawValue == raw)
        #expect(tool.kind == kind)
    }

    @Test func hasSevenTools() {
        #expect(KnownTool.allCases.count == 7)
    }
}
