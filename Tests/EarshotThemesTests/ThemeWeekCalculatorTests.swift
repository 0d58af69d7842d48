import EarshotModel
import EarshotThemes
import Testing

@Suite struct ThemeWeekCalculatorTests {
    typealias Facts = ThemeWeekCalculator.RecordFacts

    /// Records of one week: `scores` gives each record's NPS group (nil: unscored), `themes` the themes it carries.
    struct Builder {
        var records: [Facts] = []
        var memberships: [ThemeWeekCalculator.Membership] = []

        mutating func add(_ week: String, _ category: NPSCategory?, themes: [String] = [], source: String = "survey",
                          emotions: EmotionSet = []) {
            records.append(Facts(week: ISOWeek(week)!, source: source, npsCategory: category, emotions: emotions))
            for theme in themes { memberships.append(.init(record: records.count - 1, themeID: theme)) }
        }

        mutating func add(_ week: String, count: Int, themes: [String] = []) {
            for _ in 0..<count { add(week, nil, themes: themes) }
        }
    }

    @Test func npsImpactAndGainMatchAHandComputation() throws {
        var builder = Builder()
        // The theme: 2 detractors, 1 promoter, 1 unscored; the rest: 3 promoters, 2 passives, 1 detractor.
        builder.add("2026-W01", .detractor, themes: ["T1"], source: "zendesk", emotions: [.frustration])
        builder.add("2026-W01", .detractor, themes: ["T1"], source: "survey", emotions: [.frustration, .urgency])
        builder.add("2026-W01", .promoter, themes: ["T1"], source: "zendesk", emotions: [.delight])
        builder.add("2026-W01", nil, themes: ["T1", "T1"], source: "zendesk")
        for category in [NPSCategory.promoter, .promoter, .promoter, .passive, .passive, .detractor] {
            builder.add("2026-W01", category)
        }
        let figures = ThemeWeekCalculator().figures(themeIDs: ["T1"], records: builder.records, memberships: builder.memberships)
        let figure = try #require(figures.first)
        #expect(figures.count == 1)
        #expect(figure.volume == 4, "a record carrying the theme twice counts once")
        #expect(figure.weekRecords == 10)
        #expect(figure.share == 0.4)
        #expect((figure.promoters, figure.passives, figure.detractors) == (1, 0, 2))
        #expect(figure.detractorShare == 2.0 / 3.0)
        // All scored: P 4, A 2, D 3 → NPS 100·1/9 = 11.1; without the theme: P 3, A 2, D 1 → 100·2/6 = 33.3.
        let impact = try #require(figure.npsImpact)
        #expect(abs(impact - (100.0 / 9 - 100.0 * 2 / 6)) < 1e-9)
        // Its 2 detractors as passives: NPS (4 − 1) / 9 = 33.3, a gain of 100·2/9 = 22.2 points.
        #expect(abs(try #require(figure.npsGainIfDetractorsPassive) - 200.0 / 9) < 1e-9)
        #expect(figure.sources == [.init(source: "zendesk", records: 3), .init(source: "survey", records: 1)])
        #expect(figure.emotions == EmotionCounts(frustration: 2, confusion: 0, urgency: 1, delight: 1))
        #expect(figure.trend.verdict == .tooFew, "4 records, and no baseline")
    }

    @Test func weeksWithoutScoresHaveNoNPSFigures() throws {
        var builder = Builder()
        builder.add("2026-W01", count: 3, themes: ["T1"])
        let figure = try #require(ThemeWeekCalculator().figures(themeIDs: ["T1"], records: builder.records,
                                                               memberships: builder.memberships).first)
        #expect(figure.npsImpact == nil)
        #expect(figure.npsGainIfDetractorsPassive == nil)
        #expect(figure.detractorShare == nil)
    }

    @Test func verdictsAgainstTheBaselineWeeks() throws {
        var builder = Builder()
        for week in ["2026-W01", "2026-W02", "2026-W03", "2026-W04"] {
            builder.add(week, count: 5, themes: ["steady"])
            builder.add(week, count: 20, themes: ["falling"])
            builder.add(week, count: 25)
        }
        builder.add("2026-W05", count: 5, themes: ["steady"])
        builder.add("2026-W05", count: 2, themes: ["falling"])
        builder.add("2026-W05", count: 15, themes: ["new"])
        builder.add("2026-W05", count: 28)
        let figures = ThemeWeekCalculator().figures(
            themeIDs: ["steady", "falling", "new"], records: builder.records, memberships: builder.memberships)
        #expect(figures.count == 15, "3 themes × 5 weeks")
        let week5 = Dictionary(uniqueKeysWithValues: figures.filter { $0.week == ISOWeek("2026-W05") }.map { ($0.themeID, $0) })
        #expect(week5["new"]?.trend.verdict == .new)
        #expect(week5["falling"]?.trend.verdict == .falling)
        #expect(week5["steady"]?.trend.verdict == .steady)
        #expect(week5["falling"]?.trend.baselineVolume == 80)
        #expect(week5["falling"]?.trend.baselineRecords == 200)
        let qValue = try #require(week5["new"]?.trend.qValue)
        #expect(qValue < 0.05)
    }

    @Test func weeksWithoutRecordsAreSkippedButStillCountTowardsTheBaselineWindow() throws {
        var builder = Builder()
        builder.add("2026-W01", count: 30, themes: ["T1"])
        builder.add("2026-W01", count: 30)
        // Nothing in W02 to W05: W06's four baseline weeks are all empty.
        builder.add("2026-W06", count: 10, themes: ["T1"])
        let figures = ThemeWeekCalculator().figures(themeIDs: ["T1"], records: builder.records, memberships: builder.memberships)
        #expect(figures.map(\.week) == [ISOWeek("2026-W01")!, ISOWeek("2026-W06")!])
        #expect(figures[1].trend.baselineRecords == 0)
        #expect(figures[1].trend.verdict == .steady, "nothing to compare with")
        let wider = ThemeWeekCalculator(baselineWeeks: 5).figures(
            themeIDs: ["T1"], records: builder.records, memberships: builder.memberships)
        #expect(wider[1].trend.baselineRecords == 60)
    }

    @Test func theOrderOfRecordsAndMembershipsDoesNotMatter() {
        var builder = Builder()
        let weeks = ["2026-W01", "2026-W02", "2026-W03"]
        let categories: [NPSCategory?] = [.promoter, .passive, .detractor, nil]
        for index in 0..<120 {
            builder.add(weeks[index % 3], categories[index % 4], themes: index % 5 == 0 ? ["A", "B"] : ["A"],
                        source: index % 2 == 0 ? "zendesk" : "survey", emotions: EmotionSet(rawValue: UInt8(index % 16)))
        }
        let calculator = ThemeWeekCalculator()
        let forward = calculator.figures(themeIDs: ["A", "B"], records: builder.records, memberships: builder.memberships)
        let order = Array(builder.records.indices.reversed())
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
        let reversed = calculator.figures(
            themeIDs: ["B", "A"], records: order.map { builder.records[$0] },
            memberships: builder.memberships.reversed().map { .init(record: position[$0.record]!, themeID: $0.themeID) })
        #expect(forward == reversed)
    }
}
