import EarshotIngest
import EarshotModel
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct CSVReaderTests {
    private func texts(_ events: [Collected]) -> [[String]] { events.compactMap(\.row) }

    @Test func keepsLeadingAndTrailingSpacesOfUnquotedFields() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("spaces.csv", "  a , b  ,\" c \",\td\t\n x,y \n")
        let events = try CSVReader().collect(path)
        #expect(texts(events) == [["  a ", " b  ", " c ", "\td\t"], [" x", "y "]])
    }

    @Test func readsQuotesEscapesEmptyFieldsAndLineNumbers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = "id,text,empty\n1,\"say \"\"hi\"\", then, go\",\n\n2,\"two\nlines\",\"\"\r\n3,plain,x"
        let events = try CSVReader().collect(try folder.write("quotes.csv", text))
        #expect(events.map(\.line) == [1, 2, 4, 6])
        #expect(texts(events) == [
            ["id", "text", "empty"], ["1", "say \"hi\", then, go", ""], ["2", "two\nlines", ""], ["3", "plain", "x"],
        ])
    }

    @Test func crlfRecordEndsAreNotPartOfFields() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let events = try CSVReader().collect(try folder.write("crlf.csv", "a,b\r\nc,\"d\re\"\r\n"))
        #expect(texts(events) == [["a", "b"], ["c", "d\re"]])
        #expect(events.map(\.line) == [1, 2])
    }

    @Test
    func crOnlyLineEndingsGiveEachRowItsOwnLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let events = try CSVReader().collect(try folder.write("mac.csv", "a,b\rc,d\re,\"f\rg\"\rh,i\r"))
        #expect(texts(events) == [["a", "b"], ["c", "d"], ["e", "f\rg"], ["h", "i"]])
        #expect(events.map(\.line) == [1, 2, 3, 5])
    }

    @Test func readsOtherDelimiters() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("tabs.tsv", "a\tb,c\t\"d\te\"\n")
        #expect(texts(try CSVReader(delimiter: 0x09).collect(path)) == [["a", "b,c", "d\te"]])
        // With ';' there is no separator on the line: one field, the quote kept as an ordinary byte.
        #expect(texts(try CSVReader(delimiter: UInt8(ascii: ";")).collect(path)) == [["a\tb,c\t\"d\te\""]])
    }

    @Test func rowsWithMoreThan127FieldsKeepEveryField() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fields = (0..<200).map { "f\($0)" }
        let path = try folder.write("wide.csv", fields.joined(separator: ",") + "\nlast\n")
        var rows: [CSVRow] = []
        try CSVReader().read(path: path, encoding: .utf8) { event in
            if case .row(let row) = event { rows.append(row) }
        }
        #expect(rows.count == 2)
        #expect(rows[0].fieldCount == 200)
        #expect(rows[0].texts == fields)
        #expect(rows[0].encoded == RowEncoding.encode(fields.map { Array($0.utf8) }))
        #expect(rows[1].texts == ["last"])
    }

    @Test func blankOnlyFileHasNoRows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try CSVReader().collect(try folder.write("blank.csv", "\n\r\n\n")).isEmpty)
    }

    @Test func fieldLongerThanTheLimitIsAProblemAndReadingContinues() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let long = String(repeating: "y", count: 200)
        let path = try folder.write("long.csv", "a,b\nx,\(long)\nc,d\n")
        // Chunks smaller than the line, so the reader sees the field while it is still growing.
        var problems: [CSVReader.Problem] = []
        var rows: [CSVRow] = []
        try CSVReader(chunkSize: 16, maxFieldBytes: 50).read(path: path, encoding: .utf8) { event in
            switch event {
            case .row(let row): rows.append(row)
            case .problem(let problem): problems.append(problem)
            }
        }
        #expect(problems.map(\.line) == [2])
        #expect(problems.first?.reason.contains("50-byte limit") == true)
        #expect(problems.first.map { Array($0.excerpt.prefix(4)) } == Array("x,yy".utf8))
        #expect(rows.map(\.line) == [1, 3])
        #expect(rows.map(\.texts) == [["a", "b"], ["c", "d"]])
    }

    @Test func openQuotedFieldOverTheLimitAtALineEndIsAProblem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let long = String(repeating: "y", count: 100)
        let path = try folder.write("long-quoted.csv", "a,b\nx,\"\(long)\nmore\"\nc,d\n")
        let events = try CSVReader(maxFieldBytes: 50).collect(path)
        #expect(events.first == .row(line: 1, fields: [Array("a".utf8), Array("b".utf8)]))
        #expect(events.dropFirst().first == .quarantined(line: 2, column: nil))
        #expect(events.last == .row(line: 4, fields: [Array("c".utf8), Array("d".utf8)]))
    }

    @Test
    func fieldLongerThanTheLimitOnOneLineIsAProblemWithTheDefaultChunkSize() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let long = String(repeating: "y", count: 200)
        let path = try folder.write("long-default.csv", "a,b\nx,\(long)\nc,d\n")
        let events = try CSVReader(maxFieldBytes: 50).collect(path)
        #expect(events.map(\.line) == [1, 2, 3])
        #expect(events.dropFirst().first == .quarantined(line: 2, column: nil))
    }

    @Test func unterminatedQuoteIsReportedAtItsStartLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("open.csv", "h1,h2\nok,1\nbad,\"never closed\nstill inside\nnext,2\n")
        var problems: [CSVReader.Problem] = []
        var rows: [[String]] = []
        try CSVReader().read(path: path, encoding: .utf8) { event in
            switch event {
            case .row(let row): rows.append(row.texts)
            case .problem(let problem): problems.append(problem)
            }
        }
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.reason.contains("never closed") == true)
        let excerpt = String(decoding: problems.first?.excerpt ?? [], as: UTF8.self)
        #expect(excerpt.hasPrefix("bad,"))
        #expect(excerpt.contains("never closed"))
        #expect(!excerpt.contains("ok,1"))
        #expect(rows == [["h1", "h2"], ["ok", "1"], ["still inside"], ["next", "2"]])
    }

    @Test func missingFileThrowsCSVReadErrorWithErrno() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-none-\(UUID().uuidString).csv").path
        let error = try #require(throws: CSVReadError.self) { try CSVReader().read(path: path, encoding: .utf8) { _ in } }
        #expect(error.errno == ENOENT)
        #expect(error.path == path)
        #expect(error.description.hasPrefix(path + ": cannot open the file"))
    }

    @Test func throwingFromTheHandlerStopsTheRead() throws {
        struct Stop: Error {}
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("three.csv", "a\nb\nc\n")
        var seen = 0
        #expect(throws: Stop.self) {
            try CSVReader().read(path: path, encoding: .utf8) { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }

    @Test func utf8ByteOrderMarkIsSkipped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("bom.csv", [0xEF, 0xBB, 0xBF] + Array("id,x\n1,2\n".utf8))
        #expect(texts(try CSVReader().collect(path, encoding: .utf8BOM)) == [["id", "x"], ["1", "2"]])
        // Read as plain UTF-8 the mark stays in the first field.
        #expect(texts(try CSVReader().collect(path, encoding: .utf8)).first?.first == "\u{FEFF}id")
    }

    @Test func utf16WithSurrogatePairsSplitAcrossChunks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = "a,\u{1F642}\u{E9}\n\u{1F600},b\n"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = try folder.write("emoji.csv", little)
        for chunkSize in [1, 3, 5, 1 << 20] {
            #expect(texts(try CSVReader(chunkSize: chunkSize).collect(path, encoding: .utf16LE)) == [["a", "\u{1F642}\u{E9}"], ["\u{1F600}", "b"]])
        }
    }

    @Test func unpairedSurrogateBecomesReplacementCharacter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let units: [UInt16] = [0x61, 0x2C, 0xD800, 0x62, 0x0A]
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let path = try folder.write("lone.csv", big)
        #expect(texts(try CSVReader().collect(path, encoding: .utf16BE)) == [["a", "\u{FFFD}b"]])
    }
}
