import EarshotModel

/// Where each emotion concentrates this week: its share of the week, last week's (from last week's counts), the
/// themes where its share is highest relative to the whole week (lift), and one record that shows it.
struct EmotionSummary {
    /// Themes listed per emotion.
    var perEmotion = 3
    /// A theme needs this many records this week to be listed.
    var minimumThemeRecords = 5

    func lines(themes: [Theme], week: ReportWeek, quotes: QuoteChooser) -> [WeeklyReport.EmotionLine] {
        let records = week.records
        guard !records.isEmpty else { return [] }
        let lastWeekRecords = week.lastWeek.records
        return Emotion.allCases.map { emotion in
            let bit = EmotionSet(emotion)
            let showing = records.filter { week.emotions(of: $0.id).contains(bit) }
            let share = Double(showing.count) / Double(records.count)
            let lastShare = lastWeekRecords == 0 ? 0 : Double(week.lastWeekEmotions[emotion]) / Double(lastWeekRecords)
            var concentrations: [WeeklyReport.EmotionTheme] = []
            for theme in themes {
                let carrying = week.assignments[theme.id] ?? []
                guard carrying.count >= minimumThemeRecords else { continue }
                let count = carrying.filter { week.emotions(of: $0.recordID).contains(bit) }.count
                guard count > 0, share > 0 else { continue }
                let themeShare = Double(count) / Double(carrying.count)
                concentrations.append(WeeklyReport.EmotionTheme(
                    id: theme.id, label: theme.label, records: count, share: themeShare, lift: themeShare / share))
            }
            concentrations.sort { lhs, rhs in
                if lhs.lift != rhs.lift { return lhs.lift > rhs.lift }
                return lhs.id < rhs.id
            }
            let top = Array(concentrations.filter { $0.lift > 1 }.prefix(perEmotion))
            // The example comes from the theme where the emotion concentrates most, else from the whole week.
            let pool = top.first.map { theme in
                (week.assignments[theme.id] ?? []).map(\.recordID).filter { week.emotions(of: $0).contains(bit) }
            } ?? showing.map(\.id)
            let example = pool.min { lhs, rhs in
                let left = readable(week.length(of: lhs))
                let right = readable(week.length(of: rhs))
                return left != right ? left : lhs < rhs
            }.flatMap { quotes.quote($0) }
            return WeeklyReport.EmotionLine(emotion: emotion, records: showing.count, share: share,
                                            shareLastWeek: lastShare, themes: top, example: example)
        }
    }

    private func readable(_ length: Int) -> Bool {
        length >= 40 && length <= 300
    }
}
