import EarshotIngest
import Testing

@Suite struct ExportEncodingTests {
    @Test(arguments: [
        ([UInt8]([0xEF, 0xBB, 0xBF, 0x61, 0x2C]), ExportEncoding.utf8BOM),
        ([0xFF, 0xFE, 0x61, 0x00], .utf16LE),
        ([0xFE, 0xFF, 0x00, 0x61], .utf16BE),
        ([0x61, 0x00, 0x2C, 0x00, 0x62, 0x00, 0x0A, 0x00], .utf16LE),
        ([0x00, 0x61, 0x00, 0x2C, 0x00, 0x62, 0x00, 0x0A], .utf16BE),
        (Array("id,comment\n1,caf\u{E9} \u{20AC}\n".utf8), .utf8),
        ([0x63, 0x61, 0x66, 0xE9, 0x2C, 0x20, 0x6F, 0x6B, 0x0A], .windows1252),
        ([0x49, 0x92, 0x6D, 0x2C, 0x78], .windows1252),
        // A whole small file may not end in half a character (a full 64 KiB prefix may: see below).
        (Array("caf".utf8) + [0xC3], .windows1252),
        ([0xC3, 0x28, 0x61, 0x62], .windows1252),
        ([], .utf8),
    ])
    func sniffs(prefix: [UInt8], expected: ExportEncoding) {
        #expect(ExportEncoding.sniff(prefix: prefix) == expected)
    }

    @Test func aFullPrefixMayEndInTheMiddleOfACharacter() {
        let letters = [UInt8](repeating: 0x61, count: 65_534)
        #expect(ExportEncoding.sniff(prefix: letters + [0x61, 0xC3]) == .utf8)
        #expect(ExportEncoding.sniff(prefix: letters + [0xE2, 0x82]) == .utf8)
        #expect(ExportEncoding.sniff(prefix: letters + [0xE9, 0x0A]) == .windows1252)
    }

    @Test
    func windows1252ByteNearTheEndOfAWholeFileIsNotMistakenForATruncatedSequence() {
        #expect(ExportEncoding.sniff(prefix: [0x63, 0x61, 0x66, 0xE9, 0x0A]) == .windows1252)
        #expect(ExportEncoding.sniff(prefix: Array("id,name\n1,Ren".utf8) + [0xE9, 0x0D, 0x0A]) == .windows1252)
    }

    @Test func byteOrderMarkLengths() {
        #expect(ExportEncoding.utf8.byteOrderMarkLength == 0)
        #expect(ExportEncoding.utf8BOM.byteOrderMarkLength == 3)
        #expect(ExportEncoding.utf16LE.byteOrderMarkLength == 2)
        #expect(ExportEncoding.utf16BE.byteOrderMarkLength == 2)
        #expect(ExportEncoding.windows1252.byteOrderMarkLength == 0)
    }

    @Test func rawValuesAreTheManifestNames() {
        #expect(ExportEncoding(rawValue: "utf-8") == .utf8)
        #expect(ExportEncoding(rawValue: "utf-8-bom") == .utf8BOM)
        #expect(ExportEncoding(rawValue: "utf-16le") == .utf16LE)
        #expect(ExportEncoding(rawValue: "utf-16be") == .utf16BE)
        #expect(ExportEncoding(rawValue: "windows-1252") == .windows1252)
    }
}
