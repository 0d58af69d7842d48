import EarshotModel
import EarshotReport
import Foundation
import Testing

@Suite struct ReportRendererTests {
    static let week = ISOWeek("2026-W46")!

    static func record(_ id: String, _ text: String, score: Double?, week: ISOWeek = week, source: String = "delighted") -> NormalizedRecord {
        NormalizedRecord(
            id: RecordID(source: source, sourceID: id), kind: .nps, tool: source,
            createdAt: Int64(week.mondayDaysSinceEpoch) * 86_400 + 3600, week: week,
            score: score.flatMap { Score(value: $0, scale: .zeroToTen) }, text: text, fileID: 1, line: 2)
    }

    static func report(texts: [String]) -> WeeklyReport {
        let records = texts.enumerated().map { record("r\($0.offset)", $0.element, score: Double($0.offset % 11)) }
        let theme = Theme(id: "T1", label: "<b>login</b> & \"sso\"", keywords: ["login"], recordCount: records.count)
        let assignments = records.map { ThemeAssignment(recordID: $0.id, themeID: "T1", rank: 1, strength: 1, matchedTerms: ["login"]) }
        let input = ReportInput(
            week: week, timeZone: "UTC", records: records, themes: ThemeModel(themes: [theme], assignments: assignments),
            dataHealth: .init(files: 1, rowsRead: records.count, records: records.count, mergedDuplicates: 0, quarantined: 0,
                              quarantineReasons: [], themedShare: 0),
            provenance: .init(earshotVersion: "test", configSHA256: "abc", inputFiles: [.init(fileName: "<x>.csv", sha256: "00", source: "delighted")]))
        return ReportBuilder().build(input)
    }

    static let hostile = [
        "login broken <script>alert(1)</script> please",
        "login fails <img src=x onerror=alert(1)> again and again",
        "login \"><svg onload=alert(1)> still broken after reset",
        "login [click](javascript:alert(1)) here for the login page",
    ]

    @Test func htmlShowsHostileCustomerTextOnlyAsText() {
        let html = HTMLRenderer().render(Self.report(texts: Self.hostile))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<svg onload"))
        #expect(!html.contains("<b>login"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;login&lt;/b&gt; &amp; &quot;sso&quot;"))
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("&lt;x&gt;.csv"))
    }

    @Test func markdownKeepsHostileTextFromBecomingMarkup() {
        let markdown = MarkdownRenderer().render(Self.report(texts: Self.hostile))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<script\\>"))
        #expect(!markdown.contains("[click](javascript"))
        #expect(!markdown.contains("<html"))
    }

    @Test func quotesRedactPersonalData() {
        let report = Self.report(texts: ["login: write to jane.doe@example.com or call +1 415 555 0134 today please"])
        let quote = report.themes.first?.quotes.first?.text ?? ""
        #expect(quote.contains("[email]"))
        #expect(quote.contains("[phone]"))
        #expect(!quote.contains("jane.doe"))
        #expect(!quote.contains("555"))
    }

    @Test func jsonRoundTripsToTheSameReport() throws {
        let report = Self.report(texts: Self.hostile)
        let json = try JSONRenderer().render(report)
        let decoded = try JSONDecoder().decode(WeeklyReport.self, from: Data(json.utf8))
        #expect(decoded == report)
        #expect(json.contains("\"week\" : \"2026-W46\""))
    }

    @Test func npsHasItsConfidenceIntervalAndAPlainVerdict() {
        // 10 answers: scores 0…9 → detractors 0–6 (7), passives 7–8 (2), promoter 9 (1): NPS = (1 − 7) / 10 = −60.
        let report = Self.report(texts: (0..<10).map { "login \($0)" })
        let nps = report.headline.nps
        #expect(nps?.score == -60)
        #expect(nps?.respondents == 10)
        #expect(nps?.promoters == 1)
        #expect(nps?.detractors == 7)
        // SE = sqrt((0.1 + 0.7 − 0.36) / 10) = 0.2098; × 1.96 × 100 = 41.1 points.
        #expect(nps?.marginOfError == 41.1)
        #expect(report.headline.summary.first?.contains("nothing from last week") == true)
    }

    @Test func themeLinesCountTheWeekAndTheTrend() {
        let report = Self.report(texts: ["login one", "login two", "login three"])
        let line = try? #require(report.themes.first)
        #expect(line?.volume == 3)
        #expect(line?.share == 1)
        #expect(line?.trend == [3], "weeks before the first record are not zero mentions")
        #expect(report.volumeByWeek.count == 1)
        #expect(report.volumeByWeek.last?.records == 3)
        #expect(report.weekStart == "2026-11-09")
        #expect(report.weekEnd == "2026-11-15")
    }
}
