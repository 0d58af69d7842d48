import EarshotIngest
import Foundation
import Testing

@Suite struct ReportFooterTests {
    @Test(arguments: [
        [""], ["Grand Totals (5700 records)"], ["Confidential Information - Do Not Distribute"],
        ["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."],
        ["Copyright © 2000-2026 salesforce.com, inc. All rights reserved."], ["  "],
    ])
    func salesforceFooterLinesAreRecognised(_ cells: [String]) {
        #expect(ReportFooter.isSalesforceFooter(cells))
    }

    @Test(arguments: [
        ["00001026", "Printer jam"], ["Grand Totals are wrong on my invoice"], ["Copyright notice missing from export"],
    ])
    func dataIsNotAFooter(_ cells: [String]) {
        #expect(!ReportFooter.isSalesforceFooter(cells))
    }

    @Test func salesforceReportFooterNeverBecomesARow() throws {
        let text = """
            "Case Number","Subject","Status","Date/Time Opened","Description"\r
            "00001026","Invoice totals wrong","New","11/3/2026 9:05 AM","Grand totals on the PDF do not add up"\r
            "00001027","Login loop","Closed","11/4/2026 2:10 PM","SSO sends me back to the login page"\r
            \r
            "Grand Totals (2 records)"\r
            \r
            "Confidential Information - Do Not Distribute"\r
            "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\r

            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sf-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let ingester = FileIngester()
        let inspection = try ingester.inspect(path: url.path)
        #expect(inspection.layout?.tool == .salesforce)
        var rows: [[String]] = []
        var quarantined = 0
        let count = try ingester.readRows(of: inspection) { event in
            switch event {
            case .row(let row): rows.append(row.texts)
            case .quarantined: quarantined += 1
            }
        }
        #expect(count == 2)
        #expect(quarantined == 0)
        #expect(rows.map { $0[0] } == ["00001026", "00001027"])
    }
}
