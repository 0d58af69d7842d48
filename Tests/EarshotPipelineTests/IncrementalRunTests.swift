import EarshotModel
import EarshotPipeline
import EarshotStore
import EarshotThemes
import Foundation
import Testing

/// Nightly runs merge only the new files into the workspace: what they store must be what one rebuild over every
/// file stores, and the themes they assign must be what detection would assign with the same themes.
@Suite struct IncrementalRunTests {
    static let sample = PipelineTestContext.fixture("sample")

    /// A workspace that assigns rather than detects whatever share of records is new.
    static let assigningConfiguration = """
        [workspace]
        timezone = "UTC"
        [themes]
        rediscover_share = 1.0
        """

    @Test func mergingTheNewFilesNightByNightGivesTheRecordsOfOneRebuild() throws {
        let exports = try ExportOverlapTests.makeExports()
        defer { try? FileManager.default.removeItem(at: exports.folder) }
        let nights = [[Self.sample], [exports.overlap], [exports.shuffled]]

        // Night by night: the first run rebuilds, every later one merges.
        let nightly = try PipelineTestContext()
        var modes: [Bool] = []
        for night in nights {
            _ = try nightly.pipeline.ingest(paths: night)
            modes.append(try nightly.pipeline.canNormalizeIncrementally())
            _ = try modes.last! ? nightly.pipeline.normalizeNewFiles() : nightly.pipeline.normalize()
        }
        #expect(modes == [false, true, true])

        // Everything at once, in the same file order.
        let rebuilt = try PipelineTestContext()
        for night in nights { _ = try rebuilt.pipeline.ingest(paths: night) }
        _ = try rebuilt.pipeline.normalize()

        // Author hashes are salted per workspace: they are compared as "present or not".
        func unsalted(_ record: NormalizedRecord) -> NormalizedRecord {
            var copy = record
            copy.authorHash = record.authorHash.map { _ in "author" }
            copy.textFingerprint = record.textFingerprint.map { _ in 0 }
            return copy
        }
        let merged = try nightly.workspace.store.records().map(unsalted)
        let expected = try rebuilt.workspace.store.records().map(unsalted)
        #expect(merged.count == expected.count)
        let differing = Set(merged).symmetricDifference(expected).map { "\($0.id) file \($0.fileID) line \($0.line)" }.sorted()
        #expect(differing.isEmpty)
        // Merged duplicates and quarantined rows, file by file.
        let nightlyStatus = try nightly.workspace.store.status()
        let rebuiltStatus = try rebuilt.workspace.store.status()
        #expect(nightlyStatus.files == rebuiltStatus.files)
        #expect(nightlyStatus.recordCount == rebuiltStatus.recordCount)
    }

    @Test func aMergedRecordThatRepeatsAStoredOneIsFlaggedAsARebuildWouldFlagIt() throws {
        let original = PipelineTestContext.fixture("sample/zendesk_tickets.csv")
        let (header, rows) = try PipelineTestContext.rows(of: original)
        let id = try #require(header.firstIndex(of: "Id"))
        let created = try #require(header.firstIndex(of: "Created at"))
        // The same requester sends the same words again an hour later, under a new ticket id.
        var again = rows[0]
        again[id] = "990001"
        let hour = try #require(DateFormatter.zendesk.date(from: rows[0][created])).addingTimeInterval(3_600)
        again[created] = DateFormatter.zendesk.string(from: hour)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-repeat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let second = folder.appendingPathComponent("zendesk-again.csv")
        try PipelineTestContext.writeCSV(header: header, rows: [again], to: second)

        let nightly = try PipelineTestContext()
        _ = try nightly.pipeline.ingest(paths: [original])
        _ = try nightly.pipeline.normalize()
        _ = try nightly.pipeline.ingest(paths: [second.path])
        _ = try nightly.pipeline.normalizeNewFiles()
        let rebuilt = try PipelineTestContext()
        _ = try rebuilt.pipeline.ingest(paths: [original, second.path])
        _ = try rebuilt.pipeline.normalize()

        let flagged = try nightly.workspace.store.records().filter(\.isRepeatedText).map(\.id.sourceID)
        #expect(flagged == ["990001"])
        #expect(try rebuilt.workspace.store.records().filter(\.isRepeatedText).map(\.id.sourceID) == flagged)
    }

    @Test func aNightlyRunAssignsTheNewRecordsAsDetectionWouldAndRecomputesTheirWeeks() throws {
        let context = try PipelineTestContext(configuration: Self.assigningConfiguration)
        let store = context.workspace.store
        let inbox = context.root.appendingPathComponent("inbox")
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.sample) {
            try FileManager.default.copyItem(atPath: "\(Self.sample)/\(file)", toPath: inbox.appendingPathComponent(file).path)
        }
        _ = try context.pipeline.run(inbox: nil, now: PipelineTestContext.now)
        let detectedThemes = try store.storedThemes()
        let figuresBefore = try store.themeWeeks()

        // The next night brings an export of the last week's tickets, edited since: only that week is touched, and
        // its figures need the four weeks before it as their baseline.
        let (header, rows) = try PipelineTestContext.rows(of: PipelineTestContext.fixture("sample/zendesk_tickets.csv"))
        let created = try #require(header.firstIndex(of: "Created at"))
        let updated = try #require(header.firstIndex(of: "Updated at"))
        let description = try #require(header.firstIndex(of: "Description [txt]"))
        let lastWeek = rows.filter { $0[created] >= "2026-11-09" }.map { row in
            var copy = row
            copy[description] = "The app crashes again since yesterday's update, and support has not replied.\n\n" + row[description]
            copy[updated] = "2026-11-16 09:00:00"
            return copy
        }
        #expect(lastWeek.count > 5)
        try PipelineTestContext.writeCSV(header: header, rows: lastWeek, to: inbox.appendingPathComponent("zendesk-tuesday.csv"))
        let summary = try context.pipeline.run(inbox: nil, now: PipelineTestContext.now)
        #expect(summary.normalize != nil)
        #expect(try store.weeksTouched(after: 1) == [ISOWeek("2026-W46")!])
        #expect(try store.lastThemeDetection()?.normalizeVersion == 1, "the second night detected themes again")
        #expect(try store.storedThemes().map(\.theme.keywords) == detectedThemes.map(\.theme.keywords))

