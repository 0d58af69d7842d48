import Testing

@testable import EarshotReport

/// Quotes mark the words that put a record in its theme: whole words and their inflections, never a piece of another
/// word, and always escaped.
@Suite struct HTMLTextTests {
    @Test func keywordsAreMarkedAsWholeWordsWithTheirInflections() {
        #expect(HTMLText.highlighted("Your support answers by email.", terms: ["answer"])
            == "Your support <mark>answers</mark> by email.")
        #expect(HTMLText.highlighted("It crashed, then kept crashing. Crash!", terms: ["crash"])
            == "It <mark>crashed</mark>, then kept <mark>crashing</mark>. <mark>Crash</mark>!")
    }

    @Test func aKeywordInsideAnotherWordMarksNothing() {
        #expect(HTMLText.highlighted("Disappointed: the login page of the app loops.", terms: ["app", "log"])
            == "Disappointed: the login page of the <mark>app</mark> loops.")
        #expect(HTMLText.highlighted("An apple a day", terms: ["app"]) == "An apple a day")
    }

    @Test func phrasesAndOverlapsMergeAndTheRestIsEscaped() {
        #expect(HTMLText.highlighted("<b>Google Calendar</b> sync stopped", terms: ["calendar", "google calendar", "sync"])
            == "&lt;b&gt;<mark>Google Calendar</mark>&lt;/b&gt; <mark>sync</mark> stopped")
        #expect(HTMLText.highlighted("Zürich's café", terms: ["cafe"]) == "Zürich&#39;s <mark>café</mark>")
    }
}
