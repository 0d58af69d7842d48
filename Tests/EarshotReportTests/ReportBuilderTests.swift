import EarshotModel
import EarshotReport
import Foundation
import Testing

@Suite struct ReportBuilderTests {
    static let week = ISOWeek("2026-W46")!

    /// A small world: records with scores, attributes and emotions, themes with assignments and weekly figures.
    struct World {
        var records: [NormalizedRecord] = []
        var assignments: [ThemeAssignment] = []
        var themes: [Theme] = []
        var figures: [ThemeWeek] = []
        var emotions: [RecordID: EmotionSet] = [:]

        mutating func add(_ id: String, _ text: String, score: Double?, week: ISOWeek = ReportBuilderTests.week,
                          themes: [String] = [], terms: [String] = [], attributes: [String: [String]] = [:],
                          emotions: EmotionSet = [], source: String = "delighted") {
            let record = NormalizedRecord(
                id: RecordID(source: source, sourceID: id), kind: .nps, tool: source,
                createdAt: Int64(week.mondayDaysSinceEpoch) * 86_400 + 3600, week: week,
                score: score.flatMap { Score(value: $0, scale: .zeroToTen) }, text: text, attributes: attributes,
                fileID: 1, line: 2)
            records.append(record)
            for (rank, theme) in themes.enumerated() {
                assignments.append(ThemeAssignment(recordID: record.id, themeID: theme, rank: rank + 1, strength: 1, matchedTerms: terms))
            }
            if !emotions.isEmpty { self.emotions[record.id] = emotions }
        }

        mutating func figure(_ themeID: String, volume: Int, weekRecords: Int, gain: Double?, verdict: TrendVerdict, q: Double = 0.5) {
            figures.append(ThemeWeek(
                themeID: themeID, week: ReportBuilderTests.week, volume: volume, weekRecords: weekRecords,
                share: Double(volume) / Double(weekRecords), promoters: 0, passives: 0, detractors: 0, detractorShare: nil,
                npsImpact: gain.map { -$0 }, npsGainIfDetractorsPassive: gain, sources: [], emotions: EmotionCounts(),
                trend: .init(verdict: verdict, baselineVolume: 1, baselineRecords: 100, pValue: q, qValue: q)))
        }

        /// The input the pipeline would give: the week's records, and the earlier weeks as counts.
        func input() -> ReportInput {
            let week = ReportBuilderTests.week
            let earlier = (1..<12).map { WeekTally(week: week.adding(weeks: -$0), records: records, assignments: assignments) }
            var lastWeekEmotions = EmotionCounts()
            for record in records where record.week == week.adding(weeks: -1) { lastWeekEmotions.add(emotions[record.id] ?? []) }
            return ReportInput(
                week: week, timeZone: "UTC", records: records.filter { $0.week == week },
                earlierWeeks: earlier.filter { $0.records > 0 }, lastWeekEmotions: lastWeekEmotions,
                themes: ThemeModel(themes: themes, assignments: assignments), themeWeeks: figures, emotions: emotions,
                dataHealth: .init(files: 1, rowsRead: records.count, records: records.count, mergedDuplicates: 0,
                                  quarantined: 0, quarantineReasons: [], themedShare: 0),
                provenance: .init(earshotVersion: "test", configSHA256: "abc", inputFiles: []))
        }
    }

    @Test func npsChangesCarryTheirMarginAndSayWhetherTheyAreReal() throws {
        var world = World()
        // This week: scores 0…9 → NPS −60 ± 41.1. Last week: ten 10s → NPS +100 ± 0.
        for index in 0..<10 { world.add("now\(index)", "fine \(index)", score: Double(index)) }
        for index in 0..<10 { world.add("last\(index)", "great", score: 10, week: Self.week.adding(weeks: -1)) }
        let headline = ReportBuilder().build(world.input()).headline
        let change = try #require(headline.changeFromLastWeek)
        #expect(change.points == -160)
        #expect(change.marginOfError == 41.1)
        #expect(change.isReal)
        #expect(headline.summary[0].contains("down 160.0 points from last week"))
        #expect(headline.summary[0].contains("a real change"))
        #expect(headline.responsesLastWeek == 10)
    }

