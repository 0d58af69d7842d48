import EarshotModel
import EarshotThemes
import Testing

/// Detected matches become assignments to curated themes: one per record and curated theme, ranked again by
/// strength, whatever order the matches come in.
@Suite struct CuratedAssignmentsTests {
    private static func match(_ record: String, theme: Int, rank: Int, strength: Double, terms: [String]) -> DetectedThemes.Match {
        DetectedThemes.Match(recordID: RecordID(source: "zendesk", sourceID: record), theme: theme, rank: rank,
                             strength: strength, matchedTerms: terms)
    }

    @Test func detectedThemesMergedIntoOneCuratedThemeKeepTheStrongerMatchAndAllItsTerms() {
        // Detected themes 0 and 1 are both curated theme "T-billing" (an analyst merged them); 2 is excluded.
        let matches = [
            Self.match("1", theme: 0, rank: 1, strength: 0.4, terms: ["invoice", "charge"]),
            Self.match("1", theme: 2, rank: 2, strength: 0.9, terms: ["app"]),
            Self.match("1", theme: 1, rank: 3, strength: 0.7, terms: ["refund", "charge"]),
            Self.match("1", theme: 3, rank: 4, strength: 0.5, terms: ["login"]),
        ]
        let (assignments, counts) = ThemeRegistry.curatedAssignments(matches, curatedIDs: ["T-billing", "T-billing", nil, "T-login"])
        let one = RecordID(source: "zendesk", sourceID: "1")
        #expect(assignments == [
            ThemeAssignment(recordID: one, themeID: "T-billing", rank: 1, strength: 0.7, matchedTerms: ["invoice", "charge", "refund"]),
            ThemeAssignment(recordID: one, themeID: "T-login", rank: 2, strength: 0.5, matchedTerms: ["login"]),
        ])
        #expect(counts == ["T-billing": 1, "T-login": 1])
    }

    @Test func matchesOutOfRecordOrderAreGroupedByRecordInIDOrder() {
        let matches = [
            Self.match("2", theme: 0, rank: 1, strength: 0.5, terms: ["invoice"]),
            Self.match("1", theme: 1, rank: 1, strength: 0.8, terms: ["login"]),
            Self.match("2", theme: 1, rank: 2, strength: 0.6, terms: ["login"]),
            Self.match("1", theme: 0, rank: 2, strength: 0.3, terms: ["invoice"]),
        ]
        let (assignments, counts) = ThemeRegistry.curatedAssignments(matches, curatedIDs: ["T-billing", "T-login"])
        #expect(assignments.map { "\($0.recordID.sourceID) \($0.themeID) \($0.rank)" } == [
            "1 T-login 1", "1 T-billing 2", "2 T-login 1", "2 T-billing 2",
        ])
        #expect(counts == ["T-billing": 2, "T-login": 2])
    }
}
