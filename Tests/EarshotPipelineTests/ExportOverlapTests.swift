import EarshotIngest
import EarshotModel
import EarshotPipeline
import EarshotStore
import Foundation
import Testing

/// Monday's export, Tuesday's export that repeats half of it with some tickets edited since, and the same export with
/// its rows in another order: whatever arrives first, the records are the same and each is its newest version.
@Suite struct ExportOverlapTests {
    /// What a record says, without where it was read from (file and line differ between the scenarios).
    struct Content: Hashable, CustomStringConvertible {
        var id: RecordID
        var createdAt: Int64
        var updatedAt: Int64?
        var score: Score?
        var title: String
        var text: String
        var attributes: [String: [String]]
        var description: String { "\(id) \(text.prefix(40))" }

        init(_ record: NormalizedRecord) {
            id = record.id
            createdAt = record.createdAt
            updatedAt = record.updatedAt
            score = record.score
            title = record.title
            text = record.text
            attributes = record.attributes
        }
    }

    struct Exports {
        var folder: URL
        var original: String
        var shuffled: String
        var overlap: String
        var rows: Int
        var overlapRows: Int
        /// Ticket ids edited in the overlap with a later `Updated at`: the overlap's version must win.
        var editedLater: [String]
        /// Ticket ids edited in the overlap with an earlier `Updated at` (a stale copy): the original must win.
        var editedEarlier: [String]
    }

    static func makeExports() throws -> Exports {
        let original = PipelineTestContext.fixture("sample/zendesk_tickets.csv")
        let (header, rows) = try PipelineTestContext.rows(of: original)
        let id = try #require(header.firstIndex(of: "Id"))
        let description = try #require(header.firstIndex(of: "Description [txt]"))
        let updated = try #require(header.firstIndex(of: "Updated at"))

        var shuffled = rows
        var generator = SplitMix64(seed: 11)
        shuffled.shuffle(using: &generator)

        var overlap: [[String]] = []
        var editedLater: [String] = []
        var editedEarlier: [String] = []
        for (index, row) in rows.enumerated() where index % 2 == 0 {
            var copy = row
            if index % 8 == 0 {
                copy[description] = "Update: it happened again today.\n\n" + copy[description]
                copy[updated] = "2026-12-01 09:00:00"
                editedLater.append(row[id])
            } else if index % 8 == 4 {
                copy[description] = "A stale copy exported before the ticket was updated."
                copy[updated] = "2026-10-01 00:00:00"
                editedEarlier.append(row[id])
            }
            overlap.append(copy)
        }
        overlap.shuffle(using: &generator)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-overlap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func write(_ rows: [[String]], _ name: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try PipelineTestContext.writeCSV(header: header, rows: rows, to: url)
            return url.path
        }
        return Exports(
            folder: folder, original: original, shuffled: try write(shuffled, "zendesk-shuffled.csv"),
            overlap: try write(overlap, "zendesk-tuesday.csv"), rows: rows.count, overlapRows: overlap.count,
            editedLater: editedLater, editedEarlier: editedEarlier)
    }

    func records(after files: [String]) throws -> (Set<Content>, Pipeline.NormalizeSummary) {
        let context = try PipelineTestContext()
        // One ingest call a file, in this order, as nightly runs would see them.
        for file in files { _ = try context.pipeline.ingest(paths: [file]) }
        let summary = try context.pipeline.normalize()
        return (Set(try context.workspace.store.records().map(Content.init)), summary)
    }

    @Test func shuffledAndOverlappingExportsGiveTheSameNewestRecords() throws {
        let exports = try Self.makeExports()
        defer { try? FileManager.default.removeItem(at: exports.folder) }
        #expect(exports.rows == 80)
        #expect(!exports.editedLater.isEmpty && !exports.editedEarlier.isEmpty)

        let (once, onceSummary) = try records(after: [exports.original])
        let (shuffled, _) = try records(after: [exports.shuffled])
        #expect(shuffled == once, "a shuffled export gives other records")
        #expect(onceSummary.records == 80)

        let scenarios = [
            [exports.original, exports.overlap],
            [exports.overlap, exports.original],
            [exports.shuffled, exports.overlap],
            [exports.overlap, exports.shuffled],
        ]
        var results: [Set<Content>] = []
        for files in scenarios {
            let (records, summary) = try records(after: files)
            #expect(summary.records == exports.rows, "\(files)")
            #expect(summary.mergedDuplicates == exports.overlapRows, "\(files)")
            results.append(records)
        }
        for result in results.dropFirst() { #expect(result == results[0]) }

        let merged = Dictionary(uniqueKeysWithValues: results[0].map { ($0.id.sourceID, $0) })
        let before = Dictionary(uniqueKeysWithValues: once.map { ($0.id.sourceID, $0) })
        for id in exports.editedLater {
            #expect(merged[id]?.text.hasPrefix("Update: it happened again today.") == true, "\(id): the newer edit lost")
            #expect(merged[id]?.updatedAt == 1_796_115_600, "\(id)")  // 2026-12-01 09:00:00 in the default source zone, UTC
        }
        for id in exports.editedEarlier {
            #expect(merged[id] == before[id], "\(id): a stale copy replaced the newer version")
        }
        // Every record not edited is exactly as it was after Monday's export alone.
        let untouched = Set(before.keys).subtracting(exports.editedLater)
        for id in untouched { #expect(merged[id] == before[id], "\(id)") }
    }
}
