import EarshotIngest
import EarshotModel
import EarshotNormalize
import EarshotReport
import EarshotStore
import EarshotThemes
import Foundation
import Logging

/// Runs Earshot's stages over a workspace.
///
/// The pipeline goes through four stages, each storing its whole output in the workspace so any one can be rerun:
/// 1. Ingest: export files → raw rows (``ingest(paths:)``).
/// 2. Normalize: raw rows → records (``normalize()``).
/// 3. Themes: records → themes and assignments (``detectThemes()``).
/// 4. Report: records and themes → the weekly report in Markdown, HTML and JSON (``writeReport(week:formats:now:)``).
///
/// ``run(inbox:now:)`` runs every stage that has new input.
public struct Pipeline: Sendable {
    /// The workspace.
    public let workspace: Workspace
    /// Where the stages log.
    public var logger: Logger
    /// A separator that overrides detection.
    public var delimiterOverride: UInt8?
    /// Receives recoverable problems.
    public var diagnostics: any DiagnosticCollector
    /// Receives the progress of long stages, for a terminal; `nil` under cron.
    public var progress: (any ProgressObserver)?

    /// The Earshot version written into reports.
    public static let version = "0.1.0"

    /// Creates a pipeline.
    public init(workspace: Workspace, logger: Logger, diagnostics: any DiagnosticCollector, delimiterOverride: UInt8? = nil) {
        self.workspace = workspace
        self.logger = logger
        self.diagnostics = diagnostics
        self.delimiterOverride = delimiterOverride
    }

    // MARK: Ingest

    /// What happened to one input file.
    public enum FileOutcome: Sendable, Hashable {
        /// Stored, with its data rows and how many were quarantined.
        case ingested(path: String, source: String, rows: Int, quarantined: Int)
        /// Already in the workspace (same SHA-256); nothing was done.
        case alreadyIngested(path: String, sha256: String)
        /// Not ingested, with why.
        case rejected(path: String, message: String)
    }

    /// Ingests files and the CSV files inside folders, in path order.
    ///
    /// A file that cannot be ingested is reported and skipped; the others go on.
    /// - Throws: ``EarshotError`` when a path does not exist or the workspace cannot be written.
    public func ingest(paths: [String]) throws -> [FileOutcome] {
        let files = try InputFiles.expand(paths)
        let ingester = FileIngester(
            detector: LayoutDetector(mappings: workspace.configuration.mappings), delimiterOverride: delimiterOverride,
            maxFieldBytes: workspace.configuration.maxFieldBytes)
        var outcomes: [FileOutcome] = []
        for path in files {
            let started = Date()
            logger.info("File ingest started", metadata: ["export.path": "\(path)"])
            do {
                // Hash up front only when a stored file has the same size; otherwise hash while ingesting.
                var inspection = try ingester.inspect(path: path, hashing: false)
                let sameSize = try workspace.store.importedFiles().contains { $0.byteCount == inspection.byteCount }
                if sameSize {
                    inspection.sha256 = try ingester.sha256(path: path)
                    if let existing = try workspace.store.importedFile(sha256: inspection.sha256) {
                        logger.info("File already ingested", metadata: ["export.path": "\(path)", "file.previous": "\(existing.path)"])
                        outcomes.append(.alreadyIngested(path: path, sha256: inspection.sha256))
                        continue
                    }
                }
                guard let layout = inspection.layout else {
                    throw FileIngester.unknownLayoutRejection(for: inspection)
                }
                let file = ImportedFile(
                    sha256: "pending:\(path)", path: path, fileName: inspection.fileName, byteCount: inspection.byteCount,
                    modifiedAt: inspection.modifiedAt, encoding: inspection.encoding.rawValue, delimiter: inspection.delimiterName, tool: layout.tool?.rawValue,
                    source: layout.sourceName, headerRowCount: layout.headerRowCount, columns: layout.columns,
                    labels: layout.labels, timeZones: layout.timeZones, ingestedAt: ISO8601DateFormatter().string(from: started))
                var quarantined = 0
                var duplicateOf: String?
                let diagnostics = self.diagnostics
                let stored = try workspace.store.ingest(file) { writer in
                    let progress = self.progress
                    let fileBytes = max(1, Double(inspection.byteCount))
                    let result = try ConcurrentIngest.run(ingester: ingester, inspection: inspection, writer: &writer) { line, column, reason in
                        diagnostics.emit(Diagnostic(.error, "row quarantined: \(reason)", at: SourceLocation(file: path, line: line, column: column)))
                    } onBatch: { rows, bytes in
                        progress?.update(StageProgress(stage: "ingest", done: rows, unit: "rows", fraction: Double(bytes) / fileBytes))
                    }
                    quarantined = result.quarantined
                    if let existing = try writer.existingFile(sha256: result.sha256) {
                        duplicateOf = existing
                        throw DuplicateFile()
                    }
                    try writer.setSHA256(result.sha256)
                }
                _ = duplicateOf
                progress?.update(StageProgress(stage: "ingest", done: stored.rowCount, unit: "rows", fraction: 1, isFinished: true))
                logger.info("File ingested", metadata: [
                    "export.path": "\(path)", "export.source": "\(layout.sourceName)", "export.encoding": "\(inspection.encoding.rawValue)",
                    "rows.count": "\(stored.rowCount)", "rows.quarantined": "\(quarantined)",
                    "stage.duration_ms": "\(Int(Date().timeIntervalSince(started) * 1000))",
                ])
                outcomes.append(.ingested(path: path, source: layout.sourceName, rows: stored.rowCount, quarantined: quarantined))
            } catch is DuplicateFile {
                outcomes.append(.alreadyIngested(path: path, sha256: ""))
                logger.info("File already ingested", metadata: ["export.path": "\(path)"])
            } catch let rejection as ExportRejection {
                diagnostics.emit(Diagnostic(.error, "file not ingested: \(rejection.message)", at: SourceLocation(file: path)))
                outcomes.append(.rejected(path: path, message: rejection.message))
            }
        }
        return outcomes
    }

