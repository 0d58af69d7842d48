import EarshotModel

/// Computes every theme's figures for every week: volume, share, NPS groups and impact, sources, emotions, and a
/// tested verdict of its share against the weeks before.
///
/// For theme `t` in week `w` with the week's scored records split into `P` promoters, `A` passives and `D`
/// detractors (`N = P + A + D`), of which the theme's records are `Pₜ`, `Aₜ`, `Dₜ` (`Nₜ`):
/// - `NPS(all) = 100 · (P − D) / N`, `NPS(without t) = 100 · ((P − Pₜ) − (D − Dₜ)) / (N − Nₜ)`, and the impact is
///   their difference, negative when the theme pulls the score down.
/// - The points gained if the theme's detractors had been passives: `100 · Dₜ / N`.
/// - The verdict compares the theme's `k` of the week's `n` records with its `b` of the `B` records of the
///   ``baselineWeeks`` weeks before, by ``TrendTester`` (exact binomial, Benjamini–Hochberg across the week's themes).
///
/// Every week from the first with records to the last gets a figure for every theme, so a theme that vanished shows
/// as volume 0 (and perhaps `falling`) rather than as a missing row; weeks without any record are skipped.
public struct ThemeWeekCalculator: Sendable {
    /// What the calculator needs to know of one record: a group of one.
    public typealias RecordFacts = RecordGroup

    /// One record carrying one theme.
    public struct Membership: Sendable, Hashable {
        /// The record's index in the facts array.
        public var record: Int
        /// The theme id.
        public var themeID: String

        /// Creates a membership.
        public init(record: Int, themeID: String) {
            self.record = record
            self.themeID = themeID
        }
    }

    /// The tester deciding verdicts.
    public var tester: TrendTester
    /// How many weeks before a week form its baseline.
    public var baselineWeeks: Int

    /// Creates a calculator.
    public init(tester: TrendTester = TrendTester(), baselineWeeks: Int = 4) {
        self.tester = tester
        self.baselineWeeks = max(1, baselineWeeks)
    }

    /// The figures of every theme in `themeIDs` for every week with records, ordered by week then theme id.
    ///
    /// A membership naming a theme outside `themeIDs`, or a record index outside `records`, is ignored; a record
    /// carrying a theme twice counts once.
    public func figures(themeIDs: [String], records: [RecordFacts], memberships: [Membership]) -> [ThemeWeek] {
        func group(_ record: RecordFacts) -> RecordGroup {
            var one = record
            one.count = 1
            return one
        }
        var seen = Set<Membership>()
        let themeGroups = memberships.compactMap { membership -> ThemeRecordGroup? in
            guard records.indices.contains(membership.record), seen.insert(membership).inserted else { return nil }
            return ThemeRecordGroup(themeID: membership.themeID, records: group(records[membership.record]))
        }
        return figures(themeIDs: themeIDs, groups: records.map(group), themeGroups: themeGroups)
    }

