import EarshotIngest
import EarshotModel
import EarshotTestSupport
import Foundation
import Testing

@Suite struct FileIngesterTests {
    static let readable = FixtureManifest.all.filter { $0.path != "edge/empty.csv" }

    @Test func manifestListsEveryFixture() throws {
        let manifest = try FixtureManifest.load()
        #expect(manifest.entries.count == 21)
        for entry in manifest.entries {
            #expect(FileManager.default.fileExists(atPath: entry.url.path), "\(entry.path) is missing")
        }
    }

    @Test(arguments: readable)
    func inspectMatchesTheManifest(entry: FixtureManifest.Entry) throws {
        let inspection = try FileIngester().inspect(path: entry.url.path)
        #expect(inspection.encoding.rawValue == entry.encoding)
        #expect(inspection.delimiter == entry.delimiterByte)
        #expect(inspection.fileName == entry.fileName)
        let size = try FileManager.default.attributesOfItem(atPath: entry.url.path)[.size] as? NSNumber
        #expect(inspection.byteCount == size?.int64Value)
        #expect(inspection.sha256.count == 64)
        #expect(inspection.sha256.allSatisfy { "0123456789abcdef".contains($0) })
        if let tool = entry.tool {
            let layout = try #require(inspection.layout)
            #expect(layout.tool == KnownTool(rawValue: tool))
            #expect(layout.tool != nil)
            #expect(layout.mappingName == nil)
            #expect(layout.headerRowCount == entry.headerRows)
            #expect(inspection.headerRows.count == entry.headerRows)
            #expect(layout.sourceName == tool)
        } else {
            #expect(inspection.layout == nil)
        }
    }

    @Test(arguments: readable)
    func readRowsMatchesTheManifest(entry: FixtureManifest.Entry) throws {
        let ingester = FileIngester(detector: LayoutDetector(mappings: TestMappings.all))
        let (inspection, events, count) = try ingester.collect(entry.url.path)
        let layout = try #require(inspection.layout)
        #expect(layout.headerRowCount == entry.headerRows)
        #expect(count == entry.dataRows)
        #expect(events.count == entry.dataRows)

        let quarantinedLines = events.compactMap { event -> Int? in
            if case .quarantined(let line, _) = event { return line }
            return nil
        }
        #expect(quarantinedLines == entry.badRows)
        #expect(events.map(\.line) == events.map(\.line).sorted())
        if let first = events.first { #expect(first.line > entry.headerRows) }

        let rows = events.compactMap(\.row)
        for row in rows { #expect(row.count == layout.columns.count) }
        guard let firstRow = rows.first else {
            #expect(entry.dataRows == 0)
            return
        }
        if let idName = idColumnName(for: entry) {
            let idColumn = try #require(layout.columns.map(HeaderName.normalize).firstIndex(of: idName))
            #expect(firstRow[idColumn] == entry.firstId)
            if let lastEvent = events.last, let lastRow = lastEvent.row {
                #expect(lastRow[idColumn] == entry.lastId)
            }
        } else {
            #expect(entry.firstId == nil)
        }
        if let firstText = entry.firstText {
            #expect(firstRow.contains(firstText), "first row of \(entry.path) lacks its firstText")
        }
    }

    @Test func emptyFileIsRejectedAsEmpty() throws {
        let entry = try #require(FixtureManifest.shared.entry("edge/empty.csv"))
        let error = try #require(throws: ExportRejection.self) { try FileIngester().inspect(path: entry.url.path) }
        #expect(error.reason == .empty)
        #expect(error.path == entry.url.path)
        #expect(error.message.contains("empty"))
    }

    @Test func missingFileIsRejectedAsUnreadable() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-missing-\(UUID().uuidString).csv").path
        let error = try #require(throws: ExportRejection.self) { try FileIngester().inspect(path: path) }
        #expect(error.reason == .unreadable)
    }

    @Test func mappedFixturesUseTheirMapping() throws {
        let ingester = FileIngester(detector: LayoutDetector(mappings: TestMappings.all))
        let reviews = try ingester.inspect(path: FixturePaths.url("mapped/app_reviews_2026.csv").path)
        #expect(reviews.layout?.mappingName == "app_reviews")
        #expect(reviews.layout?.tool == nil)
        #expect(reviews.layout?.sourceName == "app_reviews")
        let unknown = try ingester.inspect(path: FixturePaths.url("edge/unknown_tool.csv").path)
        #expect(unknown.layout?.mappingName == "feedback")
        #expect(unknown.layout?.columns == ["feedback_uid", "submitted_on", "customer_tier", "feedback_body", "rating_1_to_5"])
    }

    @Test func unknownLayoutRejectionShowsTheHeaderAndAMappingTemplate() throws {
        let inspection = try FileIngester().inspect(path: FixturePaths.url("edge/unknown_tool.csv").path)
        #expect(inspection.layout == nil)
        let rejection = FileIngester.unknownLayoutRejection(for: inspection)
        #expect(rejection.reason == .unknownLayout)
        let message = rejection.message
        #expect(message.contains("\"feedback_uid\", \"submitted_on\", \"customer_tier\", \"feedback_body\", \"rating_1_to_5\""))
        #expect(message.contains("5 columns, utf-8, separator ','"))
        #expect(message.contains("[sources.unknown_tool]"))
        #expect(message.contains("files = \"unknown_tool.csv\""))
        #expect(message.contains("id = \"feedback_uid\""))
        #expect(message.contains("created_at = \"submitted_on\""))
        #expect(message.contains("text = [\"feedback_body\"]"))
        #expect(message.contains("# score = \"rating_1_to_5\""))
        #expect(rejection.description.hasPrefix(inspection.path + ": "))
    }

    @Test func readRowsOfAnUnknownLayoutThrowsTheRejection() throws {
        let inspection = try FileIngester().inspect(path: FixturePaths.url("edge/unknown_tool.csv").path)
        var handled = 0
        let error = try #require(throws: ExportRejection.self) {
            try FileIngester().readRows(of: inspection) { _ in handled += 1 }
        }
        #expect(error.reason == .unknownLayout)
        #expect(error.message.contains("[sources."))
        #expect(handled == 0)
    }