    // MARK: Normalize

    /// Counts from a normalize run.
    public struct NormalizeSummary: Sendable, Hashable {
        /// Records written.
        public var records: Int
        /// Rows merged into newer versions.
        public var mergedDuplicates: Int
        /// Rows that could not become records.
        public var rejected: Int
        /// Records flagged as the same words by the same author less than a day after an earlier one.
        public var repeatedTexts: Int
    }

    /// Rebuilds every record from the stored raw rows, replacing the previous records.
    public func normalize() throws -> NormalizeSummary {
        try normalize(merging: false)
    }

    /// Merges the rows of the files ingested since the last normalize run into the stored records, by the same
    /// newest-version rule as a rebuild: what a nightly run does, reading one day's rows instead of a year's.
    public func normalizeNewFiles() throws -> NormalizeSummary {
        try normalize(merging: true)
    }

    /// Whether ``normalizeNewFiles()`` gives what ``normalize()`` would: a full rebuild has been logged, with the
    /// settings of `earshot.toml` as they are now.
    public func canNormalizeIncrementally() throws -> Bool {
        guard let last = try workspace.store.lastFullNormalize() else { return false }
        return last.settingsSHA256 == workspace.configuration.normalizeFingerprint
    }

    private func normalize(merging: Bool) throws -> NormalizeSummary {
        let started = Date()
        logger.info("Stage started", metadata: ["stage.name": "normalize", "stage.mode": "\(merging ? "merge" : "rebuild")"])
        let store = workspace.store
        let configuration = workspace.configuration
        let mappings = Dictionary(configuration.mappings.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let imported = try store.importedFiles()
        let files = imported.map { file in
            ExportFile(id: file.id!, fileName: file.fileName, tool: file.tool, source: file.source, columns: file.columnNames,
                       labels: file.labelNames, timeZones: file.columnTimeZones, mapping: file.tool == nil ? mappings[file.source] : nil,
                       modifiedAt: file.modifiedAt)
        }
        let ingestVersion = try store.stageState(.ingest).version
        var normalizer = RecordNormalizer(
            reportingTimeZone: configuration.reportingTimeZone, defaultSourceTimeZone: configuration.sourceTimeZone,
            authorSalt: try store.authorSalt())
        normalizer.ambiguousDateOrder = DayMonthOrder(rawValue: configuration.ambiguousDateOrder) ?? .monthFirst
        normalizer.mergesWithStoredRecords = merging
        let progress = self.progress
        func run(_ files: [ExportFile], _ reader: RawRowReader, _ writer: inout RecordWriter) throws -> (NormalizationSummary, Int) {
            let wanted = Set(files.map(\.id))
            let expectedRows = imported.filter { wanted.contains($0.id!) }.reduce(0) { $0 + $1.rowCount }
            var sink = StoreRecordSink(writer: writer, progress: progress, expectedRows: expectedRows)
            let summary = try normalizer.normalize(files: files, rows: StoreRowSource(reader: reader), into: &sink)
            writer = sink.writer
            let candidates = try writer.records(withFingerprints: summary.repeatedFingerprints).map {
                RepeatedTexts.Candidate(id: $0.id, createdAt: $0.createdAt, authorHash: $0.authorHash, text: $0.text)
            }
            let repeats = RepeatedTexts.repeats(among: candidates)
            try writer.flagRepeated(repeats, among: candidates.map(\.id))
            return (summary, repeats.count)
        }
        let settings = configuration.normalizeFingerprint
        let (summary, repeats) = merging
            ? try store.mergeRecords(inputVersion: ingestVersion, settingsSHA256: settings) { newFileIDs, reader, writer in
                let wanted = Set(newFileIDs)
                return try run(files.filter { wanted.contains($0.id) }, reader, &writer)
            }
            : try store.replaceRecords(inputVersion: ingestVersion, settingsSHA256: settings) { reader, writer in
                try run(files, reader, &writer)
            }
        progress?.update(StageProgress(stage: "normalize", done: summary.records, unit: "records", fraction: 1, isFinished: true))
        for diagnostic in summary.diagnostics { diagnostics.emit(diagnostic) }
        let names = Dictionary(uniqueKeysWithValues: files.map { ($0.id, $0.fileName) })
        let shownRejections = 50
        for rejection in try store.quarantinedRows(stage: "normalize", limit: shownRejections) {
            diagnostics.emit(Diagnostic(.error, "row not normalized: \(rejection.reason)",
                                        at: SourceLocation(file: names[rejection.fileID] ?? "?", line: rejection.line, column: rejection.fieldNumber)))
        }
        if summary.rejected > shownRejections {
            diagnostics.emit(Diagnostic(.error, "\(summary.rejected - shownRejections) more rows not normalized; `earshot status` lists them all", at: SourceLocation(file: "")))
        }
        logger.info("Stage finished", metadata: [
            "stage.name": "normalize", "stage.mode": "\(merging ? "merge" : "rebuild")",
            "records.count": "\(summary.records)", "rows.merged": "\(summary.merged)",
            "rows.rejected": "\(summary.rejected)", "records.repeated_text": "\(repeats)",
            "stage.duration_ms": "\(Int(Date().timeIntervalSince(started) * 1000))",
        ])
        return NormalizeSummary(records: summary.records, mergedDuplicates: summary.merged, rejected: summary.rejected,
                                repeatedTexts: repeats)
    }

    // MARK: Themes

    /// Detects themes over every record, replacing the previous themes; returns the theme model.
    ///
    /// `reportWeek`, the week the report defaults to as the run happens, is logged with the run: ``run(inbox:formats:now:processedFolder:)``
    /// detects again when it moves on.
    @discardableResult
    public func detectThemes(reportWeek: ISOWeek? = nil) throws -> ThemeModel {
        let started = Date()
        logger.info("Stage started", metadata: ["stage.name": "themes", "stage.mode": "detect"])
        let store = workspace.store
        let normalizeVersion = try store.stageState(.normalize).version
        let configuration = workspace.configuration
        // Only ids and texts, a batch at a time: the detector tokenizes one batch, and reads it for emotions, on
        // its workers while the store reads the next.
        let languages = try themeLanguages()
        let detector = ThemeDetector(
            extraStopwords: configuration.extraStopwords, languages: languages, maximumThemes: configuration.maximumThemes,
            taxonomy: configuration.taxonomy, emotionLexicon: EmotionLexicon())
        // The weekly figures' counts, made as the records go by: a GROUP BY over the stored records and assignments
        // afterwards costs more than a third of the stage on two million records.
        var counter = RecordGroupCounter()
        var read = 0
        let expected = try store.recordCount()
        // A record's cues depend on its text alone: those the last themes run stored for records normalize has not
        // written since, with this lexicon, are read with the records instead of being found again (a third of the
        // tokenizing workers' time).
        let themesState = try store.stageState(.themes)
        let storedLexicon = try store.emotionLexiconVersion()
        let reusesEmotions = themesState.inputVersion > 0 && storedLexicon == EmotionLexicon.version
        let detected = try detector.detectThemes(
            batches: { consume in
                var batch = DocumentBatch()
                func send() {
                    read += batch.count
                    progress?.update(StageProgress(stage: "themes", done: read, unit: "records",
                                                   fraction: 0.7 * Double(read) / Double(max(expected, 1))))
                    consume(batch)
                    batch = DocumentBatch()
                }
                try store.forEachThemeRecord(storedEmotions: reusesEmotions) { record, title, text in
                    let isUnchanged = reusesEmotions && record.normalizeVersion <= themesState.inputVersion
                    batch.append(id: record.id, title: title, text: text, knownEmotions: isUnchanged ? record.storedEmotions : nil)
                    counter.add(week: record.week, source: record.id.source, npsCategory: record.npsCategory)
                    if batch.byteCount >= Self.themeBatchBytes { send() }
                }
                if batch.count > 0 { send() }
            },
            texts: store.themeTexts(of:))
        counter.setEmotions(detected.documentEmotions)
        let known = try store.storedThemes().map {
            ThemeRegistry.KnownTheme(id: $0.theme.id, label: $0.theme.label, keywords: $0.theme.keywords,
                                     isActive: $0.isActive, pinnedName: $0.pinnedName)
        }
        let outcome = ThemeRegistry(known: known, taxonomy: configuration.taxonomy).assignIDs(detected)
        let model = outcome.model
        progress?.update(StageProgress(stage: "themes", done: read, unit: "records", fraction: 0.8))
        let groups = counter.groups
        let figures = themeWeekCalculator().figures(
            themeIDs: model.themes.map(\.id), groups: groups,
            themeGroups: counter.themeGroups(detected.matches, themeIDs: outcome.scoring.themes.map(\.themeID)))
        try store.replaceThemes(
            model, pinnedNames: outcome.pinnedNames, changes: outcome.changes, emotions: detected.emotions,
            changeWeek: groups.map(\.week).max(), figures: figures, scoring: outcome.scoring,
            run: ThemesRun(reportWeek: reportWeek, settingsSHA256: configuration.themesFingerprint, records: read,
                           emotionLexiconVersion: EmotionLexicon.version),
            inputVersion: normalizeVersion)
        progress?.update(StageProgress(stage: "themes", done: read, unit: "records", fraction: 1, isFinished: true))
        logger.info("Stage finished", metadata: [
            "stage.name": "themes", "stage.mode": "detect", "themes.count": "\(model.themes.count)",
            "records.count": "\(detected.documentCount)",
            "stage.duration_ms": "\(Int(Date().timeIntervalSince(started) * 1000))",
        ])
        return model
    }

    /// The languages theme detection reads the records in: those `[themes] languages` names, else those told from
    /// up to ``languageSamplePerSource`` records of each source (``ThemeLanguages``).
    func themeLanguages() throws -> [StemLanguage] {
        if let named = workspace.configuration.themeLanguages { return named }
        let sample = try workspace.store.languageSample(perSource: Self.languageSamplePerSource)
        let choice = ThemeLanguages(guessingFrom: sample)
        logger.info("Theme languages told from the records", metadata: [
            "themes.languages": "\(choice.languages.map(\.rawValue).joined(separator: ","))",
            "themes.language_evidence": "\(choice.evidence)",
        ])
        return choice.languages
    }

    /// How many records of each source ``themeLanguages()`` reads to tell their languages.
    static let languageSamplePerSource = 500

    /// Assigns the records normalize wrote since the last themes run to the current themes, without detecting them
    /// again, and recomputes the weekly figures of the weeks those records are in (and of the weeks whose baselines
    /// include them); returns how many records were assigned.
    ///
    /// Call it only when ``canAssignOnly(reportWeek:)`` says so.
    @discardableResult
    public func assignNewRecords(reportWeek: ISOWeek? = nil) throws -> Int {
        let started = Date()
        logger.info("Stage started", metadata: ["stage.name": "themes", "stage.mode": "assign"])
        let store = workspace.store
        let configuration = workspace.configuration
        let themesState = try store.stageState(.themes)
        let normalizeVersion = try store.stageState(.normalize).version
        let detector = ThemeDetector(
            extraStopwords: configuration.extraStopwords, maximumThemes: configuration.maximumThemes,
            taxonomy: configuration.taxonomy)
        // In the languages the last detection read the records in, which the scoring model keeps.
        let assigner = ThemeAssigner(scoring: try store.themeScoringModel(), detector: detector)
        let lexicon = EmotionLexicon()
        var assignments: [ThemeAssignment] = []
        var emotions: [RecordEmotions] = []
        var records: [RecordID] = []
        var batch = DocumentBatch()
        func assign() {
            records += batch.ids
            for (id, set) in zip(batch.ids, lexicon.emotionSets(in: batch)) where !set.isEmpty {
                emotions.append(RecordEmotions(recordID: id, emotions: set))
            }
            assignments += assigner.assignments(in: batch).assignments
            batch = DocumentBatch()
        }
        try store.forEachThemeText(newerThan: themesState.inputVersion) { id, title, text in
            batch.append(id: id, title: title, text: text)
            if batch.byteCount >= Self.themeBatchBytes { assign() }
        }
        if batch.count > 0 { assign() }
        // A week's figures depend on it and the baseline weeks before it: the touched weeks and the weeks after them
        // within a baseline are recomputed, from counts over those weeks and their own baselines.
        let baseline = configuration.trends.baselineWeeks
        let touched = try store.weeksTouched(after: themesState.inputVersion)
        let weeks = Set(touched.flatMap { week in (0...baseline).map { week.adding(weeks: $0) } })
        let window = Set(weeks.flatMap { week in (0...baseline).map { week.adding(weeks: -$0) } })
        let calculator = themeWeekCalculator()
        let themeIDs = try store.storedThemes().filter(\.isActive).map(\.theme.id)
        try store.addAssignments(
            assignments, of: records, emotions: emotions, weeks: weeks, window: window,
            weekly: { groups, themeGroups in calculator.figures(themeIDs: themeIDs, groups: groups, themeGroups: themeGroups) },
            run: ThemesRun(reportWeek: reportWeek, settingsSHA256: configuration.themesFingerprint, records: records.count,
                           emotionLexiconVersion: EmotionLexicon.version),
            inputVersion: normalizeVersion)
        logger.info("Stage finished", metadata: [
            "stage.name": "themes", "stage.mode": "assign", "records.count": "\(records.count)",
            "assignments.count": "\(assignments.count)", "weeks.recomputed": "\(weeks.sorted().map(\.description).joined(separator: ","))",
            "stage.duration_ms": "\(Int(Date().timeIntervalSince(started) * 1000))",
        ])
        return records.count
    }

    /// Why themes must be detected again rather than new records assigned to the current ones, or `nil` when
    /// assigning gives a true picture: themes were detected before with today's settings, no normalize rebuild came
    /// since, the report has not moved on to a new week since (a weekly report always rests on a detection that saw
    /// its whole week), and the records written since are fewer than `rediscover_share` of all.
    public func reasonToDetectThemes(reportWeek: ISOWeek?) throws -> String? {
        let store = workspace.store
        guard let detection = try store.lastThemeDetection() else { return "themes were never detected" }
        if detection.run.settingsSHA256 != workspace.configuration.themesFingerprint {
            return "the [themes] settings changed"
        }
        if let rebuild = try store.lastFullNormalize(), rebuild.version > detection.normalizeVersion {
            return "every record was normalized again"
        }
        if let reportWeek, reportWeek != detection.run.reportWeek { return "the report moved on to \(reportWeek)" }
        let written = try store.recordCount(newerThan: detection.normalizeVersion)
        let total = try store.recordCount()
        if Double(written) >= workspace.configuration.rediscoverShare * Double(max(total, 1)) {
            return "\(written) of \(total) records are new since themes were detected"
        }
        return nil
    }

    /// About how many bytes of text the themes stage reads before handing them to a tokenizing thread.
    static let themeBatchBytes = 1 << 20
}

/// Thrown inside the ingest transaction to roll it back when the file turns out to be stored already.
private struct DuplicateFile: Error {}
