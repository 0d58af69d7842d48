
import Foundation

/// Converts wall-clock times in a named time zone to UTC and back, never using the machine's zone.
public struct ZoneConverter: Sendable {
    /// The zone.
    public let timeZone: TimeZone
    /// Whether the zone is UTC itself: then no lookup is needed (normalize converts millions of times).
    private let isUTC: Bool

    /// Creates a converter; returns `nil` for an unknown IANA name.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        timeZone = zone
        isUTC = ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Zulu", "Etc/Zulu", "Universal", "Etc/Universal"].contains(identifier)
    }

    /// Seconds since 1970 UTC of a wall-clock time in this zone.
    ///
    /// In a repeated hour (clocks going back) it is the earlier reading; in a skipped hour (clocks going forward) the
    /// time is read with the offset in force before the change.
    public func utcSeconds(of civil: CivilDateTime) -> Int64 {
        let asUTC = civil.secondsSinceEpochAsUTC
        if isUTC { return asUTC }
        let before = offset(at: asUTC - 86_400)
        let candidates = Set([before, offset(at: asUTC), offset(at: asUTC + 86_400)])
        let readings = candidates.map { asUTC - Int64($0) }.filter { Int64(offset(at: $0)) == asUTC - $0 }
        return readings.min() ?? asUTC - Int64(before)
    }

    /// The wall-clock time in this zone of a UTC instant.
    public func civil(ofUTC seconds: Int64) -> CivilDateTime {
        CivilDateTime(secondsSinceEpoch: seconds + Int64(offset(at: seconds)))
    }

    /// The ISO week, in this zone, of a UTC instant.
    public func week(ofUTC seconds: Int64) -> ISOWeek {
        ISOWeek(daysSinceEpoch: civil(ofUTC: seconds).daysSinceEpoch)
    }

    private func offset(at seconds: Int64) -> Int {
        if isUTC { return 0 }
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
