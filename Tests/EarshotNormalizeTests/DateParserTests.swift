import EarshotModel
import EarshotNormalize
import Testing

@Suite struct DateParserTests {
    private func civil(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> CivilDateTime {
        CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)!
    }

    @Test(arguments: [
        ("2026-10-06 09:12:44", DayMonthOrder.monthFirst, 2026, 10, 6, 9, 12, 44, Int?.none),
        ("2026-10-06T09:12:44Z", .monthFirst, 2026, 10, 6, 9, 12, 44, 0),
        ("2026-10-06T09:12:44.123+02:00", .monthFirst, 2026, 10, 6, 9, 12, 44, 7200),
        ("2026-10-06 09:12:44 UTC", .monthFirst, 2026, 10, 6, 9, 12, 44, 0),
        ("2015-02-24 11:35:52 -0800", .monthFirst, 2015, 2, 24, 11, 35, 52, -28_800),
        ("2026-10-06T09:12+0530", .monthFirst, 2026, 10, 6, 9, 12, 0, 19_800),
        ("2026-10-06", .dayFirst, 2026, 10, 6, 0, 0, 0, nil),
        ("2026/10/06 9:12:44 PM", .dayFirst, 2026, 10, 6, 21, 12, 44, nil),
        ("14/01/2025 13:26", .dayFirst, 2025, 1, 14, 13, 26, 0, nil),
        ("1/15/2025 21:53:05", .monthFirst, 2025, 1, 15, 21, 53, 5, nil),
        ("10/08/2026 10:04:37 AM", .monthFirst, 2026, 10, 8, 10, 4, 37, nil),
        ("10/08/2026 10:04:37 AM", .dayFirst, 2026, 8, 10, 10, 4, 37, nil),
        ("10/05/2026 08:49:17 PM", .monthFirst, 2026, 10, 5, 20, 49, 17, nil),
        ("10/08/2026 12:30:00 PM", .monthFirst, 2026, 10, 8, 12, 30, 0, nil),
        ("10/08/2026 12:30:00 AM", .monthFirst, 2026, 10, 8, 0, 30, 0, nil),
        ("10/08/2026 12:05 pm", .monthFirst, 2026, 10, 8, 12, 5, 0, nil),
        ("10/08/2026 1:05 PM", .monthFirst, 2026, 10, 8, 13, 5, 0, nil),
        ("22/Sep/25 9:26 AM", .monthFirst, 2025, 9, 22, 9, 26, 0, nil),
        ("22/Sep/25 9:26 PM", .dayFirst, 2025, 9, 22, 21, 26, 0, nil),
        ("06-Oct-2026", .monthFirst, 2026, 10, 6, 0, 0, 0, nil),
        ("6.10.2026 14:00", .dayFirst, 2026, 10, 6, 14, 0, 0, nil),
        ("  2026-10-06 09:12:44  ", .monthFirst, 2026, 10, 6, 9, 12, 44, nil),
        ("1700000000", .monthFirst, 2023, 11, 14, 22, 13, 20, 0),
        ("1700000000000", .monthFirst, 2023, 11, 14, 22, 13, 20, 0),
        ("1700000000999", .dayFirst, 2023, 11, 14, 22, 13, 20, 0),
    ])
    func parses(
        text: String, order: DayMonthOrder, year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
        offset: Int?
    ) throws {
        let parsed = try #require(DateParser.parse(text, order: order))
        #expect(parsed.civil == civil(year, month, day, hour, minute, second))
        #expect(parsed.utcOffsetSeconds == offset)
    }

    @Test func offsetGivesTheUTCInstant() throws {
        let parsed = try #require(DateParser.parse("2015-02-24 11:35:52 -0800", order: .monthFirst))
        let offset = try #require(parsed.utcOffsetSeconds)
        let instant = parsed.civil.secondsSinceEpochAsUTC - Int64(offset)
        #expect(CivilDateTime(secondsSinceEpoch: instant) == civil(2015, 2, 24, 19, 35, 52))
    }

    @Test
    func offsetAfterGMTIsRead() throws {
        #expect(DateParser.parse("2026-10-06 09:12:44 GMT+02:00", order: .monthFirst)?.utcOffsetSeconds == 7200)
        #expect(DateParser.parse("2026-10-06 09:12:44 UTC-5", order: .monthFirst)?.utcOffsetSeconds == -18_000)
    }

    @Test(arguments: [
        ("2026-02-30", DayMonthOrder.monthFirst), ("2026-13-01", .monthFirst), ("2026-10-06 25:00", .monthFirst),
        ("14/01/2025 13:26", .monthFirst), ("1/15/2025", .dayFirst), ("", .monthFirst), ("   ", .monthFirst),
        ("hello", .monthFirst), ("Offered", .monthFirst), ("42", .monthFirst), ("2026", .monthFirst),
        ("31/Foo/25", .dayFirst), ("10/08", .monthFirst), ("29/02/2026", .dayFirst),
    ])
    func rejectsInvalidDates(text: String, order: DayMonthOrder) {
        #expect(DateParser.parse(text, order: order) == nil)
    }

    @Test func leapDayParsesInALeapYear() {
        #expect(DateParser.parse("29/02/2024", order: .dayFirst)?.civil == civil(2024, 2, 29))
    }

    @Test(arguments: [
        ("14/01/2025 13:26", DayMonthOrder?.some(.dayFirst)),
        ("1/15/2025 21:53:05", .monthFirst),
        ("05/06/2026", nil),
        ("12/12/2026", nil),
        ("13/13/2026", nil),
        ("31.12.2026", .dayFirst),
        ("2026-10-06", nil),
        ("2026/10/31", nil),
        ("", nil),
    ])
    func forcedOrder(text: String, expected: DayMonthOrder?) {
        #expect(DateParser.forcedOrder(of: text) == expected)
    }

    @Test(arguments: [
        ("10/08/2026 10:04:37 AM", true), ("1/5/26", true), ("14/01/2025", true), ("2026/10/08", false),
        ("2026-10-08", false), ("22/Sep/25 9:26 AM", false), ("10/08", false), ("", false), ("a/b/c", false),
    ])
    func isSlashedNumericDate(text: String, expected: Bool) {
        #expect(DateParser.isSlashedNumericDate(text) == expected)
    }
}
