extension CivilDateTime {
    /// `2026-11-16`.
    public var isoDate: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `2026-11-16T09:30:00Z`, for a time that is in UTC.
    public var isoUTCTimestamp: String {
        "\(isoDate)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