    @Test func crlfFileKeepsBareLFInsideQuotesAndReadsTheLastRowWithoutFinalNewline() throws {
        let (_, events, _) = try FileIngester().collect(FixturePaths.url("edge/crlf_lf_in_quotes_googleforms.csv").path)
        let rows = events.compactMap(\.row)
        #expect(rows.count == 6)
        #expect(events.map(\.line) == [2, 5, 8, 9, 12, 14])
        #expect(rows[0] == [
            "10/7/2026 9:03:12", "maya.iyer@example.com", "2",
            "Two-factor codes arrive late.\nBy the time the SMS comes the code has expired,\nso I can't log in before standup.",
            "Team",
        ])
        #expect(rows[1][3] == "Export to CSV.\n\nIt is missing the Priority and Tags columns, and we need both for reporting.")
        #expect(rows[5] == [
            "11/14/2026 10:02:43", "kasia.novak@example.org", "3 - Neutral",
            "Google Calendar sync stopped working,\ndeadlines don't show up in my calendar anymore.\n\nPlease fix, we plan our week around it.",
            "Business",
        ])
        for row in rows { for field in row { #expect(!field.contains("\r")) } }
    }

    @Test func unterminatedQuoteInTheMiddleQuarantinesItsLineAndReadsTheRest() throws {
        let (inspection, events, count) = try FileIngester().collect(FixturePaths.url("edge/unterminated_quote_zendesk.csv").path)
        #expect(count == 6)
        #expect(events.map(\.line) == [2, 5, 6, 7, 8, 9])
        #expect(events[3] == .quarantined(line: 7, column: 42))  // the Description field the quote opened
        let idColumn = try #require(inspection.layout?.columns.firstIndex(of: "Id"))
        #expect(events.compactMap { $0.row?[idColumn] } == ["48793", "48799", "48800", "48811", "48820"])
    }

    @Test func unterminatedQuoteAtTheEndQuarantinesTheLastRow() throws {
        let (_, events, _) = try FileIngester().collect(FixturePaths.url("edge/unterminated_quote_at_end_delighted.csv").path)
        #expect(events.count == 5)
        #expect(events.last == .quarantined(line: 6, column: 5))
        #expect(events.compactMap { $0.row?[0] } == ["a41c9e07d2", "5d2f8b6c10", "e8b3a0f47c", "0f7d1c9a3e"])
    }

    @Test func raggedRowsAreQuarantinedWithTheColumnWhereTheyDiffer() throws {
        let (_, events, _) = try FileIngester().collect(FixturePaths.url("edge/ragged_rows_delighted.csv").path)
        #expect(events.filter { if case .quarantined = $0 { true } else { false } } == [
            .quarantined(line: 4, column: 7), .quarantined(line: 6, column: 12),
        ])
        #expect(events.compactMap { $0.row?[0] } == ["b1e4c7a902", "6c0a9d3e5f", "d83f2b6a14", "f2d6b8e0c3"])
    }

    @Test func quarantinedRowsCarryReasonAndExcerpt() throws {
        let ingester = FileIngester()
        let inspection = try ingester.inspect(path: FixturePaths.url("edge/ragged_rows_delighted.csv").path)
        var reasons: [String] = []
        var excerpts: [[UInt8]] = []
        try ingester.readRows(of: inspection) { event in
            if case .quarantined(_, _, let reason, let excerpt) = event {
                reasons.append(reason)
                excerpts.append(excerpt)
            }
        }
        #expect(reasons == ["expected 11 fields as in the header, found 6", "expected 11 fields as in the header, found 12"])
        let decoded = excerpts.map { RowEncoding.decode($0) ?? [] }
        #expect(decoded.first?.first == Array("7c1e0a9b3f".utf8))
    }

    @Test func utf16LittleAndBigEndianGiveIdenticalRows() throws {
        let little = try FileIngester().collect(FixturePaths.url("edge/utf16le_delighted.csv").path)
        let big = try FileIngester().collect(FixturePaths.url("edge/utf16be_delighted.csv").path)
        #expect(little.inspection.encoding == .utf16LE)
        #expect(big.inspection.encoding == .utf16BE)
        #expect(little.events.count == 5)
        #expect(little.events == big.events)
        #expect(little.inspection.headerRows == big.inspection.headerRows)
        #expect(little.inspection.headerRows.first?.first == "Response ID")
        let rows = little.events.compactMap(\.row)
        #expect(rows[0][2] == "Ren\u{E9}e Dubois")
        #expect(rows[0][4] == "Tr\u{E8}s pratique ! The clean interface is easy to use and my team loves it \u{1F642}")
        #expect(rows[1][2] == "Zo\u{EB} Marsh")
        #expect(rows[4][4] == "Calendar integration stopped working: my Outlook events don\u{2019}t show up anymore.\nAlso the \u{201C}sync\u{201D} takes ages on iOS.")
        #expect(rows[4][10] == "PT")
    }

    @Test func windows1252FileDecodesThroughTexts() throws {
        let (inspection, events, _) = try FileIngester().collect(FixturePaths.url("edge/windows1252_msforms.csv").path)
        #expect(inspection.encoding == .windows1252)
        let rows = events.compactMap(\.row)
        #expect(rows.count == 6)
        #expect(rows[0][6] == "It\u{2019}s easy to use, but the Team plan at \u{20AC}12 per seat is too expensive for our caf\u{E9}.")
        #expect(rows[2][6] == "We were double charged in October (2 \u{D7} \u{20AC}96), the refund is still \u{201C}pending\u{201D}.")
        #expect(rows[3][4] == "H\u{E9}l\u{E8}ne Moreau")
        #expect(rows[4][6] == "Calendar integration stopped working \u{2013} nothing from Outlook shows up since last week.")
        // The rows are already UTF-8: the transcoder ran, so the bytes are valid UTF-8.
        if case .row(_, let fields) = events[0] {
            #expect(String(validating: fields[6], as: UTF8.self) != nil)
        }
    }

    @Test func byteOrderMarkIsNotPartOfTheFirstHeader() throws {
        let inspection = try FileIngester().inspect(path: FixturePaths.url("edge/bom_qualtrics_legacy_2header.csv").path)
        #expect(inspection.encoding == .utf8BOM)
        #expect(inspection.headerRows.first?.first == "V1")
        #expect(inspection.layout?.columns.first == "ResponseID")
    }

    @Test(arguments: [
        "sample/zendesk_tickets.csv", "sample/surveymonkey_2header.csv", "sample/qualtrics_nps_3header.csv",
        "edge/crlf_lf_in_quotes_googleforms.csv", "edge/utf16le_delighted.csv", "edge/utf16be_delighted.csv",
        "edge/windows1252_msforms.csv", "edge/unterminated_quote_zendesk.csv", "edge/bom_qualtrics_legacy_2header.csv",
        "edge/semicolon_delighted.csv", "edge/unterminated_quote_at_end_delighted.csv",
    ])
    func smallChunksGiveTheSameRowsAsTheDefault(path: String) throws {
        let url = FixturePaths.url(path).path
        let reference = try FileIngester().collect(url)
        #expect(!reference.events.isEmpty)
        for chunkSize in [1, 2, 7, 64] {
            let small = try FileIngester(chunkSize: chunkSize).collect(url)
            #expect(small.events == reference.events, "chunk size \(chunkSize)")
            #expect(small.inspection == reference.inspection, "chunk size \(chunkSize)")
        }
    }

    @Test func delimiterOverrideWinsOverSniffing() throws {
        let path = FixturePaths.url("edge/semicolon_delighted.csv").path
        #expect(try FileIngester().inspect(path: path).delimiter == UInt8(ascii: ";"))
        let forced = try FileIngester(delimiterOverride: UInt8(ascii: ",")).inspect(path: path)
        #expect(forced.delimiter == UInt8(ascii: ","))
        #expect(forced.layout == nil)
    }

    @Test func semicolonFileKeepsCommasAndQuotedSemicolons() throws {
        let (_, events, _) = try FileIngester().collect(FixturePaths.url("edge/semicolon_delighted.csv").path)
        let rows = events.compactMap(\.row)
        #expect(rows.count == 5)
        #expect(rows[0][4] == "Easy to use, clean interface, but the Team plan is a bit expensive for us")
        #expect(rows[2][4] == "Export is broken; the CSV has no Assignee column, no Tags column")
    }

    @Test func sameBytesGiveTheSameHash() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = FixturePaths.url("sample/delighted_nps.csv")
        let copy = try folder.write("copy.csv", Array(try Data(contentsOf: source)))
        let original = try FileIngester().inspect(path: source.path)
        let copied = try FileIngester().inspect(path: copy)
        #expect(original.sha256 == copied.sha256)
        let other = try FileIngester().inspect(path: FixturePaths.url("edge/semicolon_delighted.csv").path)
        #expect(other.sha256 != original.sha256)
        // SHA-256 of "abc\n".
        let tiny = try folder.write("tiny.csv", "abc\n")
        #expect(try FileIngester().inspect(path: tiny).sha256 == "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb")
    }
}
