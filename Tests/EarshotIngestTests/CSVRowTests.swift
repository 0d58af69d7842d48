import EarshotIngest
import EarshotModel
import Testing

@Suite struct CSVRowTests {
    @Test func initFromFieldsEncodesThem() {
        let row = CSVRow(line: 4, fields: [Array("a".utf8), [], Array("caf\u{E9}".utf8)])
        #expect(row.line == 4)
        #expect(row.fieldCount == 3)
        #expect(row.encoded == [3, 1, 0x61, 0, 5, 0x63, 0x61, 0x66, 0xC3, 0xA9])
        #expect(row.fields == [Array("a".utf8), [], Array("caf\u{E9}".utf8)])
        #expect(row.texts == ["a", "", "caf\u{E9}"])
    }

    @Test func textsReadLegacyBytesAsWindows1252() {
        let row = CSVRow(line: 1, fields: [[0x49, 0x92, 0x6D], [0x80, 0x31, 0x32]])
        #expect(row.texts == ["I\u{2019}m", "\u{20AC}12"])
    }

    @Test func malformedEncodingHasNoFields() {
        let row = CSVRow(line: 1, fieldCount: 2, encoded: [2, 5, 0x61])
        #expect(row.fields.isEmpty)
        #expect(row.texts.isEmpty)
    }
}
