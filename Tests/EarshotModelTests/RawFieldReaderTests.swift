import EarshotModel
import Testing

@Suite struct RawFieldReaderTests {
    @Test func readsFieldsInPlaceTrimmedAndDecoded() {
        let encoded = RowEncoding.encode([Array("  id-7 \r\n".utf8), [], [0x63, 0x61, 0x66, 0xE9], Array("ok".utf8)])
        encoded.withUnsafeBytes { raw in
            var reader = RawFieldReader()
            let loaded = reader.load(raw)
            #expect(loaded)
            #expect(reader.count == 4)
            #expect(reader.string(0) == "id-7")
            #expect(Array(reader.untrimmedBytes(0)) == Array("  id-7 \r\n".utf8))
            #expect(reader.string(1) == "")
            #expect(reader.string(2) == "café", "bytes that are not UTF-8 read as Windows-1252")
            #expect(reader.string(9) == "", "a field the row does not have is empty")
        }
    }

    @Test func rejectsDamagedRows() {
        var encoded = RowEncoding.encode([Array("abc".utf8), Array("de".utf8)])
        encoded.removeLast()
        encoded.withUnsafeBytes { raw in
            var reader = RawFieldReader()
            let loaded = reader.load(raw)
            #expect(!loaded)
        }
    }
}