        // Every record's themes are what the stored scoring gives it, whether detection or the nightly pass made them.
        let records = try store.records()
        var batch = DocumentBatch()
        for record in records { batch.append(id: record.id, text: record.fullText) }
        let assigner = ThemeAssigner(scoring: try store.themeScoringModel(), detector: ThemeDetector())
        let expected = assigner.assignments(in: batch).assignments
        let stored = try store.themeModel().assignments
        #expect(stored.count == expected.count)
        #expect(stored == expected)
        let counts = Dictionary(grouping: stored, by: \.themeID).mapValues(\.count)
        for theme in try store.storedThemes() where theme.isActive {
            #expect(theme.theme.recordCount == counts[theme.theme.id, default: 0], "\(theme.theme.id)")
        }

        // The stored weekly figures are those of a recount over every week.
        let emotions = try store.recordEmotions()
        let facts = records.map {
            RecordGroup(week: $0.week, source: $0.id.source, npsCategory: $0.score?.npsCategory, emotions: emotions[$0.id] ?? [])
        }
        let index = Dictionary(uniqueKeysWithValues: records.enumerated().map { ($0.element.id, $0.offset) })
        let memberships = stored.map { ThemeWeekCalculator.Membership(record: index[$0.recordID]!, themeID: $0.themeID) }
        let recount = ThemeWeekCalculator().figures(
            themeIDs: try store.storedThemes().filter(\.isActive).map(\.theme.id), records: facts, memberships: memberships)
        let figuresAfter = try store.themeWeeks()
        #expect(figuresAfter == recount)
        #expect(figuresAfter != figuresBefore, "the overlap's edits changed no figure: the test shows nothing")
    }

    @Test func aChangedSettingOrANewReportWeekMakesTheRunDetectThemesAgain() throws {
        let context = try PipelineTestContext(configuration: Self.assigningConfiguration)
        _ = try context.pipeline.run(inbox: URL(fileURLWithPath: Self.sample), now: PipelineTestContext.now)
        let week = try context.pipeline.defaultReportWeek(now: PipelineTestContext.now)
        #expect(try context.pipeline.reasonToDetectThemes(reportWeek: week) == nil)
        #expect(try context.pipeline.reasonToDetectThemes(reportWeek: week?.adding(weeks: 1))?.contains("moved on") == true)

        let toml = context.root.appendingPathComponent("earshot.toml")
        try (Self.assigningConfiguration + "\nstopwords = [\"airline\"]\n").write(to: toml, atomically: true, encoding: .utf8)
        let edited = Pipeline(workspace: try Workspace.open(at: context.root), logger: context.pipeline.logger,
                              diagnostics: context.diagnostics)
        #expect(try edited.reasonToDetectThemes(reportWeek: week) == "the [themes] settings changed")
        #expect(try edited.canNormalizeIncrementally(), "a [themes] setting does not change the records")

        try Self.assigningConfiguration.replacingOccurrences(of: "\"UTC\"", with: "\"Europe/Paris\"")
            .write(to: toml, atomically: true, encoding: .utf8)
        let moved = Pipeline(workspace: try Workspace.open(at: context.root), logger: context.pipeline.logger,
                             diagnostics: context.diagnostics)
        #expect(try !moved.canNormalizeIncrementally(), "weeks are counted in another zone: every record changes")
        let summary = try moved.run(inbox: URL(fileURLWithPath: Self.sample), now: PipelineTestContext.now)
        #expect(summary.normalize != nil, "the run did not rebuild after the time zone changed")
        #expect(try moved.canNormalizeIncrementally())
    }

    @Test func theFirstRunOfANewReportWeekDetectsThemesAndWritesItsReportEvenWithNothingNew() throws {
        let context = try PipelineTestContext(configuration: Self.assigningConfiguration)
        let tuesday = Date(timeIntervalSince1970: 1_794_268_800)  // 2026-11-10, in 2026-W46: W45 is the last complete week
        let first = try context.pipeline.run(inbox: URL(fileURLWithPath: Self.sample), now: tuesday)
        #expect(first.reports.map(\.lastPathComponent).first == "2026-W45.md")
        #expect(first.themesMode == "detect")

        // The same night a week later, with no new export: the report moves on to W46 on a fresh detection.
        let later = try context.pipeline.run(inbox: URL(fileURLWithPath: Self.sample), now: tuesday.addingTimeInterval(7 * 86_400))
        #expect(later.normalize == nil)
        #expect(later.themesMode == "detect")
        #expect(later.reports.map(\.lastPathComponent).first == "2026-W46.md")
        #expect(try context.workspace.store.lastThemeDetection()?.run.reportWeek == ISOWeek("2026-W46"))

        // And the night after, nothing at all happens.
        let idle = try context.pipeline.run(inbox: URL(fileURLWithPath: Self.sample), now: tuesday.addingTimeInterval(8 * 86_400))
        #expect(idle.themesMode == nil)
        #expect(idle.reports.isEmpty)
    }
}

extension DateFormatter {
    /// Zendesk's `yyyy-MM-dd HH:mm:ss`, in UTC.
    static let zendesk: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }()
}