    @Test func themesAreRankedByNPSPointsAtStakeThenVolume() {
        var world = World()
        world.themes = [Theme(id: "T1", label: "Big", keywords: ["big"], recordCount: 6),
                        Theme(id: "T2", label: "Costly", keywords: ["costly"], recordCount: 3),
                        Theme(id: "T3", label: "Small", keywords: ["small"], recordCount: 2)]
        for index in 0..<6 { world.add("b\(index)", "big thing \(index)", score: 8, themes: ["T1"], terms: ["big"]) }
        for index in 0..<3 { world.add("c\(index)", "costly thing \(index)", score: 1, themes: ["T2"], terms: ["costly"]) }
        for index in 0..<2 { world.add("s\(index)", "small thing \(index)", score: 8, themes: ["T3"], terms: ["small"]) }
        world.figure("T1", volume: 6, weekRecords: 11, gain: 0, verdict: .steady)
        world.figure("T2", volume: 3, weekRecords: 11, gain: 27.3, verdict: .steady)
        world.figure("T3", volume: 2, weekRecords: 11, gain: 0, verdict: .tooFew)
        let report = ReportBuilder().build(world.input())
        #expect(report.themes.map(\.id) == ["T2", "T1", "T3"])
        #expect(report.themes[0].npsPointsAtStake == 27.3)
        // 3 detractors of 11 answers: p = 0.273, margin 196 · sqrt(p(1 − p) / 11) = 26.3.
        #expect(report.themes[0].npsPointsAtStakeMargin == 26.3)
        #expect(report.headline.summary.last?.contains("“Costly”") == true)
    }

    @Test func quotesCoverTheThemesPhrasesAndACounterQuoteShowsTheOtherSide() throws {
        var world = World()
        world.themes = [Theme(id: "T1", label: "Login", keywords: ["login", "password reset", "sso"], recordCount: 5)]
        world.add("a", "login fails again after the update, every single morning", score: 2, themes: ["T1"], terms: ["login"])
        world.add("b", "login fails and password reset loops, sso is broken for our whole team", score: 1, themes: ["T1"],
                  terms: ["login", "password reset", "sso"])
        world.add("c", "the login page fails to load for the third day in a row now", score: 3, themes: ["T1"], terms: ["login"])
        world.add("d", "login with sso is lovely now, thank you for fixing it so quickly", score: 10, themes: ["T1"],
                  terms: ["login", "sso"])
        world.add("e", "login", score: 0, themes: ["T1"], terms: ["login"])
        world.figure("T1", volume: 5, weekRecords: 5, gain: 80, verdict: .steady)
        let line = try #require(ReportBuilder().build(world.input()).themes.first)
        #expect(line.quotes.first?.recordID == "delighted:b", "the quote that covers the most phrases comes first")
        #expect(line.quotes.count == 3)
        #expect(!line.quotes.contains { $0.recordID == "delighted:d" }, "a mostly negative theme is quoted by its complaints")
        #expect(line.counterQuote?.recordID == "delighted:d")
        #expect(line.counterQuote?.score == 10)
    }

    @Test func moversComeFromTheTestedVerdicts() {
        var world = World()
        world.themes = ["T1", "T2", "T3", "T4"].map { Theme(id: $0, label: "Theme \($0)", keywords: [], recordCount: 1) }
        world.add("x", "text", score: nil, themes: ["T1", "T2", "T3", "T4"])
        world.figure("T1", volume: 30, weekRecords: 100, gain: nil, verdict: .new, q: 0.001)
        world.figure("T2", volume: 20, weekRecords: 100, gain: nil, verdict: .rising, q: 0.01)
        world.figure("T3", volume: 2, weekRecords: 100, gain: nil, verdict: .falling, q: 0.03)
        world.figure("T4", volume: 40, weekRecords: 100, gain: nil, verdict: .steady)
        let movers = ReportBuilder().build(world.input()).movers
        #expect(movers.new.map(\.id) == ["T1"])
        #expect(movers.rising.map(\.id) == ["T2"])
        #expect(movers.fading.map(\.id) == ["T3"])
        #expect(movers.heldSteady.map(\.id) == ["T4"])
        #expect(movers.method.contains("Benjamini–Hochberg"))
    }

