import EarshotModel
import Testing

@Suite struct ScoreTests {
    @Test(arguments: [
        (0.0, NPSCategory.detractor), (6.0, .detractor), (6.5, .detractor), (7.0, .passive), (8.0, .passive),
        (8.9, .passive), (9.0, .promoter), (10.0, .promoter),
    ])
    func npsCategories(value: Double, expected: NPSCategory) throws {
        let score = try #require(Score(value: value, scale: .zeroToTen))
        #expect(score.npsCategory == expected)
    }

    @Test func onlyZeroToTenScoresHaveACategory() throws {
        #expect(try #require(Score(value: 5, scale: .oneToFive)).npsCategory == nil)
        #expect(try #require(Score(value: 1, scale: .goodBad)).npsCategory == nil)
    }

    @Test(arguments: [
        (-1.0, ScoreScale.zeroToTen), (10.5, .zeroToTen), (11, .zeroToTen), (0, .oneToFive), (5.5, .oneToFive),
        (2, .goodBad), (-0.5, .goodBad),
    ])
    func outOfRangeInitReturnsNil(value: Double, scale: ScoreScale) {
        #expect(Score(value: value, scale: scale) == nil)
    }

    @Test(arguments: [(0.0, ScoreScale.zeroToTen), (10, .zeroToTen), (1, .oneToFive), (5, .oneToFive), (0, .goodBad), (1, .goodBad)])
    func boundsAreInclusive(value: Double, scale: ScoreScale) throws {
        let score = try #require(Score(value: value, scale: scale))
        #expect(score.value == value)
        #expect(score.scale == scale)
    }

    @Test func scaleRawValues() {
        #expect(ScoreScale.zeroToTen.rawValue == "0-10")
        #expect(ScoreScale.oneToFive.rawValue == "1-5")
        #expect(ScoreScale.goodBad.rawValue == "good-bad")
        #expect(ScoreScale.oneToFive.bounds == 1...5)
    }
}
