import EarshotModel
import Testing

@Suite struct CivilDateTimeTests {
    @Test func epochIsDayZero() {
        #expect(CivilDateTime.days(fromCivilYear: 1970, month: 1, day: 1) == 0)
        #expect(CivilDateTime.civil(fromDays: 0) == (1970, 1, 1))
        #expect(CivilDateTime.days(fromCivilYear: 1969, month: 12, day: 31) == -1)
    }

    @Test func knownDayCounts() {
        #expect(CivilDateTime.days(fromCivilYear: 2026, month: 10, day: 6) == 20_732)
        #expect(CivilDateTime.days(fromCivilYear: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilDateTime.civil(fromDays: 20_732) == (2026, 10, 6))
    }

    @Test func daysAndCivilRoundTripOverFourCenturies() {
        // Roughly 1422 … 2517, every day; covers 1600/2000 (leap) and 1700/1800/1900/2100 (not leap).
        var previous = CivilDateTime.civil(fromDays: -200_001)
        for days in -200_000...200_000 {
            let (year, month, day) = CivilDateTime.civil(fromDays: days)
            let back = CivilDateTime.days(fromCivilYear: year, month: month, day: day)
            let valid = (1...12).contains(month) && day >= 1 && day <= CivilDateTime.daysIn(month: month, year: year)
            // Consecutive day counts are consecutive dates: same month +1 day, or day 1 of the next month/year.
            let follows = (year == previous.year && month == previous.month && day == previous.day + 1)
                || (day == 1 && ((year == previous.year && month == previous.month + 1)
                    || (year == previous.year + 1 && month == 1 && previous.month == 12)))
            if back != days || !valid || !follows {
                Issue.record("day \(days) -> \(year)-\(month)-\(day) -> \(back); previous \(previous)")
                return
            }
            previous = (year, month, day)
        }
        #expect(CivilDateTime.civil(fromDays: 200_000) == (2517, 8, 1))
        #expect(CivilDateTime.civil(fromDays: -200_000) == (1422, 6, 3))
    }

    @Test(arguments: [1600, 2000, 2004, 2024, 2028])
    func leapDaysExistInLeapYears(year: Int) throws {
        #expect(CivilDateTime.isLeap(year))
        let leapDay = try #require(CivilDateTime(year: year, month: 2, day: 29))
        let days = leapDay.daysSinceEpoch
        #expect(CivilDateTime.civil(fromDays: days) == (year, 2, 29))
        #expect(CivilDateTime.civil(fromDays: days + 1) == (year, 3, 1))
        #expect(CivilDateTime.civil(fromDays: days - 1) == (year, 2, 28))
    }

    @Test(arguments: [1700, 1900, 2023, 2026, 2100])
    func noLeapDayInCommonYears(year: Int) {
        #expect(!CivilDateTime.isLeap(year))
        #expect(CivilDateTime(year: year, month: 2, day: 29) == nil)
        let feb28 = CivilDateTime.days(fromCivilYear: year, month: 2, day: 28)
        #expect(CivilDateTime.civil(fromDays: feb28 + 1) == (year, 3, 1))
    }

    @Test(arguments: [
        (2026, 13, 1, 0, 0, 0), (2026, 0, 1, 0, 0, 0), (2026, 4, 31, 0, 0, 0), (2026, 2, 30, 0, 0, 0),
        (2026, 1, 0, 0, 0, 0), (2026, 1, 1, 24, 0, 0), (2026, 1, 1, 0, 60, 0), (2026, 1, 1, 0, 0, 61),
        (2026, 1, 1, -1, 0, 0),
    ])
    func rejectsOutOfRangeComponents(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        #expect(CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second) == nil)
    }

    @Test func acceptsLeapSecondAndLastMoments() {
        #expect(CivilDateTime(year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 60) != nil)
        #expect(CivilDateTime(year: 2026, month: 4, day: 30, hour: 23, minute: 59, second: 59) != nil)
    }

    @Test func secondsSinceEpochAsUTC() throws {
        let time = try #require(CivilDateTime(year: 2026, month: 10, day: 6, hour: 9, minute: 12, second: 44))
        #expect(time.secondsSinceEpochAsUTC == 1_791_277_964)
        #expect(time.daysSinceEpoch == 20_732)
    }

    @Test(arguments: [Int64(0), 1, 59, 86_399, 86_400, 1_700_000_000, 1_791_277_964, 951_782_400, -1, -86_399, -86_400, -86_401, -1_000_000_000])
    func secondsRoundTrip(seconds: Int64) {
        let civil = CivilDateTime(secondsSinceEpoch: seconds)
        #expect(civil.secondsSinceEpochAsUTC == seconds)
        #expect((0...23).contains(civil.hour) && (0...59).contains(civil.minute) && (0...59).contains(civil.second))
    }

    @Test func initFromSecondsGivesComponents() {
        let civil = CivilDateTime(secondsSinceEpoch: 1_700_000_000)
        #expect(civil == CivilDateTime(year: 2023, month: 11, day: 14, hour: 22, minute: 13, second: 20))
        let beforeEpoch = CivilDateTime(secondsSinceEpoch: -1)
        #expect(beforeEpoch == CivilDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59))
        let dayBefore = CivilDateTime(secondsSinceEpoch: -86_400)
        #expect(dayBefore == CivilDateTime(year: 1969, month: 12, day: 31))
    }

    @Test func comparesChronologically() throws {
        let earlier = try #require(CivilDateTime(year: 2026, month: 10, day: 6, hour: 23, minute: 59, second: 59))
        let later = try #require(CivilDateTime(year: 2026, month: 10, day: 7))
        #expect(earlier < later)
        #expect(!(later < earlier))
    }

    @Test(arguments: [(1, 31), (2, 28), (3, 31), (4, 30), (6, 30), (9, 30), (11, 30), (12, 31)])
    func daysInMonthOfACommonYear(month: Int, expected: Int) {
        #expect(CivilDateTime.daysIn(month: month, year: 2026) == expected)
    }
}
