import EarshotModel
import EarshotReport
import EarshotStore
import Foundation
import Logging

/// The forms the weekly report is written in.
public enum ReportFormat: String, Sendable, CaseIterable, Hashable {
    /// Markdown for chat and wikis.
    case md
    /// Self-contained HTML.
    case html
    /// JSON following `docs/report.schema.json`.
    case json
}

extension Pipeline {
    /// The week a report is for when none is given: the last complete ISO week in the reporting time zone that has
    /// records, else the latest week with records.
    public func defaultReportWeek(now: Date) throws -> ISOWeek? {
        let weeks = try workspace.store.weeksWithRecords()
        let zone = TimeZone(identifier: workspace.configuration.reportingTimeZone) ?? TimeZone(identifier: "UTC")!
        let seconds = Int64(now.timeIntervalSince1970) + Int64(zone.secondsFromGMT(for: now))
        let current = ISOWeek(daysSinceEpoch: Int(seconds / 86_400))
        return weeks.last { $0 < current } ?? weeks.last
    }

    /// Builds the report for a week.
    ///
    /// Only the week itself is loaded record by record (with its assignments and emotions); the 11 weeks before it
    /// are read as counts, which is all the report shows of them.
    public func buildReport(week: ISOWeek) throws -> WeeklyReport {
        let store = workspace.store
        let reported: Set<ISOWeek> = [week]
        let earlierWeeks = Set((1..<12).map { week.adding(weeks: -$0) })
        let records = try store.records(inWeeks: reported)
        let totals = try store.totals()
        var reasons: [String: Int] = [:]
        for (stored, count) in totals.quarantineReasons {
            let reason = stored.replacingOccurrences(of: #"\d+"#, with: "N", options: .regularExpression)
            reasons[reason, default: 0] += count
        }
        let health = WeeklyReport.DataHealth(
            files: totals.files.count, rowsRead: totals.rowsRead, records: totals.records,
            mergedDuplicates: totals.mergedDuplicates, quarantined: totals.quarantined,
            quarantineReasons: reasons.map { WeeklyReport.ReasonCount(reason: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason },
            themedShare: 0)
        let provenance = WeeklyReport.Provenance(
            earshotVersion: Pipeline.version, configSHA256: workspace.configurationSHA256, inputFiles: totals.files,
            themeChanges: try themeChanges(recordedIn: week))
        let trends = workspace.configuration.trends
        let input = ReportInput(
            week: week, timeZone: workspace.configuration.reportingTimeZone, records: records,
            earlierWeeks: try store.weekTallies(weeks: earlierWeeks),
            lastWeekEmotions: try store.emotionCounts(inWeek: week.adding(weeks: -1)),
            themes: try store.themeModel(inWeeks: reported), themeWeeks: try store.themeWeeks(weeks: reported),
            emotions: try store.recordEmotions(inWeeks: reported),
            trendMethod: ReportInput.TrendMethod(baselineWeeks: trends.baselineWeeks,
                                                 falseDiscoveryRate: trends.falseDiscoveryRate,
                                                 minimumCount: trends.minimumCount),
            dataHealth: health, provenance: provenance)
        return ReportBuilder().build(input)
    }

    /// The taxonomy changes of the themes runs whose latest data was `week`, with the labels of the themes they name.
    private func themeChanges(recordedIn week: ISOWeek) throws -> [WeeklyReport.TaxonomyChange] {
        let labels = Dictionary(uniqueKeysWithValues: try workspace.store.storedThemes().map { ($0.theme.id, $0.theme.label) })
        return try workspace.store.themeChanges().filter { $0.week == week }.map { _, _, change in
            WeeklyReport.TaxonomyChange(change: change, label: labels[change.themeID] ?? change.themeID,
                                        relatedLabel: change.relatedThemeID.flatMap { labels[$0] })
        }
    }

    /// Writes the report for a week (default: ``defaultReportWeek(now:)``) to `reports/`, atomically.
    ///
    /// - Returns: The paths written, in format order.
    /// - Throws: ``EarshotError`` when the workspace has no records or the folder cannot be written.
    public func writeReport(week requested: ISOWeek?, formats: [ReportFormat], now: Date, outputFolder: URL? = nil) throws -> [URL] {
        let started = Date()
        logger.info("Stage started", metadata: ["stage.name": "report"])
        guard let week = try requested ?? defaultReportWeek(now: now) else {
            throw EarshotError(.failure, "the workspace has no records yet; run earshot ingest and earshot normalize first")
        }
        let report = try buildReport(week: week)
        let folder = outputFolder ?? workspace.reportsURL
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw EarshotError(.ioError, "cannot create the report folder \(folder.path): \(error.localizedDescription)")
        }
        var files: [(data: Data, url: URL)] = []
        for format in ReportFormat.allCases where formats.contains(format) {
            let text: String = switch format {
            case .md: MarkdownRenderer().render(report)
            case .html: HTMLRenderer().render(report)
            case .json: try JSONRenderer().render(report)
            }
            files.append((Data(text.utf8), folder.appendingPathComponent("\(week).\(format.rawValue)")))
        }
        // All forms or none: a full disk must not leave this week's Markdown new and its HTML old.
        try AtomicFile.write(files)
        let written = files.map(\.url)
        let themesVersion = try workspace.store.stageState(.themes).version
        try workspace.store.markReported(inputVersion: themesVersion)
        logger.info("Stage finished", metadata: [
            "stage.name": "report", "week": "\(week)", "report.paths": "\(written.map(\.path).joined(separator: ","))",
            "stage.duration_ms": "\(Int(Date().timeIntervalSince(started) * 1000))",
        ])
        return written
    }
}
