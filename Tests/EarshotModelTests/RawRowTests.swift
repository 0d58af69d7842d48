import EarshotModel
import Testing

@Suite struct RawRowTests {
    @Test func textDecodesUTF8AndLegacyBytesAndPadsShortRows() {
        let row = RawRow(fileID: 3, line: 9, fields: [Array("caf\u{E9}".utf8), [0x63, 0x61, 0x66, 0xE9], []])
        #expect(row.text(at: 0) == "caf\u{E9}")
        #expect(row.text(at: 1) == "caf\u{E9}")
        #expect(row.text(at: 2) == "")
        #expect(row.text(at: 3) == "")
        #expect(row.fileID == 3 && row.line == 9)
    }
}
