import EarshotModel
import EarshotNormalize
import Testing

/// Duplicates, repeats, authors, multi-value attributes and per-tool meaning, on small in-memory exports.
@Suite struct NormalizeMeaningTests {
    private static let zendeskColumns = ["Id", "Requester", "Requester email", "Subject", "Description", "Tags", "Status",
                                         "Created at", "Updated at"]

    private func zendesk(id: Int64 = 1, _ rows: [[String]]) -> TestExport {
        TestExport.memory(id: id, fileName: "tickets-\(id).csv", tool: "zendesk", source: "zendesk", columns: Self.zendeskColumns, rows: rows)
    }

    @Test func tagsAreSplitByTheToolsSeparator() throws {
        let export = zendesk([["1", "Ann", "ann@example.com", "Export", "The export hangs", "billing  export mobile", "open",
                               "2026-11-02 09:00:00", "2026-11-02 10:00:00"]])
        let record = try #require(try RecordNormalizer().normalize([export]).records.first)
        #expect(record.attributes["tags"] == ["billing", "export", "mobile"])
        #expect(record.attributes["status"] == ["open"])
    }

    @Test func aHeaderRepeatedInTheDataIsSetAsideNotARecord() throws {
        let export = zendesk([
            ["1", "Ann", "ann@example.com", "Export", "The export hangs", "", "open", "2026-11-02 09:00:00", ""],
            Self.zendeskColumns,
            ["2", "Bob", "bob@example.com", "Login", "Cannot log in", "", "open", "2026-11-02 10:00:00", ""],
        ])
        let result = try RecordNormalizer().normalize([export])
        #expect(result.records.map(\.id.sourceID) == ["1", "2"])
        #expect(result.rejected.map(\.reason) == ["a repeated header row, not data"])
        #expect(result.rejected.first?.line == 3)
    }

    @Test func authorsAreStoredOnlyAsASaltedHash() throws {
        let export = zendesk([["1", "Ann", "Ann@Example.com", "Export", "The export hangs", "", "open", "2026-11-02 09:00:00", ""]])
        let first = try #require(try RecordNormalizer(authorSalt: [1, 2, 3]).normalize([export]).records.first)
        let second = try #require(try RecordNormalizer(authorSalt: [9, 9, 9]).normalize([export]).records.first)
        let hash = try #require(first.authorHash)
        #expect(hash.count == 32)
        #expect(!hash.contains("ann") && !hash.contains("example"))
        #expect(first.authorHash != second.authorHash, "the salt must change the hash")
        let again = try #require(try RecordNormalizer(authorSalt: [1, 2, 3]).normalize([export]).records.first)
        #expect(again.authorHash == hash, "the same salt and author give the same hash")
    }

    @Test func sameWordsFromTheSameAuthorWithinADayAreFlaggedNotDropped() throws {
        let rows = [
            ["1", "Ann", "ann@example.com", "", "Please add dark mode", "", "open", "2026-11-02 09:00:00", ""],
            ["2", "Ann", "ann@example.com", "", "Please add dark mode", "", "open", "2026-11-02 21:00:00", ""],
            ["3", "Ann", "ann@example.com", "", "Please add dark mode", "", "open", "2026-11-05 09:00:00", ""],
            ["4", "Bob", "bob@example.com", "", "Please add dark mode", "", "open", "2026-11-02 09:30:00", ""],
        ]
        for ordered in [rows, rows.reversed()] {
            let result = try RecordNormalizer().normalize([zendesk(ordered)])
            #expect(result.records.count == 4)
            #expect(result.records.filter(\.isRepeatedText).map(\.id.sourceID) == ["2"])
        }
    }

    @Test func newestVersionWinsByUpdatedAtWhateverTheFileOrder() throws {
        let old = zendesk(id: 1, [["7", "Ann", "a@x.io", "Sync", "Sync is slow", "", "open", "2026-11-02 09:00:00", "2026-11-02 10:00:00"]])
        let new = zendesk(id: 2, [["7", "Ann", "a@x.io", "Sync", "Sync is slow and loses edits", "", "solved", "2026-11-02 09:00:00", "2026-11-04 10:00:00"]])
        for exports in [[old, new], [new, old]] {
            let result = try RecordNormalizer().normalize(exports)
            let record = try #require(result.records.first)
            #expect(result.records.count == 1)
            #expect(record.text == "Sync is slow and loses edits")
            #expect(record.attributes["status"] == ["solved"])
            #expect(result.merged.count == 1)
        }
    }

    @Test func exploreRowsOfOneTicketBecomeOneRecordWithAllTags() throws {
        let columns = ["Ticket ID", "Ticket status", "Ticket created - Date", "Ticket subject", "Ticket tags", "Tickets"]
        let export = TestExport.memory(
            id: 1, tool: "zendeskexplore", source: "zendeskexplore", columns: columns,
            rows: [["101", "Open", "2026-11-02", "Invoice PDF is blank", "billing", "1"],
                   ["101", "Open", "2026-11-02", "Invoice PDF is blank", "invoices", "1"],
                   ["102", "Solved", "2026-11-03", "Cannot log in", "", "1"],
                   ["101", "Open", "2026-11-02", "Invoice PDF is blank", "pdf", "1"]])
        let result = try RecordNormalizer().normalize([export])
        #expect(result.records.map(\.id.sourceID) == ["101", "102"])
        #expect(result.records[0].attributes["tags"] == ["billing", "invoices", "pdf"])
        #expect(result.records[0].title == "Invoice PDF is blank")
        #expect(result.merged.count == 2)
        #expect(result.records.count + result.merged.count + result.rejected.count == 4)
    }

