import EarshotModel
import Foundation
import Testing

@Suite struct ISOWeekTests {
    private func week(_ year: Int, _ month: Int, _ day: Int) -> ISOWeek {
        ISOWeek(daysSinceEpoch: CivilDateTime.days(fromCivilYear: year, month: month, day: day))
    }

    @Test func firstOfJanuary2026IsWeekOneOf2026() {
        #expect(week(2026, 1, 1) == ISOWeek(year: 2026, week: 1))
    }

    @Test func lateDecember2024BelongsToWeekOneOf2025() {
        #expect(week(2024, 12, 30) == ISOWeek(year: 2025, week: 1))
        #expect(week(2024, 12, 29) == ISOWeek(year: 2024, week: 52))
    }

    @Test func earlyJanuaryCanBelongToThePreviousYearsLastWeek() {
        #expect(week(2021, 1, 3) == ISOWeek(year: 2020, week: 53))
        #expect(week(2027, 1, 1) == ISOWeek(year: 2026, week: 53))
        #expect(week(2021, 1, 4) == ISOWeek(year: 2021, week: 1))
    }

    @Test func epochDayIsThursdayOfWeekOne1970() {
        #expect(ISOWeek(daysSinceEpoch: 0) == ISOWeek(year: 1970, week: 1))
        // 1969-12-29 is the Monday of that week.
        #expect(ISOWeek(year: 1970, week: 1).mondayDaysSinceEpoch == -3)
        #expect(ISOWeek(daysSinceEpoch: -3) == ISOWeek(year: 1970, week: 1))
        #expect(ISOWeek(daysSinceEpoch: -4) == ISOWeek(year: 1969, week: 52))
    }

    @Test(arguments: [
        (2018, 52), (2019, 52), (2020, 53), (2021, 52), (2024, 52), (2025, 52), (2026, 53), (2027, 52),
    ])
    func weeksInYear(year: Int, expected: Int) {
        #expect(ISOWeek.weeks(inYear: year) == expected)
    }

    @Test func week53ExistsIn2020ButNotIn2021() {
        #expect(ISOWeek("2020-W53") == ISOWeek(year: 2020, week: 53))
        #expect(ISOWeek("2021-W53") == nil)
        #expect(ISOWeek("2021-W52") == ISOWeek(year: 2021, week: 52))
    }

    @Test(arguments: ["2026-W07", "2026-W7", "2026-w07"])
    func parsesWeekSpellings(text: String) {
        #expect(ISOWeek(text) == ISOWeek(year: 2026, week: 7))
    }

    @Test(arguments: ["", "2026", "2026-07", "2026W07", "26-W07", "2026-W00", "2026-W54", "2026-Wxx", "abcd-W01", "2026-W01-W02"])
    func rejectsMalformedWeeks(text: String) {
        #expect(ISOWeek(text) == nil)
    }

    @Test func descriptionPadsTheWeekNumber() {
        #expect(ISOWeek(year: 2026, week: 7).description == "2026-W07")
        #expect(ISOWeek(year: 2026, week: 47).description == "2026-W47")
    }

    @Test func parseAndDescriptionRoundTripForEveryWeekOfSeveralYears() throws {
        for year in 2019...2027 {
            for number in 1...ISOWeek.weeks(inYear: year) {
                let week = ISOWeek(year: year, week: number)
                let parsed = try #require(ISOWeek(week.description))
                #expect(parsed == week)
            }
        }
    }

    @Test func mondayOfWeekOne2025Is30December2024() {
        let monday = ISOWeek(year: 2025, week: 1).mondayDaysSinceEpoch
        #expect(monday == CivilDateTime.days(fromCivilYear: 2024, month: 12, day: 30))
        #expect(ISOWeek(daysSinceEpoch: monday) == ISOWeek(year: 2025, week: 1))
        #expect(ISOWeek(daysSinceEpoch: monday - 1) == ISOWeek(year: 2024, week: 52))
    }

    @Test func everyDayOfAWeekMapsToThatWeek() {
        let monday = ISOWeek(year: 2026, week: 41).mondayDaysSinceEpoch
        #expect(monday == CivilDateTime.days(fromCivilYear: 2026, month: 10, day: 5))
        for offset in 0..<7 {
            #expect(ISOWeek(daysSinceEpoch: monday + offset) == ISOWeek(year: 2026, week: 41))
        }
        #expect(ISOWeek(daysSinceEpoch: monday + 7) == ISOWeek(year: 2026, week: 42))
    }

    @Test(arguments: [
        (ISOWeek(year: 2025, week: 52), 1, ISOWeek(year: 2026, week: 1)),
        (ISOWeek(year: 2026, week: 52), 1, ISOWeek(year: 2026, week: 53)),
        (ISOWeek(year: 2026, week: 53), 1, ISOWeek(year: 2027, week: 1)),
        (ISOWeek(year: 2021, week: 1), -1, ISOWeek(year: 2020, week: 53)),
        (ISOWeek(year: 2026, week: 41), 5, ISOWeek(year: 2026, week: 46)),
        (ISOWeek(year: 2026, week: 46), -5, ISOWeek(year: 2026, week: 41)),
        (ISOWeek(year: 2024, week: 10), 52, ISOWeek(year: 2025, week: 10)),
        (ISOWeek(year: 2026, week: 3), 0, ISOWeek(year: 2026, week: 3)),
    ])
    func addingWeeks(start: ISOWeek, count: Int, expected: ISOWeek) {
        #expect(start.adding(weeks: count) == expected)
    }

    @Test func ordersByYearThenWeek() {
        #expect(ISOWeek(year: 2025, week: 52) < ISOWeek(year: 2026, week: 1))
        #expect(ISOWeek(year: 2026, week: 2) < ISOWeek(year: 2026, week: 10))
        #expect(!(ISOWeek(year: 2026, week: 10) < ISOWeek(year: 2026, week: 10)))
    }

    @Test func codableUsesTheTextForm() throws {
        let data = try JSONEncoder().encode([ISOWeek(year: 2026, week: 7)])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-W07\"]")
        let decoded = try JSONDecoder().decode([ISOWeek].self, from: Data("[\"2020-W53\"]".utf8))
        #expect(decoded == [ISOWeek(year: 2020, week: 53)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ISOWeek].self, from: Data("[\"2021-W53\"]".utf8))
        }
    }
}
