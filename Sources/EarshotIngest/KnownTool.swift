import EarshotModel

/// The feedback tools whose exports Earshot recognises by their header rows.
public enum KnownTool: String, Sendable, Codable, CaseIterable, Hashable {
    /// Qualtrics survey export: 3 header rows (export tags, question text, ImportId JSON), or 2 in the legacy format.
    case qualtrics
    /// SurveyMonkey "All responses data": 2 header rows, question text carried across blank cells.
    case surveyMonkey = "surveymonkey"
    /// Typeform: `#` token first, `Submit Date (UTC)`.
    case typeform
    /// Google Forms via Sheets: `Timestamp` first.
    case googleForms = "googleforms"
    /// Zendesk Support ticket export: `Summation column`, or the `Id`/`Subject`/`Requester` core.
    case zendesk
    /// Delighted NPS export: `Score` and `Comment` with a response id or `Delighted …` properties.
    case delighted
    /// Microsoft Forms, as an Excel "Save as CSV" of its workbook: `Id,Start time,Completion time`.
    case microsoftForms = "msforms"

    /// The kind of feedback the tool's exports carry.
    public var kind: SourceKind {
        switch self {
        case .zendesk: .ticket
        case .delighted: .nps
        case .qualtrics, .surveyMonkey, .typeform, .googleForms, .microsoftForms: .survey
        }
    }
}
