import EarshotIngest
import EarshotModel
import EarshotTestSupport
import Foundation
import Testing

@Suite struct LayoutDetectorTests {
    private func layout(_ path: String, mappings: [SourceMapping] = []) throws -> ExportLayout {
        let inspection = try FileIngester(detector: LayoutDetector(mappings: mappings)).inspect(path: FixturePaths.url(path).path)
        return try #require(inspection.layout)
    }

    @Test func qualtricsSampleTakesTimeZonesFromTheImportIdRow() throws {
        let layout = try layout("sample/qualtrics_nps_3header.csv")
        #expect(layout.tool == .qualtrics)
        #expect(layout.headerRowCount == 3)
        #expect(layout.timeZones == [0: "America/Denver", 1: "America/Denver", 7: "America/Denver"])
        #expect(layout.columns[7] == "RecordedDate")
        #expect(layout.columns.count == 21)
        #expect(layout.labels.count == 21)
        #expect(layout.labels[17] == "How likely are you to recommend Tandem to a friend or colleague?")
    }

    @Test func qualtricsEdgeFileUsesEuropeZurich() throws {
        let layout = try layout("edge/qualtrics_3header_tz.csv")
        #expect(layout.headerRowCount == 3)
        #expect(layout.timeZones == [0: "Europe/Zurich", 1: "Europe/Zurich", 7: "Europe/Zurich"])
        #expect(layout.labels[17].hasPrefix("Before we start\nYour answers are only used"))
        #expect(layout.labels.filter { $0 == "Timing - First Click" }.count == 2)
    }

    @Test func legacyQualtricsUsesTheSecondRowAsColumnNames() throws {
        let layout = try layout("edge/bom_qualtrics_legacy_2header.csv")
        #expect(layout.tool == .qualtrics)
        #expect(layout.headerRowCount == 2)
        #expect(layout.columns.count == 16)
        #expect(Array(layout.columns.prefix(3)) == ["ResponseID", "ResponseSet", "Name"])
        #expect(layout.columns.last == "")
        #expect(Array(layout.labels.prefix(2)) == ["V1", "V2"])
        #expect(layout.timeZones.isEmpty)
    }

    @Test func surveyMonkeyCarriesTheQuestionAcrossBlankCells() throws {
        let layout = try layout("sample/surveymonkey_2header.csv")
        #expect(layout.tool == .surveyMonkey)
        #expect(layout.headerRowCount == 2)
        #expect(layout.columns == [
            "Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
            "Last Name", "Custom Data 1", "How likely is it that you would recommend Tandem to a friend or colleague?",
            "What could we do better?", "Which apps do you use? - Web", "Which apps do you use? - iOS",
            "Which apps do you use? - Android",
        ])
        #expect(layout.labels[9] == "Response")
        #expect(layout.labels[13] == "Android")
    }

    @Test func duplicateHeaderNamesAreAllKeptInOrder() throws {
        let layout = try layout("edge/typeform_duplicate_headers.csv")
        #expect(layout.tool == .typeform)
        #expect(layout.columns.count == 21)
        #expect(layout.columns.indices.filter { layout.columns[$0] == "Other" } == [6, 10, 13])
        #expect(layout.columns.indices.filter { layout.columns[$0] == "Web" } == [3, 11])
        #expect(layout.columns[14] == "")
        #expect(layout.columns[1] == "*How likely are you to recommend Tandem?*")
        #expect(layout.timeZones == [16: "UTC", 17: "UTC", 18: "UTC"])
    }

    @Test func delightedMarksTheUTCColumn() throws {
        let layout = try layout("sample/delighted_nps.csv")
        #expect(layout.tool == .delighted)
        #expect(layout.timeZones == [5: "UTC"])
    }

    @Test(arguments: [
        (["Timestamp", "Email Address", "Rate us"], KnownTool.googleForms),
        (["Id", "Start time", "Completion time", "Email"], .microsoftForms),
        (["Id", "Subject", "Requester", "Created at", "Updated at"], .zendesk),
        (["Summation column", "Ticket"], .zendesk),
        (["Response ID", "Score", "Comment"], .delighted),
        (["Score", "Comment", "Delighted Source"], .delighted),
        (["#", "Q", "Submit Date (UTC)"], .typeform),
        (["RespondentID", "CollectorID", "StartDate"], .surveyMonkey),
        (["\u{FEFF}StartDate", "EndDate", "Status"], .qualtrics),
    ])
    func fingerprints(header: [String], tool: KnownTool) throws {
        let layout = try #require(LayoutDetector().detect(fileName: "export.csv", firstRows: [header]))
        #expect(layout.tool == tool)
        #expect(layout.columns == header)
    }

    @Test(arguments: [
        [String](), ["Score", "Comment"], ["feedback_uid", "submitted_on"], ["Id", "Subject"],
    ])
    func unknownHeadersHaveNoLayout(header: [String]) {
        #expect(LayoutDetector().detect(fileName: "export.csv", firstRows: [header]) == nil)
    }

    @Test func noRowsHaveNoLayout() {
        #expect(LayoutDetector().detect(fileName: "export.csv", firstRows: []) == nil)
    }

    @Test func aMappingWinsOverAFingerprint() throws {
        let mapping = SourceMapping(name: "nps_mirror", filePattern: "mirror_*.csv", kind: .nps, createdAtColumn: "Created At (UTC)", textColumns: ["Comment"], headerRowCount: 0)
        let detector = LayoutDetector(mappings: [mapping])
        let header = ["Response ID", "Score", "Comment", "Created At (UTC)"]
        let mapped = try #require(detector.detect(fileName: "mirror_2026.csv", firstRows: [header]))
        #expect(mapped.mappingName == "nps_mirror")
        #expect(mapped.tool == nil)
        #expect(mapped.headerRowCount == 1)
        let builtIn = try #require(detector.detect(fileName: "delighted.csv", firstRows: [header]))
        #expect(builtIn.tool == .delighted)
        #expect(builtIn.mappingName == nil)
    }

    @Test func requiredColumnsMatchNormalizedHeaders() throws {
        let mapping = SourceMapping(name: "feedback", requiredColumns: ["<b>Feedback_UID</b>", "*feedback_body*"], kind: .survey, createdAtColumn: "submitted_on", textColumns: ["feedback_body"], headerRowCount: 2)
        let detector = LayoutDetector(mappings: [mapping])
        let layout = try #require(detector.detect(fileName: "any.csv", firstRows: [["FEEDBACK_UID", " feedback_body ", "x"]]))
        #expect(layout.mappingName == "feedback")
        #expect(layout.headerRowCount == 2)
        #expect(detector.detect(fileName: "any.csv", firstRows: [["feedback_uid", "x"]]) == nil)
    }

    @Test func mappingWithoutPatternOrColumnsNeverMatches() {
        let mapping = SourceMapping(name: "empty", kind: .survey, createdAtColumn: "date", textColumns: ["text"])
        #expect(LayoutDetector(mappings: [mapping]).detect(fileName: "a.csv", firstRows: [["date", "text"]]) == nil)
    }
}
