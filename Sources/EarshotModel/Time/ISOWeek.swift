/// An ISO 8601 week, such as `2026-W47`: weeks start on Monday and week 1 holds the year's first Thursday.
public struct ISOWeek: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The ISO week-numbering year (which can differ from the calendar year around 1 January).
    public var year: Int
    /// The week number, 1–53.
    public var week: Int

    /// Creates a week from its year and number without checking that week 53 exists.
    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// The week that contains a day, given as days since 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        // 1970-01-01 was a Thursday; ISO weekday 1 = Monday.
        let weekday = ((days + 3) % 7 + 7) % 7 + 1
        let thursday = days - weekday + 4
        let (year, _, _) = CivilDateTime.civil(fromDays: thursday)
        let firstDayOfYear = CivilDateTime.days(fromCivilYear: year, month: 1, day: 1)
        self.year = year
        self.week = (thursday - firstDayOfYear) / 7 + 1
    }

    /// Parses `2026-W07` or `2026-W7`; returns `nil` for anything else or a week the year does not have.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "-W")
        guard parts.count == 2, let year = Int(parts[0]), let week = Int(parts[1]), parts[0].count == 4,
            week >= 1, week <= ISOWeek.weeks(inYear: year)
        else { return nil }
        self.init(year: year, week: week)
    }

    /// The number of ISO weeks in a year: 53 when 28 December falls in week 53, else 52.
    public static func weeks(inYear year: Int) -> Int {
        ISOWeek(daysSinceEpoch: CivilDateTime.days(fromCivilYear: year, month: 12, day: 28)).week
    }

    /// Days since 1970-01-01 of this week's Monday.
    public var mondayDaysSinceEpoch: Int {
        let jan4 = CivilDateTime.days(fromCivilYear: year, month: 1, day: 4)
        let jan4Weekday = ((jan4 + 3) % 7 + 7) % 7 + 1
        return jan4 - (jan4Weekday - 1) + (week - 1) * 7
    }

    /// The week `count` weeks after this one (before it when negative).
    public func adding(weeks count: Int) -> ISOWeek {
        ISOWeek(daysSinceEpoch: mondayDaysSinceEpoch + count * 7)
    }

    /// `2026-W07`.
    public var description: String {
        let number = week < 10 ? "0\(week)" : "\(week)"
        return "\(year)-W\(number)"
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let week = ISOWeek(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Not an ISO week: \(text)"))
        }
        self = week
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
