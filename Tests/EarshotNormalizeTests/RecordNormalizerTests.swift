import EarshotModel
import EarshotNormalize
import EarshotTestSupport
import Testing

@Suite struct RecordNormalizerTests {
    private static func qualtrics(id: Int64 = 1) throws -> TestExport {
        try TestExport.fixture("sample/qualtrics_nps_3header.csv", id: id, tool: "qualtrics", headerRows: 3)
    }

    private static func zendesk(id: Int64 = 2) throws -> TestExport {
        try TestExport.fixture("sample/zendesk_tickets.csv", id: id, tool: "zendesk")
    }

    private static func delighted(id: Int64 = 3) throws -> TestExport {
        try TestExport.fixture("sample/delighted_nps.csv", id: id, tool: "delighted")
    }

    private func record(_ result: NormalizationResult, _ source: String, _ id: String) throws -> NormalizedRecord {
        try #require(result.records.first { $0.id == RecordID(source: source, sourceID: id) })
    }

    @Test func helperCSVReaderMatchesTheManifest() throws {
        for (path, tool, headerRows) in [
            ("sample/qualtrics_nps_3header.csv", "qualtrics", 3), ("sample/zendesk_tickets.csv", "zendesk", 1),
            ("sample/delighted_nps.csv", "delighted", 1), ("sample/typeform_export.csv", "typeform", 1),
            ("sample/googleforms_responses.csv", "googleforms", 1), ("mapped/app_reviews_2026.csv", "mapped", 1),
        ] {
            let entry = try #require(FixtureManifest.shared.entry(path))
            let export = try TestExport.fixture(path, id: 1, tool: tool, headerRows: headerRows)
            #expect(export.rows.count == entry.dataRows, "\(path)")
            #expect(export.rows.allSatisfy { $0.fields.count == export.file.columns.count }, "\(path)")
        }
    }

    @Test func qualtricsSampleDropsThePreviewRow() throws {
        let result = try RecordNormalizer().normalize([try Self.qualtrics()])
        #expect(result.records.count == 69)
        #expect(result.rejected.count == 1)
        let rejection = try #require(result.rejected.first)
        #expect(rejection.reason == "Qualtrics survey preview or spam, not a response")
        #expect(rejection.fieldNumber == 3)
        #expect(rejection.fileID == 1)
        #expect(rejection.excerpt.contains("R_wZps6GqJSTUvBFq"))
        #expect(!result.records.contains { $0.id.sourceID == "R_wZps6GqJSTUvBFq" })
        #expect(result.merged.isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func qualtricsRecordsAreConvertedFromAmericaDenver() throws {
        // The default source zone is UTC; the ImportId row says America/Denver (MDT, UTC-6).
        let result = try RecordNormalizer(reportingTimeZone: "UTC", defaultSourceTimeZone: "UTC").normalize([try Self.qualtrics()])
        let first = try record(result, "qualtrics", "R_xq9il1fVWU0XKnc")
        #expect(first.createdAt == utc(2026, 10, 5, 16, 29, 11))
        #expect(first.week == ISOWeek(year: 2026, week: 41))
        #expect(first.kind == .nps)
        #expect(first.tool == "qualtrics")
        #expect(first.score == Score(value: 2, scale: .zeroToTen))
        #expect(first.text == "Three crashes today alone, all after the update.")
        #expect(first.attributes["plan"] == ["Free"])
        #expect(first.fileID == 1)
        #expect(first.line == 4)
        let last = try record(result, "qualtrics", "R_uJXF7ISpegRGfJA")
        #expect(last.createdAt == utc(2026, 11, 15, 20, 0, 33))
        #expect(last.week == ISOWeek(year: 2026, week: 46))
    }

    @Test func qualtricsScoresMatchTheFile() throws {
        let result = try RecordNormalizer().normalize([try Self.qualtrics()])
        let scores = result.records.compactMap(\.score)
        #expect(scores.count == 69)
        #expect(scores.allSatisfy { $0.scale == .zeroToTen })
        #expect(result.records.filter { $0.text.isEmpty }.count == 4)
    }

