import EarshotModel
import EarshotStore
import Testing

@Suite struct StageStoreReportQueriesTests {
    static let week = ISOWeek("2026-W46")!

    /// The themes stage's figures reduced to what the report reads of them: each theme's volume in each week.
    private static func volumes(_ themeGroups: [ThemeRecordGroup]) -> [ThemeWeek] {
        var volumes: [String: [ISOWeek: Int]] = [:]
        for group in themeGroups { volumes[group.themeID, default: [:]][group.records.week, default: 0] += group.records.count }
        return volumes.flatMap { themeID, weeks in
            weeks.map { week, volume in
                ThemeWeek(themeID: themeID, week: week, volume: volume, weekRecords: 1, share: 0, promoters: 0, passives: 0,
                          detractors: 0, detractorShare: nil, npsImpact: nil, npsGainIfDetractorsPassive: nil, sources: [],
                          emotions: EmotionCounts(),
                          trend: .init(verdict: .tooFew, baselineVolume: 0, baselineRecords: 0, pValue: 1, qValue: 1))
            }
        }
    }

    @Test func talliesAndEmotionCountsCountWhatTheRecordsOfEachWeekWouldCount() throws {
        // Given three weeks of tickets and answers on several scales, some with emotions and themes
        let store = try StageStore.inMemory()
        let fileID = try store.ingest(.fixture("t")) { try $0.append(line: 2, encoded: RowEncoding.encode([[1]])) }.id!
        var records: [NormalizedRecord] = []
        var emotions: [RecordEmotions] = []
        var assignments: [ThemeAssignment] = []
        for index in 0..<60 {
            let week = Self.week.adding(weeks: -(index % 3))
            let scale: ScoreScale? = [.zeroToTen, .zeroToTen, .oneToFive, nil][index % 4]
            let value = scale == .oneToFive ? Double(1 + index % 5) : Double(index % 11)
            let record = NormalizedRecord(
                id: RecordID(source: "delighted", sourceID: "r\(index)"), kind: index % 5 == 0 ? .ticket : .nps,
                tool: "delighted", createdAt: Int64(week.mondayDaysSinceEpoch) * 86_400, week: week,
                score: scale.flatMap { Score(value: value, scale: $0) }, text: "text \(index)", fileID: fileID, line: 2)
            records.append(record)
            emotions.append(RecordEmotions(recordID: record.id, emotions: EmotionSet(rawValue: UInt8(index % 16))))
            let carried: [String] = index % 2 == 0 ? ["T1", "T2"] : index % 3 == 0 ? ["T2"] : []
            for (rank, theme) in carried.enumerated() {
                assignments.append(ThemeAssignment(recordID: record.id, themeID: theme, rank: rank + 1, strength: 1, matchedTerms: []))
            }
        }
        try store.replaceRecords(records, merged: [], rejected: [], inputVersion: 1)
        let themes = ["T1", "T2"].map { Theme(id: $0, label: $0, keywords: [], recordCount: 1) }
        try store.replaceThemes(ThemeModel(themes: themes, assignments: assignments), emotions: emotions,
                                weekly: { _, themeGroups in Self.volumes(themeGroups) }, inputVersion: 1)

        // When the report asks for four weeks' tallies, one of them without records
        let weeks = (0..<4).map { Self.week.adding(weeks: -$0) }
        let tallies = try store.weekTallies(weeks: Set(weeks))

        // Then each week with records counts as its records would, and the empty week is left out
        let expected = weeks.reversed().dropFirst().map { WeekTally(week: $0, records: records, assignments: assignments) }
        #expect(tallies == expected)
        #expect(tallies.map(\.records) == [20, 20, 20])
        #expect(tallies.allSatisfy { $0.tickets == 4 && $0.themeVolumes["T2"] != nil })

        // And each week's emotions count as its records' stored emotions would
        for week in weeks {
            var counted = EmotionCounts()
            for (record, emotion) in zip(records, emotions) where record.week == week { counted.add(emotion.emotions) }
            #expect(try store.emotionCounts(inWeek: week) == counted)
        }
    }

    @Test func noWeeksHaveNoTallies() throws {
        #expect(try StageStore.inMemory().weekTallies(weeks: []).isEmpty)
    }
}