    /// The same figures from counted groups: `groups` covers every record once, `themeGroups` every (record, theme)
    /// pair once — what a `GROUP BY` over the workspace gives without loading a record.
    public func figures(themeIDs: [String], groups: [RecordGroup], themeGroups: [ThemeRecordGroup]) -> [ThemeWeek] {
        let withRecords = groups.filter { $0.count > 0 }
        guard let firstWeek = withRecords.map(\.week).min(), let lastWeek = withRecords.map(\.week).max() else { return [] }
        let themes = Array(Set(themeIDs)).sorted()
        let themeIndex = Dictionary(uniqueKeysWithValues: themes.enumerated().map { ($0.element, $0.offset) })
        let firstDay = firstWeek.mondayDaysSinceEpoch
        let weekCount = (lastWeek.mondayDaysSinceEpoch - firstDay) / 7 + 1
        func weekIndex(_ week: ISOWeek) -> Int { (week.mondayDaysSinceEpoch - firstDay) / 7 }

        var weeks = [Tally](repeating: Tally(), count: weekCount)
        for group in withRecords { weeks[weekIndex(group.week)].add(group) }
        var cells = [Tally](repeating: Tally(), count: weekCount * themes.count)
        for themeGroup in themeGroups {
            let group = themeGroup.records
            guard let theme = themeIndex[themeGroup.themeID], group.count > 0, group.week >= firstWeek,
                  group.week <= lastWeek else { continue }
            cells[weekIndex(group.week) * themes.count + theme].add(group)
        }

        var result: [ThemeWeek] = []
        for index in 0..<weekCount where weeks[index].records > 0 {
            let week = firstWeek.adding(weeks: index)
            let baseline = max(0, index - baselineWeeks)..<index
            var current: [String: Int] = [:]
            var before: [String: Int] = [:]
            for (theme, id) in themes.enumerated() {
                current[id] = cells[index * themes.count + theme].records
                before[id] = baseline.reduce(0) { $0 + cells[$1 * themes.count + theme].records }
            }
            let baselineTotal = baseline.reduce(0) { $0 + weeks[$1].records }
            let trends = Dictionary(uniqueKeysWithValues: tester.verdicts(
                week: current, weekTotal: weeks[index].records, baseline: before, baselineTotal: baselineTotal
            ).map { ($0.themeID, $0) })
            for (theme, id) in themes.enumerated() {
                let cell = cells[index * themes.count + theme]
                let trend = trends[id]!
                result.append(figure(
                    themeID: id, week: week, cell: cell, all: weeks[index],
                    trend: ThemeWeek.Trend(verdict: trend.verdict, baselineVolume: trend.baselineCount,
                                           baselineRecords: trend.baselineTotal, pValue: trend.pValue, qValue: trend.qValue)))
            }
        }
        return result
    }

    private func figure(themeID: String, week: ISOWeek, cell: Tally, all: Tally, trend: ThemeWeek.Trend) -> ThemeWeek {
        let withoutTheme = all.subtracting(cell)
        let npsImpact: Double? = if let overall = all.nps, let without = withoutTheme.nps { overall - without } else { nil }
        let gain: Double? = all.scored > 0 ? 100 * Double(cell.detractors) / Double(all.scored) : nil
        let sources = cell.sources.map { SourceCount(source: $0.key, records: $0.value) }
            .sorted { $0.records != $1.records ? $0.records > $1.records : $0.source < $1.source }
        return ThemeWeek(
            themeID: themeID, week: week, volume: cell.records, weekRecords: all.records,
            share: Double(cell.records) / Double(all.records), promoters: cell.promoters, passives: cell.passives,
            detractors: cell.detractors, detractorShare: cell.scored > 0 ? Double(cell.detractors) / Double(cell.scored) : nil,
            npsImpact: npsImpact, npsGainIfDetractorsPassive: gain, sources: sources, emotions: cell.emotions, trend: trend)
    }

    /// Counts over a set of records.
    private struct Tally {
        var records = 0
        var promoters = 0
        var passives = 0
        var detractors = 0
        var sources: [String: Int] = [:]
        var emotions = EmotionCounts()

        var scored: Int { promoters + passives + detractors }

        /// `100 · (P − D) / N`, or `nil` without scores.
        var nps: Double? {
            scored > 0 ? 100 * Double(promoters - detractors) / Double(scored) : nil
        }

        mutating func add(_ group: RecordGroup) {
            records += group.count
            switch group.npsCategory {
            case .promoter: promoters += group.count
            case .passive: passives += group.count
            case .detractor: detractors += group.count
            case nil: break
            }
            sources[group.source, default: 0] += group.count
            emotions.add(group.emotions, count: group.count)
        }

        /// The counts without `part`'s NPS groups (sources and emotions are not needed there).
        func subtracting(_ part: Tally) -> Tally {
            var rest = Tally()
            rest.records = records - part.records
            rest.promoters = promoters - part.promoters
            rest.passives = passives - part.passives
            rest.detractors = detractors - part.detractors
            return rest
        }
    }
}
