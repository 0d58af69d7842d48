import EarshotModel
import Foundation

/// Stage 4, report: computes the week's story from records, themes and the themes stage's weekly figures.
public struct ReportBuilder: Sendable {
    /// How many themes the report lists.
    public var maximumThemes: Int
    /// How many quotes each theme gets.
    public var quotesPerTheme: Int
    /// How many big steady themes the "held steady" list names.
    public var steadyThemes = 5

    /// Creates a builder.
    public init(maximumThemes: Int = 10, quotesPerTheme: Int = 3) {
        self.maximumThemes = maximumThemes
        self.quotesPerTheme = quotesPerTheme
    }

    /// Builds the report for `input.week`.
    public func build(_ input: ReportInput) -> WeeklyReport {
        let week = ReportWeek(input)
        let zone = ZoneConverter(identifier: input.timeZone) ?? ZoneConverter(identifier: "UTC")!
        let chooser = QuoteChooser(week: week, zone: zone, quotesPerTheme: quotesPerTheme)
        let figures = Dictionary(input.themeWeeks.filter { $0.week == input.week }.map { ($0.themeID, $0) },
                                 uniquingKeysWith: { first, _ in first })
        // The last 12 weeks, from the first that has any record: weeks before the data began are not zero mentions.
        let twelveWeeks = (0..<12).map { input.week.adding(weeks: $0 - 11) }
        let trendWeeks = Array(twelveWeeks.drop { $0 != input.week && week.tally(of: $0).records == 0 })

        let ranked = input.themes.themes.filter { week.volume(of: $0.id) > 0 }.sorted { lhs, rhs in
            let left = figures[lhs.id]?.npsGainIfDetractorsPassive ?? 0
            let right = figures[rhs.id]?.npsGainIfDetractorsPassive ?? 0
            if left != right { return left > right }
            let leftVolume = week.volume(of: lhs.id)
            let rightVolume = week.volume(of: rhs.id)
            return leftVolume != rightVolume ? leftVolume > rightVolume : lhs.id < rhs.id
        }
        let shown = Array(ranked.prefix(maximumThemes))
        var quoted = Set<RecordID>()
        var lines: [WeeklyReport.ThemeLine] = []
        let scored = week.records.filter { $0.score?.npsCategory != nil }.count
        for theme in shown {
            let quotes = chooser.quotes(theme: theme, alreadyQuoted: &quoted)
            let counter = chooser.counterQuote(theme: theme, alreadyQuoted: quoted)
            if let counter { quoted.insert(counter.id) }
            lines.append(line(theme, figure: figures[theme.id], week: week, scored: scored, trendWeeks: trendWeeks,
                              quotes: quotes, counterQuote: counter?.quote))
        }

        var health = input.dataHealth
        let themed = Set(week.assignments.values.joined().map(\.recordID))
        health.themedShare = rounded(Double(themed.count) / Double(max(week.records.count, 1)))
        let monday = input.week.mondayDaysSinceEpoch
        return WeeklyReport(
            week: input.week, weekStart: day(monday), weekEnd: day(monday + 6), timeZone: input.timeZone,
            headline: headline(week: week, topTheme: lines.first),
            themes: lines,
            movers: movers(themes: input.themes.themes, figures: figures, method: input.trendMethod),
            emotions: EmotionSummary().lines(themes: ranked, week: week, quotes: chooser),
            segments: SegmentFinder().segments(themes: Array(ranked.prefix(5)), week: week),
            mustRead: chooser.mustRead(order: readingOrder(ranked: ranked, figures: figures)),
            volumeByWeek: trendWeeks.map { trendWeek in
                let tally = week.tally(of: trendWeek)
                return WeeklyReport.WeekCount(week: trendWeek, records: tally.records,
                                              nps: NPSFigureMath.figure([tally])?.score)
            },
            dataHealth: health, provenance: input.provenance)
    }

    private func headline(week: ReportWeek, topTheme: WeeklyReport.ThemeLine?) -> WeeklyReport.Headline {
        let current = week.thisWeek
        let last = week.lastWeek
        let nps = NPSFigureMath.figure([current])
        let npsLast = NPSFigureMath.figure([last])
        let npsBaseline = NPSFigureMath.figure((1...4).map { week.tally(of: week.week.adding(weeks: -$0)) })
        let fromLast = NPSFigureMath.change(nps, npsLast)
        let fromBaseline = NPSFigureMath.change(nps, npsBaseline)
        let tickets = current.tickets
        let ticketsLast = last.tickets
        var summary: [String] = []
        if nps == nil {
            summary.append("No 0–10 scores came in this week, so there is no NPS.")
        } else {
            summary.append(NPSFigureMath.sentence(nps, fromLast, against: "last week")!)
            if npsBaseline != nil { summary.append(NPSFigureMath.sentence(nps, fromBaseline, against: "the 4-week baseline")!) }
        }
        if tickets > 0 || ticketsLast > 0 {
            summary.append("\(tickets) tickets came in, \(change(tickets, ticketsLast)) last week's \(ticketsLast).")
        }
        if let topTheme {
            let stake = topTheme.npsPointsAtStake.map { ", \(NPSFigureMath.format($0)) NPS points at stake" } ?? ""
            summary.append("The theme that matters most is “\(topTheme.label)”: \(topTheme.volume) records (\(percent(topTheme.share)))\(stake).")
        }
        return WeeklyReport.Headline(
            responses: current.records - tickets, responsesLastWeek: last.records - ticketsLast,
            tickets: tickets, ticketsLastWeek: ticketsLast, nps: nps, npsLastWeek: npsLast, npsBaseline: npsBaseline,
            changeFromLastWeek: fromLast, changeFromBaseline: fromBaseline, summary: summary)
    }

