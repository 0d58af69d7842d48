import EarshotModel
import EarshotNormalize
import Testing

@Suite struct ScoreParserTests {
    @Test(arguments: [
        ("9 - Very likely", 9.0), ("10", 10), ("0", 0), (" 7 ", 7), ("4.5", 4.5), ("5 - Very satisfied", 5),
        ("10-Extremely likely", 10), ("3 (Neutral)", 3), ("8.", 8), ("9-", 9), ("\t6\t", 6), ("007", 7),
        ("\u{A0}8\u{A0}", 8), ("6 – Likely", 6),
    ])
    func leadingNumber(text: String, expected: Double) {
        #expect(ScoreParser.leadingNumber(text) == expected)
    }

    @Test(arguments: ["", "Offered", "10/15/2026", "12abc", "10-15", "-3", "x9", ".5", "2026-10-06", "   ", "9é"])
    func noLeadingNumber(text: String) {
        #expect(ScoreParser.leadingNumber(text) == nil)
    }

    @Test(arguments: [
        ("9 - Very likely", ScoreScale.zeroToTen, 9.0), ("10", .zeroToTen, 10), ("0", .zeroToTen, 0),
        ("5 - Very satisfied", .oneToFive, 5), ("1", .oneToFive, 1), ("Good", .goodBad, 1), ("good", .goodBad, 1),
        (" Bad ", .goodBad, 0), ("Good, I'm satisfied", .goodBad, 1), ("Bad, I'm unsatisfied", .goodBad, 0),
    ])
    func scores(text: String, scale: ScoreScale, expected: Double) throws {
        let score = try #require(ScoreParser.score(text, scale: scale))
        #expect(score.value == expected)
        #expect(score.scale == scale)
    }

    @Test(arguments: [
        ("Offered", ScoreScale.goodBad), ("Unoffered", .goodBad), ("", .goodBad), ("1", .goodBad),
        ("10/15/2026", .zeroToTen), ("11", .zeroToTen), ("0", .oneToFive), ("6", .oneToFive), ("", .zeroToTen),
        ("Offered", .zeroToTen), ("Good", .zeroToTen),
    ])
    func noScore(text: String, scale: ScoreScale) {
        #expect(ScoreParser.score(text, scale: scale) == nil)
    }
}
