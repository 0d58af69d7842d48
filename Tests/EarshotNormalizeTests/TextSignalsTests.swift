import Testing

@testable import EarshotNormalize

/// ``TextCleaner/Signals`` decides which cleaning steps run; it reads bytes through a lookup table for speed. This
/// checks it against the plain reading of its rules over texts made of every byte that matters.
@Suite struct TextSignalsTests {
    /// The rules, spelled one byte at a time.
    private static func reference(_ text: String) -> TextCleaner.Signals {
        var signals = TextCleaner.Signals("".utf8)
        signals.isTidy = true
        var previous: UInt8 = 0x20
        var first = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): signals.hasLessThan = true
            case UInt8(ascii: ">"): signals.hasGreaterThan = true
            case UInt8(ascii: "&"): signals.hasAmpersand = true
            case UInt8(ascii: "{"): signals.hasBrace = true
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "!"),
                UInt8(ascii: "~"), UInt8(ascii: "#"), UInt8(ascii: "h"):
                if byte != UInt8(ascii: "h") || previous == 0x0A || first { signals.hasMarkup = true }
            case 0x0A, 0x0D: signals.hasLineBreak = true
            case 0x09, 0x0B, 0x0C, 0xC2, 0xE2, 0xEF: signals.isTidy = false
            case 0x20: if previous == 0x20 || first { signals.isTidy = false }
            default: break
            }
            previous = byte
            first = false
        }
        if previous == 0x20 { signals.isTidy = false }
        return signals
    }

    @Test func theTableReadsAsTheRules() {
        let pieces = ["a", " ", "  ", "h", "h3.", "\n", "\r\n", "<b>", ">", "&amp;", "{code}", "*", "_", "`", "[", "!",
                      "~", "#", "\t", "\u{A0}", "\u{200B}", "\u{FEFF}", "é", "Grüße", "word"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // a fixed sequence, so a failure reproduces
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        var texts = pieces + pieces.map { " " + $0 } + pieces.map { $0 + " " } + pieces.map { "\n" + $0 }
        for _ in 0..<2_000 {
            texts.append((0...next(6)).map { _ in pieces[next(pieces.count)] }.joined())
        }
        for text in texts {
            #expect(TextCleaner.Signals(text.utf8) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
