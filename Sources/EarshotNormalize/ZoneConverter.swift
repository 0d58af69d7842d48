import EarshotModel
import Foundation

/// Converts wall-clock times in a named time zone to UTC and back, never using the machine's zone.
public struct ZoneConverter: Sendable {
    /// The zone.
    public let timeZone: TimeZone

    /// Creates a converter; returns `nil` for an unknown IANA name.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        timeZone = zone
    }

    /// Seconds since 1970 UTC of a wall-clock time in this zone (the earlier reading in a DST overlap).
    public func utcSeconds(of civil: CivilDateTime) -> Int64 {
        let asUTC = civil.secondsSinceEpochAsUTC
        let firstGuess = asUTC - Int64(offset(at: asUTC))
        return asUTC - Int64(offset(at: firstGuess))
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
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
