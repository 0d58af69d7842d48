import EarshotModel

/// The feedback tools whose exports Earshot recognises by their header rows.
///
/// Where a tool's CSV layout is only known from its documentation, not from a real file, the case says so: a
/// mapping in `earshot.toml` that matches the file (by name or columns) always wins over the built-in fingerprint,
/// so a user whose export differs can map it without waiting for a release.
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
    /// Layout from the API's field names only: no real CSV was available.
    case delighted
    /// Microsoft Forms, as an Excel "Save as CSV" of its workbook: `Id,Start time,Completion time`.
    case microsoftForms = "msforms"
    /// Freshdesk ticket export: `Ticket ID`, `Subject`, `First response time (in hrs)`; day-first dates.
    case freshdesk
    /// Intercom conversations in the widely used IntercomExport layout, one row per message.
    /// Layout from that tool's documentation: Intercom's own reporting exports are user-shaped.
    case intercom
    /// Help Scout conversation report. Layout from docs only (`Conversation ID`, `Customer Email`…).
    case helpScout = "helpscout"
    /// Jira / Jira Service Management "Export CSV (all fields)": `Issue key`, repeated `Comment` columns.
    case jira
    /// Salesforce cases: a report export (labels, footer lines) or an object export (API names).
    case salesforce
    /// HubSpot tickets export: `Ticket ID`, `Ticket name`. Layout from importers' code and docs only.
    case hubSpot = "hubspot"
    /// Zendesk Explore report: `Ticket ID` plus `Ticket …` attributes, one row per value of a multi-value attribute.
    /// Layout from parsers' code: Explore tables are shaped by the report's author.
    case zendeskExplore = "zendeskexplore"
    /// Google Play Console reviews report (UTF-16): `Package Name`, `Star Rating`, `Review Link`.
    case googlePlay = "googleplay"
    /// App Store reviews as the App Store Connect API names them (`reviewerNickname`, `territory`); Apple has no
    /// CSV export, so this is the layout of a CSV written from the API. Layout from docs only.
    case appStore = "appstore"
    /// Trustpilot business reviews export: `Review Id`, `Review Created (UTC)`, `Review Stars`. Layout from one
    /// script that reproduces the export.
    case trustpilot
    /// Wootric / InMoment NPS responses. Layout from docs only (`End User Email`, `Score`, typed `_amount`,
    /// `_date`, `_array` property columns).
    case wootric
    /// Medallia Agent Connect feedback export: snake_case `request_id`, `star_rating`. Layout from docs only.
    case medallia

    /// The kind of feedback the tool's exports carry.
    public var kind: SourceKind {
        switch self {
        case .zendesk, .freshdesk, .intercom, .helpScout, .jira, .salesforce, .hubSpot, .zendeskExplore: .ticket
        case .delighted, .wootric: .nps
        case .medallia: .csat
        case .googlePlay, .appStore, .trustpilot: .review
        case .qualtrics, .surveyMonkey, .typeform, .googleForms, .microsoftForms: .survey
        }
    }
}
