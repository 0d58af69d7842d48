import EarshotModel
import EarshotThemes

extension Pipeline {
    /// What the themes stage stores beside its themes: every record's emotions and every theme's weekly figures.
    struct ThemeFigures: Sendable {
        var emotions: [(recordID: RecordID, emotions: EmotionSet)]
        var weeks: [ThemeWeek]
    }

    /// Scans the records' words for emotions and computes each theme's figures per week, with the trend settings of
    /// `earshot.toml`.
    func themeFigures(records: [NormalizedRecord], model: ThemeModel) -> ThemeFigures {
        let sets = EmotionLexicon().emotionSets(in: records.map(\.fullText))
        var facts: [ThemeWeekCalculator.RecordFacts] = []
        facts.reserveCapacity(records.count)
        var index: [RecordID: Int] = [:]
        index.reserveCapacity(records.count)
        for (offset, record) in records.enumerated() {
            facts.append(ThemeWeekCalculator.RecordFacts(
                week: record.week, source: record.id.source, npsCategory: record.score?.npsCategory, emotions: sets[offset]))
            index[record.id] = offset
        }
        let memberships = model.assignments.compactMap { assignment in
            index[assignment.recordID].map { ThemeWeekCalculator.Membership(record: $0, themeID: assignment.themeID) }
        }
        let settings = workspace.configuration.trends
        let calculator = ThemeWeekCalculator(
            tester: TrendTester(minimumCount: settings.minimumCount, falseDiscoveryRate: settings.falseDiscoveryRate),
            baselineWeeks: settings.baselineWeeks)
        return ThemeFigures(
            emotions: zip(records, sets).map { ($0.id, $1) },
            weeks: calculator.figures(themeIDs: model.themes.map(\.id), records: facts, memberships: memberships))
    }
}