    /// One theme's line; `scored` is the week's records with a 0–10 score.
    private func line(_ theme: Theme, figure: ThemeWeek?, week: ReportWeek, scored: Int, trendWeeks: [ISOWeek],
                      quotes: [WeeklyReport.Quote], counterQuote: WeeklyReport.Quote?) -> WeeklyReport.ThemeLine {
        let assignments = week.assignments[theme.id] ?? []
        let records = assignments.compactMap { week.byID[$0.recordID] }
        var sources: [String: Int] = [:]
        for record in records { sources[record.id.source, default: 0] += 1 }
        let categories = records.compactMap(\.score?.npsCategory)
        let detractors = categories.filter { $0 == .detractor }.count
        let frustrated = records.filter { week.emotions(of: $0.id).contains(.frustration) }.count
        // The points at stake are 100 · Dₜ / N, a proportion p of the week's N scored answers: its binomial margin.
        var stakeMargin: Double?
        if let gain = figure?.npsGainIfDetractorsPassive, scored > 0 {
            let p = gain / 100
            stakeMargin = rounded(196 * (p * (1 - p) / Double(scored)).squareRoot(), places: 1)
        }
        return WeeklyReport.ThemeLine(
            id: theme.id, label: theme.label, keywords: Array(theme.keywords.prefix(6)), volume: records.count,
            share: rounded(Double(records.count) / Double(max(week.records.count, 1))),
            volumeLastWeek: week.lastWeek.themeVolumes[theme.id] ?? 0,
            baselineShare: rounded(figure?.trend.baselineShare ?? 0),
            verdict: figure?.trend.verdict ?? .tooFew, qValue: rounded(figure?.trend.qValue ?? 1, places: 4),
            detractorShare: categories.isEmpty ? nil : rounded(Double(detractors) / Double(categories.count)),
            frustrationShare: rounded(Double(frustrated) / Double(max(records.count, 1))),
            npsImpact: figure?.npsImpact.map { rounded($0, places: 1) },
            npsPointsAtStake: figure?.npsGainIfDetractorsPassive.map { rounded($0, places: 1) },
            npsPointsAtStakeMargin: stakeMargin,
            sources: sources.map { SourceCount(source: $0.key, records: $0.value) }
                .sorted { $0.records != $1.records ? $0.records > $1.records : $0.source < $1.source },
            trend: trendWeeks.map { week.tally(of: $0).themeVolumes[theme.id] ?? 0 }, quotes: quotes,
            counterQuote: counterQuote)
    }

    private func movers(themes: [Theme], figures: [String: ThemeWeek],
                        method: ReportInput.TrendMethod) -> WeeklyReport.Movers {
        var groups: [TrendVerdict: [WeeklyReport.ThemeMove]] = [:]
        for theme in themes {
            guard let figure = figures[theme.id] else { continue }
            groups[figure.trend.verdict, default: []].append(WeeklyReport.ThemeMove(
                id: theme.id, label: theme.label, volume: figure.volume, share: rounded(figure.share),
                baselineShare: rounded(figure.trend.baselineShare), qValue: rounded(figure.trend.qValue, places: 4)))
        }
        func bySignificance(_ moves: [WeeklyReport.ThemeMove]) -> [WeeklyReport.ThemeMove] {
            moves.sorted { ($0.qValue, -$0.volume, $0.id) < ($1.qValue, -$1.volume, $1.id) }
        }
        let steady = (groups[.steady] ?? []).sorted { ($0.volume, $1.id) > ($1.volume, $0.id) }
        let sentence = "Each theme's share this week is tested against the \(method.baselineWeeks) weeks before it "
            + "(exact binomial test); Benjamini–Hochberg keeps false discoveries among the \(figures.count) themes tested "
            + "under \(Int((method.falseDiscoveryRate * 100).rounded()))%; themes with fewer than \(method.minimumCount) "
            + "records get no verdict."
        return WeeklyReport.Movers(
            new: bySignificance(groups[.new] ?? []), rising: bySignificance(groups[.rising] ?? []),
            fading: bySignificance(groups[.falling] ?? []), heldSteady: Array(steady.prefix(steadyThemes)),
            method: sentence)
    }

    /// New themes first, then rising, then the rest by impact: the order the ten comments are chosen in.
    private func readingOrder(ranked: [Theme], figures: [String: ThemeWeek]) -> [(theme: Theme, reason: String)] {
        let new = ranked.filter { figures[$0.id]?.trend.verdict == .new }.map { ($0, "new theme") }
        let rising = ranked.filter { figures[$0.id]?.trend.verdict == .rising }.map { ($0, "rising theme") }
        let rest = ranked.filter { ![.new, .rising].contains(figures[$0.id]?.trend.verdict) }.enumerated().map { index, theme in
            let points = figures[theme.id]?.npsGainIfDetractorsPassive ?? 0
            let volume = figures[theme.id]?.volume ?? 0
            let reason = points >= 1 ? "\(index == 0 ? "most" : NPSFigureMath.format(points)) NPS points at stake"
                : index == 0 ? "biggest theme" : "\(volume) records this week"
            return (theme, reason)
        }
        return new + rising + rest
    }

    private func change(_ current: Int, _ previous: Int) -> String {
        guard previous > 0 else { return current > 0 ? "against none of" : "as many as" }
        let change = Double(current - previous) / Double(previous)
        if current == previous { return "as many as" }
        return "\(change > 0 ? "up" : "down") \(percent(abs(change))) from"
    }

    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    private func day(_ days: Int) -> String {
        CivilDateTime(secondsSinceEpoch: Int64(days) * 86_400).isoDate
    }

    private func rounded(_ value: Double, places: Int = 3) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}
