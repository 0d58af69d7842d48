import EarshotIngest
import EarshotModel
import Testing

@Suite struct KnownToolTests {
    @Test(arguments: [
        ("qualtrics", KnownTool.qualtrics, SourceKind.survey), ("surveymonkey", .surveyMonkey, .survey),
        ("typeform", .typeform, .survey), ("googleforms", .googleForms, .survey), ("zendesk", .zendesk, .ticket),
        ("delighted", .delighted, .nps), ("msforms", .microsoftForms, .survey), ("freshdesk", .freshdesk, .ticket),
        ("intercom", .intercom, .ticket), ("helpscout", .helpScout, .ticket), ("jira", .jira, .ticket),
        ("salesforce", .salesforce, .ticket), ("hubspot", .hubSpot, .ticket), ("zendeskexplore", .zendeskExplore, .ticket),
        ("googleplay", .googlePlay, .review), ("appstore", .appStore, .review), ("trustpilot", .trustpilot, .review),
        ("wootric", .wootric, .nps), ("medallia", .medallia, .csat),
    ])
    func rawValuesAndKinds(raw: String, tool: KnownTool, kind: SourceKind) {
        #expect(KnownTool(rawValue: raw) == tool)
        #expect(tool.rawValue == raw)
        #expect(tool.kind == kind)
    }

    @Test func hasNineteenTools() {
        #expect(KnownTool.allCases.count == 19)
    }
}
