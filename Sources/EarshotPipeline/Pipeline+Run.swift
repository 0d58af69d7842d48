import EarshotModel
import EarshotStore
import Foundation

extension Pipeline {
    /// What a whole run did.
    public struct RunSummary: Sendable, Hashable {
        /// What happened to each inbox file.
        public var files: [FileOutcome]
        /// The normalize counts, when normalize ran.
        public var normalize: NormalizeSummary?
        /// Active themes, when themes ran.
        public var themes: Int?
        /// Reports written.
        public var reports: [URL]
    }

    /// Ingests the inbox's new files, then runs each later stage whose input changed since it last ran.
    public func run(inbox: URL?, formats: [ReportFormat] = ReportFormat.allCases, now: Date) throws -> RunSummary {
        let folder = inbox ?? workspace.inboxURL
        let outcomes = try ingest(paths: [folder.path])
        let store = workspace.store
        var summary = RunSummary(files: outcomes, normalize: nil, themes: nil, reports: [])
        if try store.stageState(.normalize).inputVersion != store.stageState(.ingest).version
            || store.stageState(.normalize).version == 0
        {
            summary.normalize = try normalize()
        }
        if try store.stageState(.themes).inputVersion != store.stageState(.normalize).version {
            summary.themes = try detectThemes().themes.count
        }
        let themesState = try store.stageState(.themes)
        if try store.stageState(.report).inputVersion != themesState.version || store.stageState(.report).version == 0,
            try !store.weeksWithRecords().isEmpty
        {
            summary.reports = try writeReport(week: nil, formats: formats, now: now)
        }
        return summary
    }
}
