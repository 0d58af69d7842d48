import EarshotModel
import Testing

@Suite struct TextDecodingTests {
    @Test(arguments: [
        (UInt8(0x92), "\u{2019}"), (0x80, "\u{20AC}"), (0x93, "\u{201C}"), (0x94, "\u{201D}"), (0x96, "\u{2013}"),
        (0x9F, "\u{0178}"), (0xE9, "\u{E9}"), (0xD7, "\u{D7}"), (0x41, "A"), (0xA0, "\u{A0}"),
        (0x81, "\u{81}"), (0x8D, "\u{8D}"), (0x9D, "\u{9D}"),
    ])
    func windows1252Bytes(byte: UInt8, expected: String) {
        #expect(TextDecoding.windows1252String([byte]) == expected)
    }

    @Test func windows1252Sentence() {
        let bytes: [UInt8] = Array("It".utf8) + [0x92] + Array("s ".utf8) + [0x80] + Array("12 caf".utf8) + [0xE9]
        #expect(TextDecoding.windows1252String(bytes) == "It\u{2019}s \u{20AC}12 caf\u{E9}")
    }

    @Test func validUTF8IsKept() {
        #expect(TextDecoding.string(fromPossiblyLegacyBytes: Array("caf\u{E9} \u{20AC} \u{1F642}".utf8)) == "caf\u{E9} \u{20AC} \u{1F642}")
        #expect(TextDecoding.string(fromPossiblyLegacyBytes: []) == "")
    }

    @Test func invalidUTF8FallsBackToWindows1252() {
        #expect(TextDecoding.string(fromPossiblyLegacyBytes: [0x63, 0x61, 0x66, 0xE9]) == "caf\u{E9}")
        #expect(TextDecoding.string(fromPossiblyLegacyBytes: [0x49, 0x92, 0x6D]) == "I\u{2019}m")
    }
}