    @Test func jiraCommentsOfTheReporterAreCustomerWordsTheOthersReplies() throws {
        let columns = ["Summary", "Issue key", "Issue id", "Reporter", "Reporter Id", "Created", "Updated", "Description",
                       "Comment", "Comment"]
        let export = TestExport.memory(
            id: 1, tool: "jira", source: "jira", columns: columns,
            rows: [["Export broken", "SUP-12", "10012", "Ann", "acc-ann", "03/Nov/26 9:26 AM", "04/Nov/26 1:05 PM",
                    "The CSV export is empty.",
                    "03/Nov/26 10:42 AM;acc-agent;We are looking into it.",
                    "04/Nov/26 8:00 AM;acc-ann;Still empty this morning."]])
        let record = try #require(try RecordNormalizer().normalize([export]).records.first)
        #expect(record.id.sourceID == "SUP-12")
        #expect(record.title == "Export broken")
        #expect(record.text == "The CSV export is empty.\n\nStill empty this morning.")
        #expect(record.reply == "We are looking into it.")
        #expect(record.createdAt == utc(2026, 11, 3, 9, 26))
        #expect(record.updatedAt == utc(2026, 11, 4, 13, 5))
    }

    @Test func unansweredMedalliaRequestsAreSetAsideWithAReason() throws {
        let columns = ["request_id", "request_sent_at", "response_received_at", "star_rating", "comments", "channel"]
        let export = TestExport.memory(
            id: 1, tool: "medallia", source: "medallia", columns: columns,
            rows: [["r1", "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z", "2", "Agent never called back", "phone"],
                   ["r2", "2026-11-02T09:00:00Z", "", "", "", "phone"]])
        let result = try RecordNormalizer().normalize([export])
        #expect(result.records.map(\.id.sourceID) == ["r1"])
        #expect(result.records.first?.score == Score(value: 2, scale: .oneToFive))
        #expect(result.records.first?.kind == .csat)
        #expect(result.rejected.map(\.reason) == ["a Medallia survey request that was never answered"])
    }

    @Test func anNPSGroupThatContradictsTheScoreIsReportedNotUsed() throws {
        let columns = ["StartDate", "EndDate", "Status", "RecordedDate", "ResponseId", "Q1", "Q1_NPS_GROUP", "Q2"]
        let labels = ["Start Date", "End Date", "Response Type", "Recorded Date", "Response ID",
                      "How likely are you to recommend us?", "How likely are you to recommend us? - Group", "Why?"]
        var export = TestExport.memory(
            id: 1, tool: "qualtrics", source: "qualtrics", columns: columns,
            rows: [["2026-11-02 09:00:00", "2026-11-02 09:05:00", "IP Address", "2026-11-02 09:05:00", "R_1", "9", "3", "Fast and simple to use every day"],
                   ["2026-11-02 09:00:00", "2026-11-02 09:05:00", "IP Address", "2026-11-02 09:05:00", "R_2", "2", "3", "Slow sync, lost my edits twice now"],
                   ["2026-11-02 09:00:00", "2026-11-02 09:05:00", "IP Address", "2026-11-02 09:05:00", "R_3", "8", "Passive", "Good but invoices are clunky to send"]])
        export.file.labels = labels
        let result = try RecordNormalizer().normalize([export])
        #expect(result.records.map { $0.score?.value } == [9, 2, 8])
        #expect(result.records.allSatisfy { $0.score?.scale == .zeroToTen })
        #expect(result.diagnostics.map(\.message) == [
            "1 rows have an NPS group column that disagrees with their 0–10 score; the score was kept and the group ignored."
        ])
    }

    @Test func repeatedTextsAreDecidedByTimeNotByArrival() {
        let ids = (1...3).map { RecordID(source: "s", sourceID: "\($0)") }
        let candidates = [
            RepeatedTexts.Candidate(id: ids[2], createdAt: 100, authorHash: "a", text: "same"),
            RepeatedTexts.Candidate(id: ids[0], createdAt: 50, authorHash: "a", text: "same"),
            RepeatedTexts.Candidate(id: ids[1], createdAt: 50 + 90_000, authorHash: "a", text: "same"),
        ]
        #expect(RepeatedTexts.repeats(among: candidates) == [ids[2]])
        #expect(RepeatedTexts.repeats(among: candidates.reversed()) == [ids[2]])
        #expect(RepeatedTexts.fingerprint(authorHash: "a", text: "same") != RepeatedTexts.fingerprint(authorHash: "b", text: "same"))
    }
}
