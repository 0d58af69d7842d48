import EarshotModel
import Foundation

/// Stage 4, report: computes the week's story from records and themes.
public struct ReportBuilder: Sendable {
    /// How many themes the report lists.
    public var maximumThemes: Int
    /// How many quotes each theme gets.
    public var quotesPerTheme: Int

    /// Creates a builder.
    public init(maximumThemes: Int = 10, quotesPerTheme: Int = 3) {
        self.maximumThemes = maximumThemes
        self.quotesPerTheme = quotesPerTheme
    }

    /// Builds the report for `input.week`.
    public func build(_ input: ReportInput) -> WeeklyReport {
        let week = input.week
        let byWeek = Dictionary(grouping: input.records, by: \.week)
        let thisWeek = (byWeek[week] ?? []).sorted { $0.id < $1.id }
        let lastWeek = byWeek[week.adding(weeks: -1)] ?? []
        let baseline = (1...4).flatMap { byWeek[week.adding(weeks: -$0)] ?? [] }
        let nps = NPSFigureMath.figure(thisWeek)
        let npsLast = NPSFigureMath.figure(lastWeek)
        let headline = WeeklyReport.Headline(
            responses: thisWeek.filter { $0.kind != .ticket }.count,
            tickets: thisWeek.filter { $0.kind == .ticket }.count,
            ticketsLastWeek: lastWeek.filter { $0.kind == .ticket }.count,
            nps: nps, npsLastWeek: npsLast, npsBaseline: NPSFigureMath.figure(baseline),
            npsVerdict: NPSFigureMath.verdict(nps, npsLast))

        let recordsByID = Dictionary(uniqueKeysWithValues: input.records.map { ($0.id, $0) })
        var themeRecords: [String: [NormalizedRecord]] = [:]
        var themedThisWeek = Set<RecordID>()
        for assignment in input.themes.assignments {
            guard let record = recordsByID[assignment.recordID] else { continue }
            themeRecords[assignment.themeID, default: []].append(record)
            if record.week == week { themedThisWeek.insert(record.id) }
        }
        let trendWeeks = (0..<12).map { week.adding(weeks: $0 - 11) }
        let zone = ZoneConverter(identifier: input.timeZone) ?? ZoneConverter(identifier: "UTC")!
        var lines: [WeeklyReport.ThemeLine] = []
        var quoted = Set<RecordID>()
        let themeOrder = input.themes.themes.sorted { lhs, rhs in
            let left = themeRecords[lhs.id]?.filter { $0.week == week }.count ?? 0
            let right = themeRecords[rhs.id]?.filter { $0.week == week }.count ?? 0
            return left != right ? left > right : lhs.id < rhs.id
        }
        for theme in themeOrder {
            let all = themeRecords[theme.id] ?? []
            let current = all.filter { $0.week == week }
            guard !current.isEmpty else { continue }
            let scored = current.compactMap(\.score?.npsCategory)
            let sourceCounts: [(String, Int)] = Dictionary(grouping: current, by: \.id.source).map { ($0.key, $0.value.count) }
            let sources: [String] = sourceCounts.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
            let counts: [ISOWeek: Int] = Dictionary(grouping: all, by: \.week).mapValues(\.count)
            let volumeLastWeek = all.filter { $0.week == week.adding(weeks: -1) }.count
            let detractors = scored.filter { $0 == .detractor }.count
            let detractorShare: Double? = scored.isEmpty ? nil : rounded(Double(detractors) / Double(scored.count))
            let trend: [Int] = trendWeeks.map { counts[$0] ?? 0 }
            let share = rounded(Double(current.count) / Double(max(thisWeek.count, 1)))
            let line = WeeklyReport.ThemeLine(
                id: theme.id, label: theme.label, keywords: Array(theme.keywords.prefix(5)), volume: current.count,
                share: share, volumeLastWeek: volumeLastWeek, detractorShare: detractorShare, sources: sources,
                trend: trend, quotes: quotes(for: current, keywords: theme.keywords, zone: zone, alreadyQuoted: &quoted))
            lines.append(line)
        }
        lines.sort { $0.volume != $1.volume ? $0.volume > $1.volume : $0.id < $1.id }
        var health = input.dataHealth
        health.themedShare = rounded(Double(themedThisWeek.count) / Double(max(thisWeek.count, 1)))
        let monday = week.mondayDaysSinceEpoch
        return WeeklyReport(
            week: week, weekStart: day(monday), weekEnd: day(monday + 6), timeZone: input.timeZone, headline: headline,
            themes: Array(lines.prefix(maximumThemes)),
            volumeByWeek: trendWeeks.map { WeeklyReport.WeekCount(week: $0, records: byWeek[$0]?.count ?? 0) },
            dataHealth: health, provenance: input.provenance)
    }

    /// Quotes that cover the theme's terms: each next quote is the one adding the most terms not yet shown,
    /// preferring texts of readable length; ties go to the record id, so the choice is deterministic.
    private func quotes(
        for records: [NormalizedRecord], keywords: [String], zone: ZoneConverter, alreadyQuoted: inout Set<RecordID>
    ) -> [WeeklyReport.Quote] {
        var shown = Set<String>()
        var chosen: [NormalizedRecord] = []
        let withText = records.filter { !$0.text.isEmpty || !$0.title.isEmpty }
        // A quote already shown under a bigger theme is used again only when the theme has nothing else to show.
        let fresh = withText.filter { !alreadyQuoted.contains($0.id) }
        var pool = fresh.isEmpty ? withText : fresh
        while chosen.count < quotesPerTheme, !pool.isEmpty {
            func value(_ record: NormalizedRecord) -> Double {
                let lower = record.fullText.lowercased()
                let new = keywords.filter { !shown.contains($0) && lower.contains($0) }.count
                let length = Double(record.fullText.count)
                let readable = length >= 40 && length <= 400 ? 1.0 : 0.0
                return Double(new) * 2 + readable
            }
            let best = pool.max { lhs, rhs in
                let left = value(lhs)
                let right = value(rhs)
                return left != right ? left < right : lhs.id > rhs.id
            }!
            chosen.append(best)
            pool.removeAll { $0.id == best.id }
            let lower = best.fullText.lowercased()
            shown.formUnion(keywords.filter { lower.contains($0) })
        }
        alreadyQuoted.formUnion(chosen.map(\.id))
        return chosen.map { record in
            var text = PersonalDataRedactor.redact(record.fullText.replacingOccurrences(of: "\n", with: " "))
            if text.count > 400 { text = String(text.prefix(397)) + "…" }
            return WeeklyReport.Quote(recordID: record.id.description, source: record.id.source,
                                      date: zone.civil(ofUTC: record.createdAt).isoDate, text: text)
        }
    }

    private func day(_ days: Int) -> String {
        CivilDateTime(secondsSinceEpoch: Int64(days) * 86_400).isoDate
    }

    private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
