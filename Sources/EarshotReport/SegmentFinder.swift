import EarshotModel

/// Finds the segments (one value of one record attribute) where a theme is over-represented this week, with the
/// multiple-testing problem handled.
///
/// For theme `t` with share `s` of the week's records, and a segment of `n` records of which `k` carry `t`: the lift
/// is `(k / n) / s` and the p-value the two-sided exact binomial test of `k` of `n` against `s`. Every theme ×
/// segment pair tested in the week is adjusted together with Benjamini–Hochberg; a segment is reported when its
/// q-value is at most ``falseDiscoveryRate``, its lift at least ``minimumLift`` and it has at least
/// ``minimumThemeRecords`` of the theme's records.
struct SegmentFinder {
    var falseDiscoveryRate = 0.05
    var minimumLift = 1.5
    var minimumSegmentRecords = 10
    var minimumThemeRecords = 5
    /// Attributes with more values than this (free text, ids) are not segments.
    var maximumValues = 40
    /// Segments reported per theme.
    var perTheme = 3

    func segments(themes: [Theme], week: ReportWeek) -> [WeeklyReport.SegmentLine] {
        let records = week.records
        guard !records.isEmpty else { return [] }
        var valuesByAttribute: [String: [String: [RecordID]]] = [:]
        for record in records {
            for (attribute, values) in record.attributes {
                for value in Set(values) where !value.isEmpty {
                    valuesByAttribute[attribute, default: [:]][value, default: []].append(record.id)
                }
            }
        }
        var candidates: [WeeklyReport.SegmentLine] = []
        var pValues: [Double] = []
        for theme in themes {
            let carrying = Set((week.assignments[theme.id] ?? []).map(\.recordID))
            guard carrying.count >= minimumThemeRecords else { continue }
            let share = Double(carrying.count) / Double(records.count)
            for attribute in valuesByAttribute.keys.sorted() {
                let values = valuesByAttribute[attribute]!
                guard values.count > 1, values.count <= maximumValues else { continue }
                for value in values.keys.sorted() {
                    let members = values[value]!
                    guard members.count >= minimumSegmentRecords, members.count < records.count else { continue }
                    let inTheme = members.filter(carrying.contains).count
                    let segmentShare = Double(inTheme) / Double(members.count)
                    candidates.append(WeeklyReport.SegmentLine(
                        themeID: theme.id, label: theme.label, attribute: attribute, value: value,
                        segmentRecords: members.count, themeRecords: inTheme, share: segmentShare,
                        lift: share > 0 ? segmentShare / share : 0, qValue: 1))
                    pValues.append(Significance.binomialPValue(successes: inTheme, trials: members.count, probability: share))
                }
            }
        }
        let qValues = Significance.benjaminiHochberg(pValues)
        var reported: [String: [WeeklyReport.SegmentLine]] = [:]
        for (index, var candidate) in candidates.enumerated() {
            candidate.qValue = qValues[index]
            guard candidate.qValue <= falseDiscoveryRate, candidate.lift >= minimumLift,
                  candidate.themeRecords >= minimumThemeRecords else { continue }
            reported[candidate.themeID, default: []].append(candidate)
        }
        return themes.flatMap { theme in
            (reported[theme.id] ?? []).sorted { lhs, rhs in
                if lhs.lift != rhs.lift { return lhs.lift > rhs.lift }
                return (lhs.attribute, lhs.value) < (rhs.attribute, rhs.value)
            }.prefix(perTheme)
        }
    }
}
