import EarshotModel
import EarshotPipeline
import EarshotStore
import EarshotThemes
import Foundation
import Testing

@Suite struct RecordExporterTests {
    @Test func csvExportNeutralisesFormulaCellsAndKeepsEveryRecord() throws {
        let context = try PipelineTestContext()
        _ = try context.pipeline.ingest(paths: [PipelineTestContext.fixture("sample")])
        let summary = try context.pipeline.normalize()
        let csv = try RecordExporter(store: context.workspace.store).export(.records, format: .csv)

        // The Google Forms sample has an answer starting with =HYPERLINK(…): it must not stay a formula.
        #expect(!csv.contains(",=HYPERLINK"))
        #expect(!csv.contains("\"=HYPERLINK"))
        #expect(csv.contains("'=HYPERLINK"))
        let jsonl = try RecordExporter(store: context.workspace.store).export(.records, format: .jsonl)
        #expect(jsonl.split(separator: "\n").count == summary.records)
        #expect(jsonl.contains("=HYPERLINK"), "JSON Lines keeps text as it is; only spreadsheets run formulas")
    }

    @Test func themeExportHasOneRowPerRecordAndThemeWithRanksFromOne() throws {
        let context = try PipelineTestContext()
        _ = try context.pipeline.ingest(paths: [PipelineTestContext.fixture("sample")])
        _ = try context.pipeline.normalize()
        let model = try context.pipeline.detectThemes()
        let lines = try RecordExporter(store: context.workspace.store).export(.themes, format: .jsonl).split(separator: "\n")
        #expect(lines.count == model.assignments.count)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String]
        #expect(first?["rank"] == "1")
        #expect(first?.keys.sorted() == ["matched_terms", "rank", "record_id", "source", "source_id", "strength", "theme_id", "theme_label"])
    }
}

@Suite struct WorkspaceLockTests {
    @Test func aSecondRunIsRefusedWhileTheFirstHoldsTheLock() throws {
        let context = try PipelineTestContext()
        do {
            let held = try WorkspaceLock(workspace: context.root)
            #expect {
                try WorkspaceLock(workspace: context.root)
            } throws: { error in
                guard let error = error as? EarshotError else { return false }
                return error.exitCode == 75 && error.message.contains("pid \(getpid())")
            }
            withExtendedLifetime(held) {}
        }
        // Released with the first holder: the next run gets it.
        _ = try WorkspaceLock(workspace: context.root)
    }

    @Test func aBadConfigurationIsReportedWithItsSetting() throws {
        #expect {
            try WorkspaceConfiguration(toml: "[sources.x]\nfiles = \"x.csv\"\nkind = \"tweets\"\ncreated_at = \"d\"\ntext = [\"t\"]\n")
        } throws: { error in
            (error as? EarshotError)?.message.contains("kind = \"tweets\"") == true
        }
        #expect(throws: EarshotError.self) { try WorkspaceConfiguration(toml: "[workspace]\ntimezone = \"Mars/Olympus\"\n") }
        let parsed = try WorkspaceConfiguration(toml: WorkspaceConfiguration.template)
        #expect(parsed == WorkspaceConfiguration.defaults)
        #expect(parsed.themeLanguages == nil, "the template's languages = \"auto\"")
    }

    @Test func themeLanguagesAreAutoOrNamedAndAnUnknownOneIsReported() throws {
        let named = try WorkspaceConfiguration(toml: "[themes]\nlanguages = [\"German\", \"en\", \"de\"]\n")
        #expect(named.themeLanguages == [.german, .english])
        #expect(named.themesFingerprint != WorkspaceConfiguration.defaults.themesFingerprint)
        let auto = try WorkspaceConfiguration(toml: "[themes]\nlanguages = \"auto\"\n")
        #expect(auto.themeLanguages == nil)
        #expect(auto.themesFingerprint == WorkspaceConfiguration.defaults.themesFingerprint)
        #expect {
            try WorkspaceConfiguration(toml: "[themes]\nlanguages = [\"english\", \"klingon\"]\n", path: "ws/earshot.toml")
        } throws: { error in
            (error as? EarshotError)?.message.hasPrefix("ws/earshot.toml: [themes] languages names 'klingon'") == true
        }
        for bad in ["\"german\"", "[]", "[1]", "3"] {
            #expect(throws: EarshotError.self, "languages = \(bad)") {
                try WorkspaceConfiguration(toml: "[themes]\nlanguages = \(bad)\n")
            }
        }
    }
}

@Suite struct ThemeWeekStageTests {
    @Test func theThemesStageStoresEachThemesWeeklyFiguresAndExportsThem() throws {
        let context = try PipelineTestContext()
        _ = try context.pipeline.ingest(paths: [PipelineTestContext.fixture("sample")])
        _ = try context.pipeline.normalize()
        let model = try context.pipeline.detectThemes()
        let store = context.workspace.store
        let records = try store.records()
        let figures = try store.themeWeeks()
        let weeks = Set(records.map(\.week))
        #expect(figures.count == model.themes.count * weeks.count, "every theme has a row in every week with records")
        let recordsByID = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
        for figure in figures {
            let inWeek = records.filter { $0.week == figure.week }
            let carrying = Set(model.assignments.filter { $0.themeID == figure.themeID && recordsByID[$0.recordID]?.week == figure.week }.map(\.recordID))
            #expect(figure.weekRecords == inWeek.count)
            #expect(figure.volume == carrying.count, "\(figure.themeID) \(figure.week)")
            let detractors = carrying.filter { recordsByID[$0]?.score?.npsCategory == .detractor }.count
            #expect(figure.detractors == detractors)
            #expect(figure.sources.map(\.records).reduce(0, +) == figure.volume)
        }
        // Every figure as the calculator gives it from each stored record, its emotions and its stored assignments:
        // the stage counted while it read, and must agree with the stored rows.
        let emotions = try store.recordEmotions()
        let facts = records.map {
            RecordGroup(week: $0.week, source: $0.id.source, npsCategory: $0.score?.npsCategory, emotions: emotions[$0.id] ?? [])
        }
        let index = Dictionary(uniqueKeysWithValues: records.enumerated().map { ($0.element.id, $0.offset) })
        let memberships = model.assignments.map { ThemeWeekCalculator.Membership(record: index[$0.recordID]!, themeID: $0.themeID) }
        #expect(figures == ThemeWeekCalculator().figures(themeIDs: model.themes.map(\.id), records: facts, memberships: memberships))

        let csv = try RecordExporter(store: store).export(.themeWeeks, format: .csv)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.count == figures.count + 1)
        #expect(lines[0].hasPrefix("theme_id,theme_label,week,volume,week_records,share"))
        let impacts = figures.compactMap(\.npsImpact)
        #expect(impacts.contains { $0 < 0 }, "the sample has themes that pull its NPS down")
        #expect(!csv.contains(",'-"), "a negative number is data, not a formula, and keeps no quote")
    }

    @Test func recordsCarryTheEmotionsTheirWordsShow() throws {
        let context = try PipelineTestContext()
        _ = try context.pipeline.ingest(paths: [PipelineTestContext.fixture("sample")])
        _ = try context.pipeline.normalize()
        try context.pipeline.detectThemes()
        let store = context.workspace.store
        let stored = try store.recordEmotions()
        let lexicon = EmotionLexicon()
        for record in try store.records() {
            #expect((stored[record.id] ?? []) == lexicon.emotionSet(in: record.fullText), "\(record.id)")
        }
        #expect(stored.values.contains { $0.contains(.frustration) })
        #expect(stored.values.contains { $0.contains(.delight) })
    }
}
