import EarshotModel
import EarshotStore
import Foundation
import Logging

extension Pipeline {
    /// What a whole run did.
    public struct RunSummary: Sendable {
        /// What happened to each inbox file.
        public var files: [FileOutcome]
        /// The normalize counts, when normalize ran.
        public var normalize: NormalizeSummary?
        /// Active themes, when themes ran.
        public var themes: Int?
        /// Reports written.
        public var reports: [URL]
        /// Inbox files moved to the processed folder, with where they went.
        public var moved: [(from: String, to: String)] = []
        /// How normalize ran: `rebuild`, `merge`, or `nil` when it had nothing new.
        public var normalizeMode: String?
        /// How the themes stage ran: `detect`, `assign`, or `nil` when it had nothing new.
        public var themesMode: String?
    }

    /// Ingests the inbox's new files, then runs each later stage whose input changed since it last ran.
    ///
    /// The run is incremental: normalize merges only the new files' rows into the stored records (unless the
    /// normalize settings changed, which rebuilds them all), and the themes stage assigns the new records to the
    /// current themes and recomputes only the weeks they touch, unless ``reasonToDetectThemes(reportWeek:)`` gives a
    /// reason to detect themes again.
    ///
    /// The inbox is left as it is unless `processedFolder` is given: then every file that is now in the workspace
    /// (ingested by this run, or found already ingested) moves there, and rejected files stay for someone to look at.
    /// A file moves only after its ingest committed, so a crash never loses one.
    public func run(inbox: URL?, formats: [ReportFormat] = ReportFormat.allCases, now: Date,
                    processedFolder: URL? = nil) throws -> RunSummary {
        let folder = inbox ?? workspace.inboxURL
        let outcomes = try ingest(paths: [folder.path])
        let store = workspace.store
        var summary = RunSummary(files: outcomes, normalize: nil, themes: nil, reports: [])
        if let processedFolder { summary.moved = try move(outcomes, to: processedFolder) }
        let incremental = try canNormalizeIncrementally()
        if try store.stageState(.normalize).inputVersion != store.stageState(.ingest).version
            || store.stageState(.normalize).version == 0 || !incremental
        {
            summary.normalize = try incremental ? normalizeNewFiles() : normalize()
            summary.normalizeMode = incremental ? "merge" : "rebuild"
        }
        // Themes are brought up to date when records changed, and detected afresh, even with nothing new, when the
        // report moved on to a new week or the [themes] settings changed: Monday's report rests on a detection that
        // saw its whole week, and an analyst's edit to the taxonomy shows in the next run.
        let reportWeek = try defaultReportWeek(now: now)
        if reportWeek != nil {
            let recordsChanged = try store.stageState(.themes).inputVersion != store.stageState(.normalize).version
            if let reason = try reasonToDetectThemes(reportWeek: reportWeek) {
                logger.info("Themes are detected again", metadata: ["themes.reason": "\(reason)"])
                summary.themes = try detectThemes(reportWeek: reportWeek).themes.count
                summary.themesMode = "detect"
            } else if recordsChanged {
                summary.themesMode = "assign"
                try assignNewRecords(reportWeek: reportWeek)
                summary.themes = try store.storedThemes().filter(\.isActive).count
            }
        }
        let themesState = try store.stageState(.themes)
        if try store.stageState(.report).inputVersion != themesState.version || store.stageState(.report).version == 0,
            try !store.weeksWithRecords().isEmpty
        {
            summary.reports = try writeReport(week: nil, formats: formats, now: now)
        }
        return summary
    }

    private func move(_ outcomes: [FileOutcome], to folder: URL) throws -> [(from: String, to: String)] {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw EarshotError(.ioError, "cannot create the processed folder \(folder.path): \(error.localizedDescription)")
        }
        var moved: [(from: String, to: String)] = []
        for outcome in outcomes {
            let path: String
            switch outcome {
            case .ingested(let ingested, _, _, _): path = ingested
            case .alreadyIngested(let already, _): path = already
            case .rejected: continue
            }
            let source = URL(fileURLWithPath: path)
            var destination = folder.appendingPathComponent(source.lastPathComponent)
            var attempt = 1
            // Never overwrite: an export of the same name from another day gets a numbered name.
            while manager.fileExists(atPath: destination.path) {
                attempt += 1
                let stem = source.deletingPathExtension().lastPathComponent
                let suffix = source.pathExtension.isEmpty ? "" : ".\(source.pathExtension)"
                destination = folder.appendingPathComponent("\(stem)-\(attempt)\(suffix)")
            }
            do {
                try manager.moveItem(at: source, to: destination)
            } catch {
                throw EarshotError(.ioError, "cannot move \(path) to \(destination.path): \(error.localizedDescription)")
            }
            logger.info("File moved to the processed folder", metadata: ["export.path": "\(path)", "file.moved_to": "\(destination.path)"])
            moved.append((path, destination.path))
        }
        return moved
    }
}
