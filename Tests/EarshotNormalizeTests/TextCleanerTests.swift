import EarshotNormalize
import Testing

@Suite struct TextCleanerTests {
    let cleaner = TextCleaner()

    @Test func htmlBecomesParagraphsWithEntitiesDecoded() {
        let html = "<p>Sync stopped on Friday &amp; now it&#39;s empty.</p><p>Is there an outage?<br>Thanks&nbsp;!</p>"
        #expect(cleaner.clean(html) == "Sync stopped on Friday & now it's empty.\n\nIs there an outage?\nThanks !")
    }

    @Test func quotedMailInHTMLAndScriptsGoWithTheirContent() {
        let html = """
            <div>New problem: exports are empty.</div><div class="gmail_quote"><div>On Mon Support wrote:</div>\
            <blockquote>old text</blockquote></div><script>alert(1)</script><style>p{}</style>
            """
        #expect(cleaner.clean(html) == "New problem: exports are empty.")
    }

    @Test func aLinkWhoseAddressHasParenthesesLosesAllOfItsMarkup() {
        #expect(cleaner.clean("see [the page](https://en.wikipedia.org/wiki/Swift_(language)) please") == "see the page please")
        #expect(cleaner.clean("Login page: [click](javascript:alert(1)) here") == "Login page: click here")
    }

    @Test func angleBracketsThatAreNotTagsStay() {
        #expect(cleaner.clean("Settings > Layout works, and a <3 b, and <foo@bar.example>") ==
            "Settings > Layout works, and a <3 b, and <foo@bar.example>")
    }

    @Test func aQuotedReplyIsCutEvenWhenItsHeaderWraps() {
        let text = """
            Still broken on 5.2.0.

            On Mon, 2 Nov 2026 at 09:12, Tandem Support
            <support@tandem.example> wrote:
            > Could you update?
            """
        #expect(cleaner.clean(text) == "Still broken on 5.2.0.")
    }

    @Test func anOutlookHeaderStartsTheQuotedMessage() {
        let text = "Yes, please cancel.\n\nFrom: Tandem Billing\nSent: Monday, 2 November 2026 10:00\nTo: Ana\nSubject: Your plan"
        #expect(cleaner.clean(text) == "Yes, please cancel.")
    }

    @Test func signaturesAndSignOffsAreCut() {
        let text = "The PDF shows 19% VAT.\nCan you fix it?\n\nThanks,\nJane\n--\nJane Doe\nHead of Ops, Acme\n+44 20 7946 0958"
        #expect(cleaner.clean(text) == "The PDF shows 19% VAT.\nCan you fix it?")
        #expect(cleaner.clean("Timer is off by an hour.\n\nKind regards, Marcus") == "Timer is off by an hour.")
        #expect(cleaner.clean("Export is slow.\n\nMit freundlichen Grüßen\nAnna Schmidt\nBüro Schmidt") == "Export is slow.")
    }

    @Test func aClosingThatIsTheMessageIsKept() {
        #expect(cleaner.clean("That worked, thanks!! 🎉") == "That worked, thanks!! 🎉")
        #expect(cleaner.clean("Love the new timer.\nThanks!") == "Love the new timer.\nThanks!")
        #expect(cleaner.clean("Thanks, but the export still has no project codes.") ==
            "Thanks, but the export still has no project codes.")
    }

    @Test func mailClientBoilerplateGoes() {
        #expect(cleaner.clean("Approve does nothing on iOS!!\n\nSent from my iPhone") == "Approve does nothing on iOS!!")
        #expect(cleaner.clean("Geht nicht.\n\nVon meinem iPhone gesendet") == "Geht nicht.")
    }

    @Test func aCutThatWouldLeaveNothingIsNotMade() {
        #expect(cleaner.clean("Sent from my iPhone") == "Sent from my iPhone")
        #expect(cleaner.clean("> only a quote") == "> only a quote")
    }

    @Test func jiraMarkupBecomesPlainWords() {
        let text = """
            Swiss clients show *€* instead of *CHF*.

            h3. Steps
            # Set currency to CHF
            # Download PDF
            Hi [~accountid:712020:8a22], see [the guide|https://help.example/x] and !trace.png|thumbnail!
            {quote}someone else's words{quote}{code}x = 1{code} and {{monospace}}
            """
        #expect(cleaner.clean(text) == """
            Swiss clients show € instead of CHF.

            Steps
            Set currency to CHF
            Download PDF
            Hi [user], see the guide and
            x = 1 and monospace
            """)
    }

    @Test func markdownMarkupBecomesPlainWords() {
        let text = "## Problem\n**Export** is _really_ slow, see [docs](https://x.example/a) ![shot](https://x.example/s.png)\n* first\n---\n`code` and ~~old~~"
        #expect(cleaner.clean(text) == "Problem\nExport is really slow, see docs\n- first\n\ncode and old")
    }

    @Test func wordsThatOnlyLookLikeMarkupStay() {
        for text in ["use snake_case_names here", "2 * 3 = 6 and a lone * star", "rated 5* by #1 fans", "Wow!! Great!"] {
            #expect(cleaner.clean(text) == text)
        }
    }

    @Test func whitespaceIsTidied() {
        #expect(cleaner.clean("  too   many\tspaces\u{A0}here \r\n\r\n\r\n\r\nnext\u{200B}line  ") == "too many spaces here\n\nnextline")
        #expect(cleaner.clean("") == "")
    }
}
