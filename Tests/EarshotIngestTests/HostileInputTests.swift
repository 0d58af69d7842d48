import EarshotIngest
import EarshotModel
import Foundation
import Testing

/// Files nobody should export, each of which ends in a clear rejection or a quarantined row with its line and column,
/// never a crash, a hang or memory that grows with the file.
///
/// The files are written at test time (the 100 MB one streamed in 1 MiB writes), so nothing large is committed.
@Suite struct HostileInputTests {
    static let header = "Response ID,Email,Name,Score,Comment,Created At (UTC),Plan,Country,Delighted Source,Delighted Device Type,Delighted Country"

    /// A Delighted data row whose `Comment` (column 5) is `comment`.
    static func row(_ id: String, comment: String = "Fine.") -> String {
        "\(id),a@example.com,A,9,\(comment),2026-11-02 10:00:00,Team,Ghana,Web,Desktop,GH"
    }

    @Test func binaryGarbageIsRejectedAsNotText() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<(256 << 10)).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let path = try folder.write("garbage.csv", bytes)
        let error = try #require(throws: ExportRejection.self) { try FileIngester().inspect(path: path) }
        #expect(error.reason == .notText)
        #expect(error.message.contains("binary data, not text"))
    }

    @Test func workbookSavedAsCSVIsNamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("report.csv", [0x50, 0x4B, 0x03, 0x04] + Array("[Content_Types].xml".utf8))
        let error = try #require(throws: ExportRejection.self) { try FileIngester().inspect(path: path) }
        #expect(error.reason == .notText)
        #expect(error.message.contains(".xlsx"))
    }

    @Test func zeroFilledFileIsRejectedAsNotText() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("crashed.csv", [UInt8](repeating: 0, count: 1 << 20))
        let error = try #require(throws: ExportRejection.self) { try FileIngester().inspect(path: path) }
        #expect(error.reason == .notText)
    }

    @Test func nulByteInAFieldQuarantinesItsRowWithTheColumn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = [Self.header, Self.row("r1"), Self.row("r2", comment: "bro\u{0}ken"), Self.row("r3")].joined(separator: "\n") + "\n"
        let path = try folder.write("nul.csv", text)
        let (_, events, count) = try FileIngester().collect(path)
        #expect(events == [
            .row(line: 2, fields: Self.fields(Self.row("r1"))), .quarantined(line: 3, column: 5),
            .row(line: 4, fields: Self.fields(Self.row("r3"))),
        ])
        #expect(count == 3)
        let reason = try Self.quarantineReasons(path).first
        #expect(reason?.contains("NUL byte") == true)
    }

    @Test func hundredMegabyteFieldIsQuarantinedInBoundedMemory() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A quoted field of 100 MiB with a line break every MiB: after it, reading must go on at the next row, not
        // inside the field, and no part of it may come back as rows of its own.
        let path = folder.url.appendingPathComponent("huge.csv").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        file.write(Data((Self.header + "\nbig,a@example.com,A,9,\"").utf8))
        var block = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        block[block.count - 1] = 0x0A
        let blockData = Data(block)
        for _ in 0..<100 { file.write(blockData) }
        file.write(Data(("\",2026-11-02 10:00:00,Team,Ghana,Web,Desktop,GH\n" + Self.row("after") + "\n").utf8))
        try file.close()

        // The reader alone, read once: FileIngester adds nothing here but two more passes over 100 MB (see
        // FieldSizeLimitTests for the limit end to end).
        var events: [Collected] = []
        var reasons: [String] = []
        let statistics = try CSVReader().read(path: path, encoding: .utf8) { event in
            switch event {
            case .row(let row): events.append(.row(line: row.line, fields: row.fields))
            case .problem(let problem):
                events.append(.quarantined(line: problem.line, column: problem.column))
                reasons.append(problem.reason)
            }
        }
        #expect(events.dropFirst() == [.quarantined(line: 2, column: 5), .row(line: 103, fields: Self.fields(Self.row("after")))])
        #expect(reasons.first?.contains("longer than the 1048576-byte limit") == true)
        #expect(statistics.passes == 1)
        // The limit, plus one chunk libcsv may take in before the reader looks, plus libcsv's growth step.
        #expect(statistics.peakBufferBytes <= (1 << 20) + (1 << 20) + (64 << 10))
    }

    @Test func hundredThousandColumnHeaderIsRejectedWithAShortMessage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let header = (1...100_000).map { "column\($0)" }.joined(separator: ",")
        let path = try folder.write("wide.csv", header + "\n" + (1...100_000).map(String.init).joined(separator: ",") + "\n")
        let inspection = try FileIngester().inspect(path: path)
        #expect(inspection.layout == nil)
        let message = FileIngester.unknownLayoutRejection(for: inspection).message
        #expect(message.contains("100000 columns"))
        #expect(message.contains("… and 99950 more"))
        #expect(message.utf8.count < 4096)
    }

    @Test func hundredThousandColumnRowIsQuarantinedAtTheFirstExtraColumn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let wide = (1...100_000).map(String.init).joined(separator: ",")
        let path = try folder.write("wide-row.csv", [Self.header, wide, Self.row("r2")].joined(separator: "\n") + "\n")
        let (_, events, _) = try FileIngester().collect(path)
        #expect(events == [.quarantined(line: 2, column: 12), .row(line: 3, fields: Self.fields(Self.row("r2")))])
    }

    @Test func millionEmptyLinesKeepLineNumbers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var bytes = Array((Self.header + "\n").utf8)
        bytes += [UInt8](repeating: 0x0A, count: 1_000_000)
        bytes += Array((Self.row("last") + "\n").utf8)
        let path = try folder.write("empty-lines.csv", bytes)
        let (_, events, count) = try FileIngester().collect(path)
        #expect(events == [.row(line: 1_000_002, fields: Self.fields(Self.row("last")))])
        #expect(count == 1)
    }

    @Test func onlyEmptyLinesIsRejectedAsEmpty() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("blank.csv", [UInt8](repeating: 0x0A, count: 1_000_000))
        let error = try #require(throws: ExportRejection.self) { try FileIngester().inspect(path: path) }
        #expect(error.reason == .empty)
        #expect(error.message.contains("no rows"))
    }

    @Test func invalidUTF8IsReadAsWindows1252NotDropped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // 0xC3 0x28 is a cut UTF-8 sequence; 0xE9 is "é" in Windows-1252. The file falls back to Windows-1252 whole.
        let bytes = Array((Self.header + "\n").utf8) + Array("r1,a@example.com,A,9,caf".utf8) + [0xE9, 0xC3, 0x28]
            + Array(",2026-11-02 10:00:00,Team,Ghana,Web,Desktop,GH\n".utf8)
        let path = try folder.write("latin.csv", bytes)
        let ingester = FileIngester()
        let inspection = try ingester.inspect(path: path)
        #expect(inspection.encoding == .windows1252)
        let (_, events, _) = try ingester.collect(path)
        #expect(events.count == 1)
        #expect(events.first?.row?[4] == "café\u{C3}(")
    }

    @Test func loneUTF16SurrogateBecomesAReplacementCharacter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        func utf16LE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        // A high surrogate with no low one after it, in the middle of a field, and another cut off by the end of the file.
        let bytes = [0xFF, 0xFE] + utf16LE(Self.header + "\nr1,a@example.com,A,9,bad ") + [0x00, 0xD8]
            + utf16LE(" here,2026-11-02 10:00:00,Team,Ghana,Web,Desktop,GH\nr2,a@example.com,A,9,end,x,x,x,x,x,x\n") + [0x3D, 0xD8]
        let path = try folder.write("surrogate.csv", bytes)
        let (inspection, events, _) = try FileIngester().collect(path)
        #expect(inspection.encoding == .utf16LE)
        #expect(events.map(\.line) == [2, 3, 4])
        #expect(events.first?.row?[4] == "bad \u{FFFD} here")
        // The cut character after the last line break is a one-field row of its own: quarantined, not lost.
        #expect(events.last == .quarantined(line: 4, column: 2))
    }

    @Test func fileCutInsideAQuotedFieldQuarantinesTheLastRow() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = [Self.header, Self.row("r1"), "r2,a@example.com,A,9,\"the export stopped in the mid"].joined(separator: "\n")
        let path = try folder.write("cut.csv", text)
        let (_, events, count) = try FileIngester().collect(path)
        #expect(events == [.row(line: 2, fields: Self.fields(Self.row("r1"))), .quarantined(line: 3, column: 5)])
        #expect(count == 2)
        let reason = try Self.quarantineReasons(path).first
        #expect(reason?.contains("never closed") == true)
    }

    @Test func zeroByteFileIsRejectedAsEmpty() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let error = try #require(throws: ExportRejection.self) { try FileIngester().inspect(path: try folder.write("zero.csv", [])) }
        #expect(error.reason == .empty)
        #expect(error.message.contains("0 bytes"))
    }

    @Test func fileDeletedWhileItIsReadIsRejected() throws {
        let error = try Self.rejectionWhenChanged { path in unlink(path) }
        #expect(error.reason == .changedWhileReading)
        #expect(error.message.contains("deleted"))
    }

    @Test func fileThatGrowsWhileItIsReadIsRejected() throws {
        let error = try Self.rejectionWhenChanged { path in
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try file.seekToEnd()
            file.write(Data((Self.row("r3") + "\n").utf8))
            try file.close()
        }
        #expect(error.reason == .changedWhileReading)
        #expect(error.message.contains("changed while it was read"))
    }

    // MARK: Helpers

    /// The rejection of a file that `change` alters while its first data row is being handled.
    static func rejectionWhenChanged(_ change: (String) throws -> Void) throws -> ExportRejection {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("changing.csv", [header, row("r1"), row("r2")].joined(separator: "\n") + "\n")
        let ingester = FileIngester()
        let inspection = try ingester.inspect(path: path)
        var changed = false
        return try #require(throws: ExportRejection.self) {
            try ingester.readRows(of: inspection) { _ in
                guard !changed else { return }
                changed = true
                try change(path)
            }
        }
    }

    static func fields(_ row: String) -> [[UInt8]] {
        row.split(separator: ",", omittingEmptySubsequences: false).map { Array($0.utf8) }
    }

    /// What `readRows` handed over, and the reasons of the rows it quarantined, from one read (no hashing pass).
    static func read(_ path: String) throws -> (events: [Collected], reasons: [String]) {
        let ingester = FileIngester()
        var events: [Collected] = []
        var reasons: [String] = []
        try ingester.readRows(of: try ingester.inspect(path: path, hashing: false)) { event in
            switch event {
            case .row(let row): events.append(.row(line: row.line, fields: row.fields))
            case .quarantined(let line, let column, let reason, _):
                events.append(.quarantined(line: line, column: column))
                reasons.append(reason)
            }
        }
        return (events, reasons)
    }

    /// The reasons of the rows `readRows` quarantined, in order.
    static func quarantineReasons(_ path: String) throws -> [String] { try read(path).reasons }
}
