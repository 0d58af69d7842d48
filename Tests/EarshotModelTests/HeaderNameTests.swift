import EarshotModel
import Testing

@Suite struct HeaderNameTests {
    @Test(arguments: [
        ("<strong>Age?</strong>", "age?"),
        ("*Are you self-employed?*", "are you self-employed?"),
        ("\u{FEFF}StartDate", "startdate"),
        ("\u{FEFF}Response ID", "response id"),
        ("  Submit Date (UTC) ", "submit date (utc)"),
        ("Before we start\nYour answers", "before we start your answers"),
        ("a\t\tb", "a b"),
        ("<p>What <em>should</em> we improve?</p>", "what should we improve?"),
        ("", ""),
        ("Q1_NPS_GROUP", "q1_nps_group"),
    ])
    func normalizes(header: String, expected: String) {
        #expect(HeaderName.normalize(header) == expected)
    }

    @Test func tagAndMarkdownFormsMatch() {
        #expect(HeaderName.normalize("<strong>Age?</strong>") == HeaderName.normalize("*Age?*"))
    }
}
