import EarshotModel
import Testing

@Suite struct RowEncodingTests {
    @Test func encodesCountThenLengthPrefixedFields() {
        let encoded = RowEncoding.encode([Array("ab".utf8), [], Array("c".utf8)])
        #expect(encoded == [3, 2, 0x61, 0x62, 0, 1, 0x63])
    }

    @Test func varintUsesLEB128() {
        var buffer: [UInt8] = []
        RowEncoding.appendVarint(0, to: &buffer)
        RowEncoding.appendVarint(127, to: &buffer)
        RowEncoding.appendVarint(128, to: &buffer)
        RowEncoding.appendVarint(300, to: &buffer)
        #expect(buffer == [0x00, 0x7F, 0x80, 0x01, 0xAC, 0x02])
    }

    @Test(arguments: [
        [[UInt8]](),
        [[]],
        [[], [], []],
        [Array("id".utf8), [], Array("caf\u{E9}".utf8), [0x00, 0xFF, 0x0A, 0x0D]],
        [[UInt8](repeating: 0x41, count: 127), [UInt8](repeating: 0x42, count: 128)],
    ])
    func roundTrips(fields: [[UInt8]]) {
        #expect(RowEncoding.decode(RowEncoding.encode(fields)) == fields)
    }

    @Test func roundTripsMoreThan127Fields() throws {
        let fields = (0..<300).map { Array("f\($0)".utf8) }
        let encoded = RowEncoding.encode(fields)
        #expect(Array(encoded.prefix(2)) == [0xAC, 0x02])
        let decoded = try #require(RowEncoding.decode(encoded))
        #expect(decoded.count == 300)
        #expect(decoded == fields)
    }

    @Test func roundTripsA200ByteField() throws {
        let field = (0..<200).map { UInt8($0 % 251) }
        let encoded = RowEncoding.encode([Array("x".utf8), field])
        #expect(encoded.count == 1 + 2 + 2 + 200)
        #expect(Array(encoded[3...4]) == [0xC8, 0x01])
        #expect(try #require(RowEncoding.decode(encoded)) == [Array("x".utf8), field])
    }

    @Test func decodesFromASlice() {
        let bytes: [UInt8] = [0xFF, 2, 1, 0x61, 0, 0xFF]
        #expect(RowEncoding.decode(bytes[1..<5]) == [[0x61], []])
    }

    @Test(arguments: [
        [UInt8](),                // no count
        [0x80],                   // varint never ends
        [0x05],                   // count larger than the bytes
        [0x02, 0x01],             // field length with no bytes
        [0x01, 0x03, 0x61, 0x62], // field shorter than its length
        [0x01, 0x01, 0x61, 0x62], // trailing bytes after the last field
        [0x00, 0x00],             // trailing byte after an empty row
        [0x01, 0xFF, 0xFF],       // length varint cut off
    ])
    func malformedInputDecodesToNil(bytes: [UInt8]) {
        #expect(RowEncoding.decode(bytes) == nil)
    }
}
