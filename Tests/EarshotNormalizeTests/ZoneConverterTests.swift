import EarshotModel
import EarshotNormalize
import Testing

@Suite struct ZoneConverterTests {
    private func civil(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> CivilDateTime {
        CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)!
    }

    @Test func denverSummerTimeIsSixHoursBehindUTC() throws {
        let denver = try #require(ZoneConverter(identifier: "America/Denver"))
        #expect(denver.utcSeconds(of: civil(2026, 10, 6, 9, 12, 44)) == utc(2026, 10, 6, 15, 12, 44))
        #expect(denver.utcSeconds(of: civil(2026, 10, 6, 9, 12, 44)) == 1_791_299_564)
    }

    @Test func denverWinterTimeIsSevenHoursBehindUTC() throws {
        let denver = try #require(ZoneConverter(identifier: "America/Denver"))
        #expect(denver.utcSeconds(of: civil(2026, 12, 1, 9)) == utc(2026, 12, 1, 16))
    }

    @Test func zurichAroundTheEndOfSummerTime() throws {
        // CEST (+2) ends on 2026-10-25 at 03:00 local, 01:00 UTC.
        let zurich = try #require(ZoneConverter(identifier: "Europe/Zurich"))
        #expect(zurich.utcSeconds(of: civil(2026, 10, 24, 12)) == utc(2026, 10, 24, 10))
        #expect(zurich.utcSeconds(of: civil(2026, 10, 25, 1, 30)) == utc(2026, 10, 24, 23, 30))
        #expect(zurich.utcSeconds(of: civil(2026, 10, 25, 3, 30)) == utc(2026, 10, 25, 2, 30))
        #expect(zurich.utcSeconds(of: civil(2026, 10, 26, 12)) == utc(2026, 10, 26, 11))
    }

    @Test func denverAroundTheStartOfSummerTime() throws {
        // MST (-7) → MDT (-6) on 2026-03-08 at 02:00 local, 09:00 UTC.
        let denver = try #require(ZoneConverter(identifier: "America/Denver"))
        #expect(denver.utcSeconds(of: civil(2026, 3, 8, 1, 30)) == utc(2026, 3, 8, 8, 30))
        #expect(denver.utcSeconds(of: civil(2026, 3, 8, 3, 30)) == utc(2026, 3, 8, 9, 30))
    }

    @Test func repeatedHourWestOfUTCTakesTheEarlierReading() throws {
        // 01:30 happens twice in Denver on 2026-11-01: at 07:30 UTC (MDT) and at 08:30 UTC (MST).
        let denver = try #require(ZoneConverter(identifier: "America/Denver"))
        #expect(denver.utcSeconds(of: civil(2026, 11, 1, 1, 30)) == utc(2026, 11, 1, 7, 30))
    }

    @Test
    func repeatedHourEastOfUTCTakesTheEarlierReading() throws {
        // 02:30 happens twice in Zurich on 2026-10-25: at 00:30 UTC (CEST) and at 01:30 UTC (CET).
        let zurich = try #require(ZoneConverter(identifier: "Europe/Zurich"))
        #expect(zurich.utcSeconds(of: civil(2026, 10, 25, 2, 30)) == utc(2026, 10, 25, 0, 30))
    }

    @Test func civilOfUTCIsTheInverse() throws {
        let zurich = try #require(ZoneConverter(identifier: "Europe/Zurich"))
        #expect(zurich.civil(ofUTC: utc(2026, 10, 24, 10)) == civil(2026, 10, 24, 12))
        #expect(zurich.civil(ofUTC: utc(2026, 10, 26, 11)) == civil(2026, 10, 26, 12))
        let denver = try #require(ZoneConverter(identifier: "America/Denver"))
        for hour in stride(from: 0, to: 24 * 28, by: 5) {
            let local = civil(2026, 10, 1 + hour / 24, hour % 24, 17, 3)
            #expect(denver.civil(ofUTC: denver.utcSeconds(of: local)) == local)
        }
    }

    @Test func weekIsCountedInTheZone() throws {
        // Sunday 2026-10-11 23:30 UTC is already Monday in Berlin.
        let instant = utc(2026, 10, 11, 23, 30)
        #expect(try #require(ZoneConverter(identifier: "UTC")).week(ofUTC: instant) == ISOWeek(year: 2026, week: 41))
        #expect(try #require(ZoneConverter(identifier: "Europe/Berlin")).week(ofUTC: instant) == ISOWeek(year: 2026, week: 42))
        #expect(try #require(ZoneConverter(identifier: "America/Denver")).week(ofUTC: utc(2026, 10, 12, 3)) == ISOWeek(year: 2026, week: 41))
    }

    @Test func unknownZoneIsNil() {
        #expect(ZoneConverter(identifier: "Mars/Olympus_Mons") == nil)
        #expect(ZoneConverter(identifier: "Europe/Zurich") != nil)
    }
}