    @Test func aSegmentThatHoldsATopThemeIsFoundWithItsLift() throws {
        var world = World()
        world.themes = [Theme(id: "T1", label: "Export", keywords: ["export"], recordCount: 20)]
        // 20 "pro" records, 18 with the theme; 80 "free" records, 2 with it: the theme's share is 20%, 90% among pro.
        for index in 0..<100 {
            let pro = index < 20
            let themed = pro ? index < 18 : index >= 98
            world.add("r\(index)", "record \(index)", score: nil, themes: themed ? ["T1"] : [], attributes: ["plan": [pro ? "pro" : "free"]])
        }
        world.figure("T1", volume: 20, weekRecords: 100, gain: nil, verdict: .steady)
        let segments = ReportBuilder().build(world.input()).segments
        let segment = try #require(segments.first)
        #expect(segments.count == 1, "the free plan holds the theme less, not more")
        #expect((segment.attribute, segment.value) == ("plan", "pro"))
        #expect((segment.themeRecords, segment.segmentRecords) == (18, 20))
        #expect(abs(segment.lift - 4.5) < 1e-9)
        #expect(segment.qValue < 0.001)
    }

    @Test func tenCommentsCoverNewThemesFirstAndNeverRepeat() {
        var world = World()
        world.themes = [Theme(id: "T1", label: "Old", keywords: [], recordCount: 20), Theme(id: "T2", label: "New", keywords: [], recordCount: 3)]
        for index in 0..<20 { world.add("o\(index)", "old complaint number \(index) with enough words", score: 3, themes: ["T1"]) }
        for index in 0..<3 { world.add("n\(index)", "new complaint number \(index) with enough words", score: 3, themes: ["T2"]) }
        world.figure("T1", volume: 20, weekRecords: 23, gain: 50, verdict: .steady)
        world.figure("T2", volume: 3, weekRecords: 23, gain: 10, verdict: .new, q: 0.01)
        let mustRead = ReportBuilder().build(world.input()).mustRead
        #expect(mustRead.count == 10)
        #expect(mustRead.first?.themeID == "T2")
        #expect(mustRead.first?.reason == "new theme")
        #expect(Set(mustRead.map(\.quote.recordID)).count == 10)
        #expect(mustRead.filter { $0.themeID == "T2" }.count == 3, "every comment of the new theme, then the rest")
    }

    @Test func emotionsSayWhereTheyConcentrate() throws {
        var world = World()
        world.themes = [Theme(id: "T1", label: "Crash", keywords: [], recordCount: 10), Theme(id: "T2", label: "Praise", keywords: [], recordCount: 10)]
        for index in 0..<10 {
            world.add("c\(index)", "it crashed again and again \(index)", score: nil, themes: ["T1"], emotions: index < 8 ? [.frustration] : [])
            world.add("p\(index)", "love it \(index)", score: nil, themes: ["T2"], emotions: [.delight])
        }
        let lines = ReportBuilder().build(world.input()).emotions
        let frustration = try #require(lines.first { $0.emotion == .frustration })
        #expect(frustration.records == 8)
        #expect(frustration.share == 0.4)
        #expect(frustration.themes.map(\.id) == ["T1"])
        #expect(abs(try #require(frustration.themes.first).lift - 2) < 1e-9)
        #expect(frustration.example?.recordID.hasPrefix("delighted:c") == true)
        #expect(lines.first { $0.emotion == .delight }?.themes.map(\.id) == ["T2"])
    }

