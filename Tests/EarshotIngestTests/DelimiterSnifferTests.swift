import EarshotIngest
import EarshotTestSupport
import Foundation
import Testing

@Suite struct DelimiterSnifferTests {
    @Test func picksSemicolonForTheSemicolonFixture() throws {
        let bytes = Array(try Data(contentsOf: FixturePaths.url("edge/semicolon_delighted.csv")))
        #expect(DelimiterSniffer.sniff(utf8Prefix: bytes) == UInt8(ascii: ";"))
        let inspection = try FileIngester().inspect(path: FixturePaths.url("edge/semicolon_delighted.csv").path)
        #expect(inspection.delimiter == UInt8(ascii: ";"))
        #expect(inspection.delimiterName == ";")
    }

    @Test func picksTabForATabSeparatedFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = "id\tcomment\tscore\n1\tSlow, very slow\t3\n2\t\"tab\tinside\"\t9\n"
        let path = try folder.write("export.tsv", text)
        #expect(DelimiterSniffer.sniff(utf8Prefix: Array(text.utf8)) == 0x09)
        let inspection = try FileIngester().inspect(path: path)
        #expect(inspection.delimiter == 0x09)
        #expect(inspection.delimiterName == "tab")
        #expect(inspection.headerRows == [["id", "comment", "score"], ["1", "Slow, very slow", "3"], ["2", "tab\tinside", "9"]])
    }

    @Test(arguments: [
        ("a,b,c\n1,2,3\n", UInt8(ascii: ",")),
        ("a;b;c\n1;2;3\n", UInt8(ascii: ";")),
        ("\"a;b;c\",x\n\"d;e;f\",y\n", UInt8(ascii: ",")),
        ("a,b;c;d\n1;2;3\n4;5;6\n", UInt8(ascii: ";")),
        ("a;b\n1,2;3\n", UInt8(ascii: ";")),
        ("single\nvalue\n", UInt8(ascii: ",")),
        ("", UInt8(ascii: ",")),
        ("a\tb\tc", UInt8(ascii: "\t")),
    ])
    func sniffs(text: String, expected: UInt8) {
        #expect(DelimiterSniffer.sniff(utf8Prefix: Array(text.utf8)) == expected)
    }

    @Test func fixtureDelimitersAreSniffedFromTheirPrefix() throws {
        for entry in FixtureManifest.all where entry.encoding == "utf-8" || entry.encoding == "utf-8-bom" {
            guard let expected = entry.delimiterByte else { continue }
            let bytes = Array(try Data(contentsOf: entry.url).prefix(65_536))
            #expect(DelimiterSniffer.sniff(utf8Prefix: bytes) == expected, "\(entry.path)")
        }
    }
}
