import EarshotModel
import EarshotThemes
import Foundation
import Testing

/// The nightly assignment must give a record the themes detection gave it: the same scores, ranks, strengths and
/// matched terms, after the same curation.
@Suite struct ThemeAssignerTests {
    static func batch(_ records: [NormalizedRecord]) -> DocumentBatch {
        var batch = DocumentBatch()
        for record in records { batch.append(id: record.id, text: record.fullText) }
        return batch
    }

    static var texts: [String] {
        var texts = ThemeDetectorTests.corpus(40)
        for index in 0..<25 {
            texts.append("Support never replied to my ticket about the invoice, waited \(index) days for a response")
            texts.append("Lost luggage again: my bag never arrived and the lost luggage desk was closed (\(index))")
            texts.append("Great app, the board view is lovely")
        }
        return texts
    }

    @Test func assigningTheDetectedRecordsAgainGivesDetectionsAssignments() {
        let records = ThemeDetectorTests.records(Self.texts)
        let outcome = ThemeRegistry(known: []).assignIDs(ThemeDetector().detectThemes(in: records))
        #expect(outcome.model.themes.count >= 4)
        #expect(outcome.scoring.themes.contains { $0.terms.contains { $0.stems.count > 1 } }, "no phrase keyword: the test shows less")

        let assigned = ThemeAssigner(scoring: outcome.scoring, detector: ThemeDetector()).assignments(in: Self.batch(records))
        #expect(assigned.assignments == outcome.model.assignments)
        #expect(assigned.recordCounts == Dictionary(uniqueKeysWithValues: outcome.model.themes.map { ($0.id, $0.recordCount) }))
    }

    @Test func pinnedMergedAndExcludedThemesAreAssignedAsDetectionCuratedThem() {
        let records = ThemeDetectorTests.records(Self.texts)
        let first = ThemeRegistry(known: []).assignIDs(ThemeDetector().detectThemes(in: records))
        let ids = first.model.themes.map(\.id)
        var taxonomy = Taxonomy()
        taxonomy.pinned = [Taxonomy.PinnedTheme(name: "Billing", keywords: ["invoice", "double charged", "refund"])]
        taxonomy.merges = [[ids[0], ids[1]]]
        taxonomy.excludedThemes = [ids[2]]
        taxonomy.stopwords = ["app"]
        let detector = ThemeDetector(taxonomy: taxonomy)
        let known = first.model.themes.map {
            ThemeRegistry.KnownTheme(id: $0.id, label: $0.label, keywords: $0.keywords, isActive: true)
        }
        let outcome = ThemeRegistry(known: known, taxonomy: taxonomy).assignIDs(detector.detectThemes(in: records))
        #expect(outcome.scoring.themes.contains { $0.isPinned })
        #expect(outcome.scoring.themes.contains { $0.themeID == nil }, "the excluded theme is not in the scoring model")

        let assigned = ThemeAssigner(scoring: outcome.scoring, detector: detector).assignments(in: Self.batch(records))
        #expect(assigned.assignments == outcome.model.assignments)

        // The stage's counts from the matches agree with the curated assignments: a record whose two detected themes
        // merged into one counts once for it, and excluded themes not at all.
        var counter = RecordGroupCounter()
        for record in records { counter.add(week: record.week, source: record.id.source, npsCategory: nil, emotions: []) }
        let detected = detector.detectThemes(in: records)
        let counted = counter.themeGroups(detected.matches, themeIDs: outcome.scoring.themes.map(\.themeID))
        let perTheme = Dictionary(grouping: counted, by: \.themeID).mapValues { $0.reduce(0) { $0 + $1.records.count } }
        #expect(perTheme == Dictionary(grouping: outcome.model.assignments, by: \.themeID).mapValues(\.count))
        #expect(counter.groups.map(\.count) == [records.count])
    }

    @Test func aNewRecordGetsTheThemesOfTheKeywordsItUses() throws {
        let records = ThemeDetectorTests.records(Self.texts)
        let outcome = ThemeRegistry(known: []).assignIDs(ThemeDetector().detectThemes(in: records))
        let luggage = try #require(outcome.model.themes.first { $0.keywords.contains("lost luggage") })
        var batch = DocumentBatch()
        batch.append(id: RecordID(source: "s", sourceID: "new-1"), text: "They lost luggage of mine twice this month")
        batch.append(id: RecordID(source: "s", sourceID: "new-2"), text: "Lost. Luggage.")
        batch.append(id: RecordID(source: "s", sourceID: "new-3"), text: "Nothing to do with any theme at all")
        let assigned = ThemeAssigner(scoring: outcome.scoring, detector: ThemeDetector()).assignments(in: batch).assignments
        let first = assigned.filter { $0.recordID.sourceID == "new-1" }
        #expect(first.first?.themeID == luggage.id)
        #expect(first.first?.matchedTerms.contains("lost luggage") == true)
        // Words on either side of a full stop are not the phrase.
        #expect(assigned.filter { $0.recordID.sourceID == "new-2" }.allSatisfy { !$0.matchedTerms.contains("lost luggage") })
        #expect(!assigned.contains { $0.recordID.sourceID == "new-3" })
    }

    @Test func theCounterCountsARecordOnceForTwoDetectedThemesThatMergedAndNeverForAnExcludedOne() {
        var counter = RecordGroupCounter()
        let week = ISOWeek(year: 2026, week: 46)
        counter.add(week: week, source: "zendesk", npsCategory: nil, emotions: [])
        counter.add(week: week, source: "delighted", npsCategory: .detractor, emotions: [.frustration])
        counter.add(week: week, source: "delighted", npsCategory: .detractor, emotions: [.frustration])
        func match(_ document: Int, _ theme: Int) -> DetectedThemes.Match {
            DetectedThemes.Match(recordID: RecordID(source: "s", sourceID: "\(document)"), theme: theme, rank: 1, strength: 1,
                                 matchedTerms: [], document: document)
        }
        // Detected themes 0 and 1 are both T0001; theme 2 is excluded.
        let groups = counter.themeGroups([match(0, 0), match(0, 1), match(1, 1), match(1, 2), match(2, 2)],
                                         themeIDs: ["T0001", "T0001", nil])
        #expect(groups.count == 2)
        #expect(groups.first { $0.records.source == "zendesk" }?.records.count == 1)
        #expect(groups.first { $0.records.source == "delighted" }?.records.count == 1)
        #expect(Set(counter.groups.map(\.count)) == [1, 2])
    }
}