    @Test func theReportDoesNotDependOnTheOrderOfItsInput() throws {
        var world = World()
        world.themes = [Theme(id: "T1", label: "A", keywords: ["alpha", "beta"], recordCount: 30), Theme(id: "T2", label: "B", keywords: ["gamma"], recordCount: 30)]
        for index in 0..<60 {
            world.add("r\(index)", "alpha beta gamma text \(index)", score: Double(index % 11), themes: index % 2 == 0 ? ["T1", "T2"] : ["T2"],
                      terms: index % 3 == 0 ? ["alpha", "beta"] : ["gamma"], attributes: ["plan": [index % 4 == 0 ? "pro" : "free"]],
                      emotions: EmotionSet(rawValue: UInt8(index % 16)))
        }
        world.figure("T1", volume: 30, weekRecords: 60, gain: 10, verdict: .steady)
        world.figure("T2", volume: 60, weekRecords: 60, gain: 20, verdict: .steady)
        var shuffled = world
        shuffled.records.reverse()
        shuffled.assignments.reverse()
        shuffled.themes.reverse()
        shuffled.figures.reverse()
        let first = try JSONRenderer().render(ReportBuilder().build(world.input()))
        let second = try JSONRenderer().render(ReportBuilder().build(shuffled.input()))
        #expect(first == second)
    }

    @Test func earlierWeeksAreReadFromTheirTalliesAlone() throws {
        var world = World()
        world.themes = [Theme(id: "T1", label: "Login", keywords: ["login"], recordCount: 2)]
        world.add("a", "login fails every single morning since the update", score: 2, themes: ["T1"],
                  emotions: [.frustration])
        world.add("b", "login is fine now, thanks", score: 10, themes: ["T1"])
        var input = world.input()
        let last = Self.week.adding(weeks: -1)
        // Last week: 6 answers (all promoters) and 4 tickets, 5 of the 10 frustrated, 3 about logins; and one record
        // three weeks ago, where the trend starts.
        input.earlierWeeks = [
            WeekTally(week: Self.week.adding(weeks: -3), records: 1, themeVolumes: ["T1": 1]),
            WeekTally(week: last, records: 10, tickets: 4, promoters: 6, themeVolumes: ["T1": 3]),
        ]
        input.lastWeekEmotions = EmotionCounts(frustration: 5)
        // A record of an earlier week given as a record, not counted in a tally, is not part of the report.
        input.records.append(NormalizedRecord(
            id: RecordID(source: "delighted", sourceID: "old"), kind: .nps, tool: "delighted",
            createdAt: Int64(last.mondayDaysSinceEpoch) * 86_400, week: last, score: Score(value: 0, scale: .zeroToTen),
            text: "login", fileID: 1, line: 2))
        let report = ReportBuilder().build(input)
        #expect(report.headline.responsesLastWeek == 6)
        #expect(report.headline.ticketsLastWeek == 4)
        #expect(report.headline.npsLastWeek?.score == 100)
        #expect(report.headline.npsBaseline?.respondents == 6)
        #expect(report.volumeByWeek.map(\.records) == [1, 0, 10, 2])
        #expect(report.volumeByWeek.map(\.nps) == [nil, nil, 100, 0])
        let line = try #require(report.themes.first)
        #expect(line.volumeLastWeek == 3)
        #expect(line.trend == [1, 0, 3, 2])
        #expect(report.emotions.first { $0.emotion == .frustration }?.shareLastWeek == 0.5)
    }

    @Test func theTrendStartsAtTheFirstWeekWithDataAndKeepsGapsAfterIt() throws {
        var world = World()
        world.themes = [Theme(id: "T1", label: "Login", keywords: ["login"], recordCount: 3)]
        world.add("a", "login one", score: nil, week: Self.week.adding(weeks: -3), themes: ["T1"])
        world.add("b", "login two", score: nil, week: Self.week, themes: ["T1"])
        world.add("c", "login three", score: nil, week: Self.week, themes: ["T1"])
        let report = ReportBuilder().build(world.input())
        #expect(report.volumeByWeek.map(\.week) == (0...3).map { Self.week.adding(weeks: $0 - 3) })
        #expect(report.volumeByWeek.map(\.records) == [1, 0, 0, 2])
        #expect(try #require(report.themes.first).trend == [1, 0, 0, 2])
    }
}
