import EarshotModel

/// What the report stage reads: the week's and the previous weeks' records, the themes, and the workspace's health.
public struct ReportInput: Sendable {
    /// The week to report.
    public var week: ISOWeek
    /// The zone weeks are counted in.
    public var timeZone: String
    /// Records of the week and the 11 weeks before it.
    public var records: [NormalizedRecord]
    /// The current themes and assignments.
    public var themes: ThemeModel
    /// Data health of the whole workspace.
    public var dataHealth: WeeklyReport.DataHealth
    /// Provenance.
    public var provenance: WeeklyReport.Provenance

    /// Creates an input.
    public init(
        week: ISOWeek, timeZone: String, records: [NormalizedRecord], themes: ThemeModel,
        dataHealth: WeeklyReport.DataHealth, provenance: WeeklyReport.Provenance
    ) {
        self.week = week
        self.timeZone = timeZone
        self.records = records
        self.themes = themes
        self.dataHealth = dataHealth
        self.provenance = provenance
    }
}
