import EarshotModel
import EarshotThemes
import Testing

@Suite struct EmotionLexiconTests {
    let lexicon = EmotionLexicon()

    @Test func findsFrustrationWithPhrasesBangsAndCapitals() {
        let cues = lexicon.cues(in: "This is ridiculous, the export is STILL not working!! Waste of time.")
        #expect(cues == [.frustration: ["ridiculous", "still not", "!!", "waste of time"]])
    }

    @Test func negatedDelightIsFrustrationNotDelight() {
        #expect(lexicon.cues(in: "Not great. I don't love the new layout") == [.frustration: ["not great", "don't love"]])
        #expect(lexicon.cues(in: "not happy with the update, it never works") == [.frustration: ["not happy", "never works"]])
        #expect(lexicon.cues(in: "I'm not very happy, it isn't a great experience")
            == [.frustration: ["not happy", "isn't great"]])
        #expect(lexicon.emotions(in: "dont love it") == [.frustration])
    }

    @Test func negationStopsAtClauseBreaksAndCueWords() {
        #expect(lexicon.cues(in: "No issues, love it") == [.delight: ["love it"]])
        #expect(lexicon.cues(in: "No bugs, great app") == [.delight: ["great"]])
        #expect(lexicon.cues(in: "Great, love it, couldn't be happier")
            == [.delight: ["great", "love it", "couldn't be happier"]])
    }

    @Test func otherNegatedCuesAreDropped() {
        #expect(lexicon.cues(in: "Not urgent, no rush. I was never disappointed").isEmpty)
    }

    @Test func requestsAndSignaturesAreNotDelight() {
        #expect(lexicon.cues(in: "Would love to see dark mode, that would be great. Best regards").isEmpty)
    }

    @Test func findsConfusionPhrasesAndQuestions() {
        #expect(lexicon.cues(in: "How do I export to CSV? Where is the button?") == [.confusion: ["how do i", "where is"]])
        #expect(lexicon.cues(in: "Why does it log me out?") == [.confusion: ["why …?"]])
        #expect(lexicon.cues(in: "Why. It logs me out?").isEmpty)
    }

    @Test func findsUrgency() {
        let cues = lexicon.cues(in: "URGENT: we are losing money and can't work, need it today before payroll")
        #expect(cues == [.urgency: ["urgent", "losing money", "can't work", "need it today", "before payroll"]])
    }

    @Test func findsDelightWithEmojiAndKeepsExcitedBangs() {
        let cues = lexicon.cues(in: "I love it!! Thank you so much 🙌🏽🎉 ❤️")
        #expect(cues == [.delight: ["love it", "thank you so much", "🙌", "🎉", "❤️"]])
        #expect(lexicon.cues(in: "❤ works like a charm") == [.delight: ["❤️", "works like a charm"]])
    }

    @Test func findsGermanFrenchAndSpanishCuesWithOrWithoutAccents() {
        let cues = lexicon.cues(in: "Das ist echt super, vielen Dank! C'est GÉNIAL. Me encanta")
        #expect(cues == [.delight: ["echt super", "vielen dank", "génial", "me encanta"]])
        #expect(lexicon.cues(in: "Schon wieder: funktioniert nicht. Je ne comprends pas, c'est pas genial")
            == [.frustration: ["schon wieder", "funktioniert nicht", "pas génial"], .confusion: ["comprends pas"]])
        #expect(lexicon.emotions(in: "Es urgente, no entiendo nada") == [.urgency, .confusion])
        #expect(lexicon.emotions(in: "ÄRGERLICH und unverschämt") == [.frustration])
    }

    @Test func matchesWholeWordsOnlyAndIgnoresAcronyms() {
        #expect(lexicon.cues(in: "My glove greatly improved, lovely weather").isEmpty)
        #expect(lexicon.cues(in: "The HTML export and the JSON API work; this page is BROKEN")
            == [.frustration: ["BROKEN"]])
    }

    @Test func textWithoutCuesHasNone() {
        #expect(lexicon.cues(in: "The invoice page loads on Mondays.").isEmpty)
        #expect(lexicon.emotions(in: "").isEmpty)
        #expect(lexicon.cues(in: "请帮我导出报表").isEmpty)
    }

    @Test func emotionsAreTheKeysOfTheCues() {
        let texts = [
            "😡😡 worst app ever ???", "Where is the export? It's urgent!!", "Thanks so much, fantastic support",
            "again and again", "The dashboard",
        ]
        for text in texts {
            #expect(lexicon.emotions(in: text) == Set(lexicon.cues(in: text).keys))
        }
        #expect(lexicon.cues(in: "😡😡 worst app ever ???") == [.frustration: ["😡", "😡", "worst"], .confusion: ["??"]])
    }

    /// A batch can carry cues found before for some of its texts: those texts are not read again.
    @Test func cuesABatchAlreadyKnowsAreTakenAsTheyAre() {
        let texts = ["I love it, thank you so much!", "Fix this asap, we are losing money", "The export is fine"]
        var fresh = DocumentBatch()
        var known = DocumentBatch()
        for (index, text) in texts.enumerated() {
            let id = RecordID(source: "s", sourceID: "\(index)")
            fresh.append(id: id, text: text)
            var copy = text
            copy.withUTF8 { bytes in
                known.append(id: id, title: UnsafeBufferPointer(start: nil, count: 0), text: bytes,
                             knownEmotions: index == 1 ? [.confusion] : nil)
            }
        }
        let lexicon = EmotionLexicon()
        let scanned = lexicon.emotionSets(in: fresh)
        #expect(scanned == [[.delight], [.urgency], []])
        #expect(lexicon.emotionSets(in: known) == [[.delight], [.confusion], []])
    }
}
