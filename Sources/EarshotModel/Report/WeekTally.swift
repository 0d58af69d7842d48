/// One week of feedback as counts: what the weekly report needs of the weeks before the one it reports.
///
/// The report reads its own week record by record, but of the earlier weeks it shows only how many records came in,
/// how many were tickets, how the 0–10 answers split into NPS groups and how many carried each theme; the store
/// counts these with a `GROUP BY`, so a year-long workspace reports without loading the earlier weeks' records. Last
/// week's emotions are counted apart (``EmotionCounts``), for that week alone: joining every earlier record to its
/// emotions would cost more than all the rest.
public struct WeekTally: Sendable, Hashable {
    /// The week.
    public var week: ISOWeek
    /// Records of the week.
    public var records: Int
    /// Of them, support tickets.
    public var tickets: Int
    /// Records with a 0–10 score of 9 or 10.
    public var promoters: Int
    /// Records with a 0–10 score of 7 or 8.
    public var passives: Int
    /// Records with a 0–10 score of 0 to 6.
    public var detractors: Int
    /// Per theme id, the records of the week assigned to it at any rank; a theme with none may be missing.
    public var themeVolumes: [String: Int]

    /// Creates a tally, empty by default.
    public init(week: ISOWeek, records: Int = 0, tickets: Int = 0, promoters: Int = 0, passives: Int = 0,
                detractors: Int = 0, themeVolumes: [String: Int] = [:]) {
        self.week = week
        self.records = records
        self.tickets = tickets
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
        self.themeVolumes = themeVolumes
    }

    /// Counts the records of `week` among `records`, with the `assignments` that name them.
    ///
    /// Records of other weeks, and assignments of records not counted, are left out.
    public init(week: ISOWeek, records: [NormalizedRecord], assignments: [ThemeAssignment]) {
        self.init(week: week)
        var counted = Set<RecordID>()
        for record in records where record.week == week {
            add(1, isTicket: record.kind == .ticket, npsCategory: record.score?.npsCategory)
            counted.insert(record.id)
        }
        for assignment in assignments where counted.contains(assignment.recordID) {
            themeVolumes[assignment.themeID, default: 0] += 1
        }
    }

    /// Adds `count` records of one kind and NPS group: one group of a `GROUP BY`, or one record.
    public mutating func add(_ count: Int, isTicket: Bool, npsCategory: NPSCategory?) {
        records += count
        if isTicket { tickets += count }
        switch npsCategory {
        case .promoter: promoters += count
        case .passive: passives += count
        case .detractor: detractors += count
        case nil: break
        }
    }
}
