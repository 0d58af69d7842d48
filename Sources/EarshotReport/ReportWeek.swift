import EarshotModel

/// The reported week's records and assignments, indexed once for every section of the report, with the counts of
/// the weeks before it.
struct ReportWeek {
    let week: ISOWeek
    /// The week's records, by id order.
    let records: [NormalizedRecord]
    /// The week's records by id.
    let byID: [RecordID: NormalizedRecord]
    /// Per theme, its assignments to records of this week, strongest first (rank, then strength, then id).
    let assignments: [String: [ThemeAssignment]]
    /// Counts of this week (from its records) and of the input's earlier weeks, by week; a week with no records
    /// may be missing.
    let tallies: [ISOWeek: WeekTally]
    /// How many records of the previous week show each emotion.
    let lastWeekEmotions: EmotionCounts
    /// The emotions of records that show any.
    let emotions: [RecordID: EmotionSet]
    /// The full text (title and text) of this week's records, and its length in characters, built once: every
    /// section compares and measures them many times.
    let texts: [RecordID: (text: String, length: Int)]

    init(_ input: ReportInput) {
        week = input.week
        let ofWeek = input.records.filter { $0.week == input.week }
        records = ofWeek.sorted { $0.id < $1.id }
        byID = Dictionary(ofWeek.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var assignments: [String: [ThemeAssignment]] = [:]
        for assignment in input.themes.assignments where byID[assignment.recordID] != nil {
            assignments[assignment.themeID, default: []].append(assignment)
        }
        self.assignments = assignments.mapValues { list in
            list.sorted { lhs, rhs in
                if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
                if lhs.strength != rhs.strength { return lhs.strength > rhs.strength }
                return lhs.recordID < rhs.recordID
            }
        }
        var tallies = Dictionary(input.earlierWeeks.filter { $0.week < input.week }.map { ($0.week, $0) },
                                 uniquingKeysWith: { first, _ in first })
        tallies[input.week] = WeekTally(week: input.week, records: records, assignments: input.themes.assignments)
        self.tallies = tallies
        lastWeekEmotions = input.lastWeekEmotions
        emotions = input.emotions
        texts = Dictionary(uniqueKeysWithValues: records.map { record in
            let text = record.fullText
            return (record.id, (text, text.count))
        })
    }

    /// The counts of a week: this one or an earlier one of the input (zero when it has no records).
    func tally(of week: ISOWeek) -> WeekTally { tallies[week] ?? WeekTally(week: week) }

    /// The counts of the week before this one.
    var lastWeek: WeekTally { tally(of: week.adding(weeks: -1)) }

    /// This week's counts.
    var thisWeek: WeekTally { tally(of: week) }

    /// The full text of a record of this week ("" for others).
    func text(of id: RecordID) -> String { texts[id]?.text ?? "" }

    /// The length in characters of ``text(of:)``.
    func length(of id: RecordID) -> Int { texts[id]?.length ?? 0 }

    /// The emotions of a record.
    func emotions(of id: RecordID) -> EmotionSet { emotions[id] ?? [] }

    /// Records of this week with the theme.
    func volume(of themeID: String) -> Int { assignments[themeID]?.count ?? 0 }
}
