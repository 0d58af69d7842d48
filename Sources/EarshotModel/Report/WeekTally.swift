/// One week of feedback as counts: all the weekly report needs of the weeks before the one it reports.
///
/// The report reads its own week record by record, but of the earlier weeks only how many records came in, how
/// many were tickets, how the 0–10 answers split into NPS groups, how many records showed each emotion and how many
/// carried each theme. The store counts these with a `GROUP BY`, so a year-long workspace reports without loading
/// the earlier weeks' records.
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
    /// Records whose words show each emotion.
    public var emotions: EmotionCounts
    /// Per theme id, the records of the week assigned to it at any rank; a theme with none may be missing.
    public var themeVolumes: [String: Int]

    /// Creates a tally, empty by default.
    public init(week: ISOWeek, records: Int = 0, tickets: Int = 0, promoters: Int = 0, passives: Int = 0,
                detractors: Int = 0, emotions: EmotionCounts = EmotionCounts(), themeVolumes: [String: Int] = [:]) {
        self.week = week
        self.records = records
        self.tickets = tickets
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
        self.emotions = emotions
        self.themeVolumes = themeVolumes
    }

    /// Counts the records of `week` among `records`, with their `emotions` and the `assignments` that name them.
    ///
    /// Records of other weeks, and assignments of records not counted, are left out.
    public init(week: ISOWeek, records: [NormalizedRecord], emotions: [RecordID: EmotionSet],
                assignments: [ThemeAssignment]) {
        self.init(week: week)
        var counted = Set<RecordID>()
        for record in records where record.week == week {
            add(1, isTicket: record.kind == .ticket, npsCategory: record.score?.npsCategory,
                emotions: emotions[record.id] ?? [])
            counted.insert(record.id)
        }
        for assignment in assignments where counted.contains(assignment.recordID) {
            themeVolumes[assignment.themeID, default: 0] += 1
        }
    }

    /// Adds `count` records of one kind, NPS group and set of emotions: one group of a `GROUP BY`, or one record.
    public mutating func add(_ count: Int, isTicket: Bool, npsCategory: NPSCategory?, emotions: EmotionSet) {
        records += count
        if isTicket { tickets += count }
        switch npsCategory {
        case .promoter: promoters += count
        case .passive: passives += count
        case .detractor: detractors += count
        case nil: break
        }
        self.emotions.add(emotions, count: count)
    }
}