    @Test func zendeskTicketsHaveSubjectTitlesAndDescriptions() throws {
        let entry = try #require(FixtureManifest.shared.entry("sample/zendesk_tickets.csv"))
        let result = try RecordNormalizer().normalize([try Self.zendesk()])
        #expect(result.records.count == 80)
        #expect(result.rejected.isEmpty)
        #expect(result.records.allSatisfy { $0.kind == .ticket && $0.tool == "zendesk" && !$0.title.isEmpty })
        let first = try record(result, "zendesk", "48218")
        #expect(first.title == "Empty CSV export")
        #expect(first.originalText == entry.firstText)
        // The cleaned text is the same words without the mail client's boilerplate line.
        let exported = try #require(entry.firstText)
        #expect(exported.hasSuffix("\n\nSent from my iPhone"))
        #expect(first.text == String(exported.dropLast("\n\nSent from my iPhone".count)))
        #expect(first.createdAt == utc(2026, 10, 5, 14, 55, 58))
        #expect(first.updatedAt == utc(2026, 10, 8, 10, 49, 58))
        #expect(first.score == nil)
        #expect(first.attributes == [
            "status": ["Closed"], "priority": ["Normal"], "tags": ["export"], "ticket type": ["Question"], "group": ["Support"],
            "via": ["Chat"], "organization": ["Maple Street Dental"], "product area": ["Export"],
        ])
        #expect(try record(result, "zendesk", "48220").score == Score(value: 1, scale: .goodBad))
        #expect(result.records.filter { $0.score?.value == 1 }.count == 27)
        #expect(result.records.filter { $0.score?.value == 0 }.count == 8)
        #expect(result.records.filter { $0.score == nil }.count == 45)
    }

    @Test func zendeskDatesUseTheDefaultSourceZone() throws {
        let result = try RecordNormalizer(defaultSourceTimeZone: "America/New_York").normalize([try Self.zendesk()])
        #expect(try record(result, "zendesk", "48218").createdAt == utc(2026, 10, 5, 18, 55, 58))
    }

    @Test func delightedScoresAreZeroToTenAndItsDatesUTC() throws {
        let result = try RecordNormalizer(defaultSourceTimeZone: "Asia/Tokyo").normalize([try Self.delighted()])
        #expect(result.records.count == 70)
        #expect(result.records.allSatisfy { $0.kind == .nps && $0.score?.scale == .zeroToTen })
        let first = try record(result, "delighted", "02f533d395")
        #expect(first.score == Score(value: 6, scale: .zeroToTen))
        #expect(first.createdAt == utc(2026, 10, 5, 11, 4, 14))
        #expect(first.attributes["plan"] == ["Free"])
        #expect(first.attributes["delighted country"] == ["GB"])
        #expect(first.attributes["email"] == nil)
        #expect(first.attributes["name"] == nil)
        #expect(try record(result, "delighted", "2c90414235").score?.value == 3)
        #expect(result.records.filter { $0.text.isEmpty }.count == 6)
    }

    @Test func samplesTogetherGiveRecordsPerSource() throws {
        let exports = [
            try Self.qualtrics(id: 1), try Self.zendesk(id: 2), try Self.delighted(id: 3),
            try TestExport.fixture("sample/typeform_export.csv", id: 4, tool: "typeform"),
            try TestExport.fixture("sample/googleforms_responses.csv", id: 5, tool: "googleforms"),
        ]
        let result = try RecordNormalizer().normalize(exports)
        var counts: [String: Int] = [:]
        for record in result.records { counts[record.id.source, default: 0] += 1 }
        #expect(counts == ["qualtrics": 69, "zendesk": 80, "delighted": 70, "typeform": 50, "googleforms": 50])
        #expect(result.records.map(\.id) == result.records.map(\.id).sorted())
        let weeks = Set(result.records.map(\.week))
        #expect(weeks == Set((41...46).map { ISOWeek(year: 2026, week: $0) }))
    }

    @Test func typeformPartialsFallBackToTheStartDate() throws {
        let result = try RecordNormalizer().normalize([try TestExport.fixture("sample/typeform_export.csv", id: 4, tool: "typeform")])
        #expect(result.records.count == 50)
        #expect(try record(result, "typeform", "ps5k1z6isku30yf0c8whqxk62axujgk2").createdAt == utc(2026, 10, 10, 9, 1, 50))
        let first = try record(result, "typeform", "r6th10eue20b5enc4djjhnrjqc9uo3v5")
        #expect(first.createdAt == utc(2026, 10, 5, 10, 9, 2))
        #expect(first.score == Score(value: 7, scale: .zeroToTen))
        #expect(first.kind == .nps)
    }

    @Test func googleFormsRowsGetStableContentIDsAndMonthFirstDates() throws {
        let export = try TestExport.fixture("sample/googleforms_responses.csv", id: 5, tool: "googleforms")
        let result = try RecordNormalizer().normalize([export])
        #expect(result.records.count == 50)
        #expect(result.diagnostics.isEmpty)
        #expect(result.records.allSatisfy { $0.id.sourceID.hasPrefix("row-") && $0.id.sourceID.count == 20 })
        #expect(result.records.allSatisfy { $0.kind == .csat && $0.score?.scale == .oneToFive })
        let first = try #require(result.records.first { $0.line == 2 })
        #expect(first.createdAt == utc(2026, 10, 6, 10, 34, 45))
        #expect(first.text == "It crashes evry time I rotate the screen on my Pixel 7a. The Android app crashes when I try to attach a photo.")
        let again = try RecordNormalizer().normalize([export])
        #expect(again.records.map(\.id) == result.records.map(\.id))
    }

    @Test func theSameFileTwiceMergesEveryRowAndTheLaterFileWins() throws {
        let result = try RecordNormalizer().normalize([try Self.delighted(id: 1), try Self.delighted(id: 2)])
        #expect(result.records.count == 70)
        #expect(result.records.allSatisfy { $0.fileID == 2 })
        #expect(result.merged.count == 70)
        #expect(result.merged.allSatisfy { $0.fileID == 1 })
        #expect(Set(result.merged.map(\.recordID)) == Set(result.records.map(\.id)))
        let first = try #require(result.merged.first { $0.recordID.sourceID == "02f533d395" })
        #expect(first.line == 2)
        #expect(result.merged.map(\.line) == result.merged.map(\.line).sorted())
    }

    @Test func theLaterFileWinsWhicheverOrderRowsArrive() throws {
        let result = try RecordNormalizer().normalize([try Self.delighted(id: 9), try Self.delighted(id: 4)])
        #expect(result.records.allSatisfy { $0.fileID == 9 })
        #expect(result.merged.allSatisfy { $0.fileID == 4 })
    }

    @Test func aNewerUpdatedAtWinsOverALaterFile() throws {
        let columns = ["Id", "Subject", "Requester", "Created at", "Updated at", "Description [txt]", "Status"]
        let newer = TestExport.memory(id: 1, tool: "zendesk", source: "zendesk", columns: columns, rows: [
            ["5", "Login fails", "A", "2026-10-05 10:00:00", "2026-10-10 09:00:00", "Still broken, now solved.", "Solved"],
        ])
        let older = TestExport.memory(id: 2, tool: "zendesk", source: "zendesk", columns: columns, rows: [
            ["5", "Login fails", "A", "2026-10-05 10:00:00", "2026-10-06 09:00:00", "Cannot log in.", "Open"],
            ["6", "Export", "B", "2026-10-06 10:00:00", "2026-10-06 11:00:00", "Export is empty.", "Open"],
        ])
        let result = try RecordNormalizer().normalize([newer, older])
        #expect(result.records.count == 2)
        let ticket = try record(result, "zendesk", "5")
        #expect(ticket.fileID == 1)
        #expect(ticket.attributes["status"] == ["Solved"])
        #expect(ticket.updatedAt == utc(2026, 10, 10, 9))
        #expect(result.merged == [MergedDuplicate(recordID: RecordID(source: "zendesk", sourceID: "5"), fileID: 2, line: 2)])
    }

    @Test func everyRowOfEveryBatchIsAccountedFor() throws {
        // 3,000 rows are two full batches and a partial one, normalized on other threads: each ticket appears once
        // per batch, newest first, and one row is unreadable, so a batch lost, applied twice or cut short changes
        // the counts, the winners or the merged lines.
        let columns = ["Id", "Subject", "Requester", "Created at", "Updated at", "Description [txt]", "Status"]
        let rows = (0..<3_000).map { index -> [String] in
            let ticket = index % 1_000
            let version = index / 1_000
            let created = index == 2_500 ? "sometime" : "2026-10-05 10:00:00"
            return ["\(ticket)", "Ticket \(ticket)", "A", created, "2026-10-0\(9 - version) 09:00:00", "Version \(version).", "Open"]
        }
        let export = TestExport.memory(id: 1, tool: "zendesk", source: "zendesk", columns: columns, rows: rows)
        let result = try RecordNormalizer().normalize([export])
        #expect(result.records.count == 1_000)
        #expect(result.records.allSatisfy { $0.text == "Version 0." && $0.line == Int($0.id.sourceID)! + 2 })
        #expect(result.rejected.map(\.line) == [2_502])
        #expect(result.merged.count == 1_999)
        let merged = result.merged.filter { $0.recordID.sourceID == "500" }.map(\.line)
        #expect(merged == [1_502])
        #expect(result.merged.filter { $0.recordID.sourceID == "7" }.map(\.line) == [1_009, 2_009])
    }

    @Test(arguments: ["day-first", "auto"])
    func mappedAppReviewsReadDatesDayFirst(format: String) throws {
        let export = try TestExport.fixture(
            "mapped/app_reviews_2026.csv", id: 7, tool: nil, mapping: TestMappings.appReviews(format: format))
        let result = try RecordNormalizer().normalize([export])
        #expect(result.records.count == 20)
        #expect(result.rejected.isEmpty)
        #expect(result.diagnostics.isEmpty)
        let first = try record(result, "app_reviews", "rv_49e7f35a74b7")
        #expect(first.createdAt == utc(2026, 10, 7, 9, 59))
        #expect(first.kind == .review)
        #expect(first.tool == "mapped")
        #expect(first.score == Score(value: 3, scale: .oneToFive))
        #expect(first.title == "")
        #expect(first.text == "Slow sync between devices, my checklist on the Galaxy S23 is always one step behind. Otherwise a great product.")
        #expect(first.attributes == ["app_version": ["5.1.3"], "country": ["NLD"]])
        #expect(try record(result, "app_reviews", "rv_1d6b90f9c201").title == "2FA problems")
        #expect(try record(result, "app_reviews", "rv_9462324dcaa1").createdAt == utc(2026, 10, 15, 20, 25))
        #expect(try record(result, "app_reviews", "rv_632678e6cae6").createdAt == utc(2026, 11, 4, 13, 33))
        #expect(try record(result, "app_reviews", "rv_e60cc6489bfb").createdAt == utc(2026, 11, 13, 21, 38))
        #expect(result.records.allSatisfy { (41...46).contains($0.week.week) && $0.week.year == 2026 })
    }

    @Test func dayFirstEvidenceBeyondTheSampleStillCounts() throws {
        // The planner samples one row (07/10/2026, ambiguous); the later rows decide the order.
        let export = try TestExport.fixture(
            "mapped/app_reviews_2026.csv", id: 7, tool: nil, mapping: TestMappings.appReviews(format: "auto"))
        let result = try RecordNormalizer(sampleSize: 1).normalize([export])
        #expect(result.diagnostics.isEmpty)
        #expect(try record(result, "app_reviews", "rv_49e7f35a74b7").createdAt == utc(2026, 10, 7, 9, 59))
    }

    @Test func forcedMonthFirstRejectsImpossibleDates() throws {
        let export = try TestExport.fixture(
            "mapped/app_reviews_2026.csv", id: 7, tool: nil, mapping: TestMappings.appReviews(format: "month-first"))
        let result = try RecordNormalizer().normalize([export])
        // Days over 12 become months over 12: rejected; the rest read month-first.
        #expect(result.records.count + result.rejected.count == 20)
        #expect(!result.rejected.isEmpty)
        #expect(result.rejected.allSatisfy { $0.fieldNumber == 2 && $0.reason.contains("in column 'posted' as a date") })
        #expect(try record(result, "app_reviews", "rv_49e7f35a74b7").createdAt == utc(2026, 7, 10, 9, 59))
    }

    @Test func allAmbiguousSlashedDatesGiveAWarningNamingTheColumn() throws {
        let export = TestExport.memory(
            id: 3, fileName: "ambiguous.csv", tool: nil, source: "simple", columns: ["id", "Posted On", "text"],
            mapping: SourceMapping(name: "simple", requiredColumns: ["id"], kind: .survey, idColumn: "id", createdAtColumn: "Posted On", textColumns: ["text"]),
            rows: [["a", "01/02/2026", "one"], ["b", "03/04/2026 10:00", "two"], ["c", "12/11/2026", "three"]])
        let result = try RecordNormalizer().normalize([export])
        #expect(result.diagnostics.count == 1)
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("column 'Posted On'"))
        #expect(warning.message.contains("read as month-first"))
        #expect(warning.location == SourceLocation(file: "ambiguous.csv", column: 2))
        #expect(try record(result, "simple", "a").createdAt == utc(2026, 1, 2))
        #expect(try record(result, "simple", "b").createdAt == utc(2026, 3, 4, 10))
        #expect(warning.message.contains("ambiguous_date_order = \"day-first\""))

        var dayFirst = RecordNormalizer()
        dayFirst.ambiguousDateOrder = .dayFirst
        let again = try dayFirst.normalize([export])
        #expect(again.diagnostics.first?.message.contains("read as day-first") == true)
        #expect(try record(again, "simple", "a").createdAt == utc(2026, 2, 1))
        #expect(try record(again, "simple", "c").createdAt == utc(2026, 11, 12))
    }

    @Test func mixedOrdersWarnAndFollowTheMajority() throws {
        let export = TestExport.memory(
            id: 3, fileName: "mixed.csv", tool: nil, source: "simple", columns: ["id", "date", "text"],
            mapping: TestMappings.simple(),
            rows: [["a", "13/02/2026", "one"], ["b", "14/02/2026", "two"], ["c", "02/15/2026", "three"], ["d", "05/06/2026", "four"]])
        let result = try RecordNormalizer().normalize([export])
        let warning = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("mixes day-first and month-first dates (2 vs 1)"))
        #expect(warning.message.contains("read as day-first"))
        #expect(try record(result, "simple", "d").createdAt == utc(2026, 6, 5))
        #expect(result.rejected.map(\.line) == [4])
    }

    @Test func isoDatesNeedNoOrderAndGiveNoWarning() throws {
        let export = TestExport.memory(
            id: 3, tool: nil, source: "simple", columns: ["id", "date", "text"], mapping: TestMappings.simple(),
            rows: [["a", "2026-10-06 09:12:44", "x"], ["b", "2026-10-06T09:12:44-06:00", "y"]])
        let result = try RecordNormalizer(defaultSourceTimeZone: "Europe/Zurich").normalize([export])
        #expect(result.diagnostics.isEmpty)
        #expect(try record(result, "simple", "a").createdAt == utc(2026, 10, 6, 7, 12, 44))
        #expect(try record(result, "simple", "b").createdAt == utc(2026, 10, 6, 15, 12, 44))
    }

    @Test func mappingTimeZoneOverridesTheDefault() throws {
        let export = TestExport.memory(
            id: 3, tool: nil, source: "simple", columns: ["id", "date", "text"],
            mapping: TestMappings.simple(timeZone: "America/Denver"), rows: [["a", "2026-10-06 09:12:44", "x"]])
        let result = try RecordNormalizer(defaultSourceTimeZone: "Europe/Zurich").normalize([export])
        #expect(try record(result, "simple", "a").createdAt == utc(2026, 10, 6, 15, 12, 44))
    }

    @Test func weeksAreCountedInTheReportingZone() throws {
        let export = TestExport.memory(
            id: 3, tool: nil, source: "simple", columns: ["id", "date", "text"], mapping: TestMappings.simple(),
            rows: [["a", "2026-10-11 23:30:00", "late Sunday"]])
        let inUTC = try RecordNormalizer(reportingTimeZone: "UTC").normalize([export])
        let inBerlin = try RecordNormalizer(reportingTimeZone: "Europe/Berlin").normalize([export])
        #expect(try record(inUTC, "simple", "a").week == ISOWeek(year: 2026, week: 41))
        #expect(try record(inBerlin, "simple", "a").week == ISOWeek(year: 2026, week: 42))
        #expect(try record(inBerlin, "simple", "a").createdAt == utc(2026, 10, 11, 23, 30))
    }

    @Test func unreadableAndEmptyDatesAreRejectedWithTheColumn() throws {
        let export = TestExport.memory(
            id: 3, tool: nil, source: "simple", columns: ["id", "date", "text"], mapping: TestMappings.simple(),
            rows: [["a", "not a date", "x"], ["b", "", "y"], ["c", "2026-10-06", "z"]])
        let result = try RecordNormalizer().normalize([export])
        #expect(result.records.map(\.id.sourceID) == ["c"])
        #expect(result.rejected.map(\.line) == [2, 3])
        #expect(result.rejected.map(\.fieldNumber) == [2, 2])
        #expect(result.rejected.map(\.reason) == [
            "cannot read 'not a date' in column 'date' as a date", "the date column 'date' is empty",
        ])
        #expect(result.rejected.first?.excerpt == "a | not a date | x")
    }

    @Test func aMappingNamingAMissingColumnRejectsTheFilesRows() throws {
        let export = TestExport.memory(
            id: 3, fileName: "broken.csv", tool: nil, source: "simple", columns: ["id", "date", "text"],
            mapping: TestMappings.simple(text: "comment"), rows: [["a", "2026-10-06", "x"], ["b", "2026-10-07", "y"]])
        let result = try RecordNormalizer().normalize([export])
        #expect(result.records.isEmpty)
        #expect(result.rejected.count == 2)
        let error = try #require(result.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.message.contains("names text column 'comment'"))
        #expect(error.location?.file == "broken.csv")
        #expect(result.rejected.allSatisfy { $0.reason == error.message })
    }

    @Test func unknownZonesThrowConfigurationErrors() throws {
        let export = TestExport.memory(
            id: 3, fileName: "z.csv", tool: nil, source: "simple", columns: ["id", "date", "text"],
            mapping: TestMappings.simple(timeZone: "Nowhere/Town"), rows: [["a", "2026-10-06", "x"]])
        let source = try #require(throws: NormalizeConfigurationError.self) { try RecordNormalizer().normalize([export]) }
        #expect(source.message.contains("z.csv: unknown time zone 'Nowhere/Town'"))
        let reporting = try #require(throws: NormalizeConfigurationError.self) {
            try RecordNormalizer(reportingTimeZone: "Mars/Base").normalize([TestExport]())
        }
        #expect(reporting.message.contains("'Mars/Base'"))
    }

    @Test func rowsWithoutAnIDGetAContentHash() throws {
        let export = TestExport.memory(
            id: 3, tool: nil, source: "simple", columns: ["id", "date", "text"], mapping: TestMappings.simple(),
            rows: [["", "2026-10-06", "same"], ["", "2026-10-06", "same"], ["", "2026-10-06", "other"]])
        let result = try RecordNormalizer().normalize([export])
        #expect(result.records.count == 2)
        #expect(result.merged.count == 1)
        #expect(result.records.allSatisfy { $0.id.sourceID.hasPrefix("row-") && $0.id.sourceID.count == 20 })
    }

    @Test func rowsOfFilesNotListedAreIgnored() throws {
        let listed = TestExport.memory(
            id: 3, tool: nil, source: "simple", columns: ["id", "date", "text"], mapping: TestMappings.simple(),
            rows: [["a", "2026-10-06", "x"]])
        let unlisted = TestExport.memory(
            id: 99, tool: nil, source: "simple", columns: ["id", "date", "text"], mapping: TestMappings.simple(),
            rows: [["b", "2026-10-06", "y"]])
        let result = try RecordNormalizer().normalize(files: [listed.file], rows: MemoryRows(exports: [listed, unlisted]))
        #expect(result.records.map(\.id.sourceID) == ["a"])
        #expect(result.rejected.isEmpty)
    }
}
