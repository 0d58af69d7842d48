import EarshotModel

/// The reported week's records and assignments, indexed once for every section of the report.
struct ReportWeek {
    let week: ISOWeek
    /// The week's records, by id order.
    let records: [NormalizedRecord]
    /// The records of the previous week.
    let lastWeek: [NormalizedRecord]
    /// Every input record by id (12 weeks).
    let byID: [RecordID: NormalizedRecord]
    /// Per theme, its assignments to records of this week, strongest first (rank, then strength, then id).
    let assignments: [String: [ThemeAssignment]]
    /// Per theme, its records per week over all input weeks.
    let weeklyCounts: [String: [ISOWeek: Int]]
    /// The emotions of records that show any.
    let emotions: [RecordID: EmotionSet]
    /// The full text (title and text) of this week's records, and its length in characters, built once: every
    /// section compares and measures them many times.
    let texts: [RecordID: (text: String, length: Int)]

    init(_ input: ReportInput) {
        week = input.week
        let byWeek = Dictionary(grouping: input.records, by: \.week)
        records = (byWeek[input.week] ?? []).sorted { $0.id < $1.id }
        lastWeek = byWeek[input.week.adding(weeks: -1)] ?? []
        byID = Dictionary(input.records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var assignments: [String: [ThemeAssignment]] = [:]
        var weeklyCounts: [String: [ISOWeek: Int]] = [:]
        for assignment in input.themes.assignments {
            guard let record = byID[assignment.recordID] else { continue }
            weeklyCounts[assignment.themeID, default: [:]][record.week, default: 0] += 1
            if record.week == input.week { assignments[assignment.themeID, default: []].append(assignment) }
        }
        self.assignments = assignments.mapValues { list in
            list.sorted { lhs, rhs in
                if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
                if lhs.strength != rhs.strength { return lhs.strength > rhs.strength }
                return lhs.recordID < rhs.recordID
            }
        }
        self.weeklyCounts = weeklyCounts
        emotions = input.emotions
        texts = Dictionary(uniqueKeysWithValues: records.map { record in
            let text = record.fullText
            return (record.id, (text, text.count))
        })
    }

    /// The full text of a record of this week ("" for others).
    func text(of id: RecordID) -> String { texts[id]?.text ?? "" }

    /// The length in characters of ``text(of:)``.
    func length(of id: RecordID) -> Int { texts[id]?.length ?? 0 }

    /// The emotions of a record.
    func emotions(of id: RecordID) -> EmotionSet { emotions[id] ?? [] }

    /// Records of this week with the theme.
    func volume(of themeID: String) -> Int { assignments[themeID]?.count ?? 0 }
}
