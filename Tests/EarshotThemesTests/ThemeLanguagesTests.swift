import Testing

@testable import EarshotThemes

@Suite struct ThemeLanguagesTests {
    static let english = (0..<40).map { "The app crashes every time I open the calendar, and support has not answered yet \($0)" }
    static let german = (0..<40).map { "Die App stürzt jedes Mal ab, wenn ich den Kalender öffne, und der Support hat nicht geantwortet \($0)" }
    static let spanish = (0..<40).map { "La aplicación se cierra cada vez que abro el calendario y el soporte no ha respondido \($0)" }

    @Test func englishFeedbackIsReadInEnglish() {
        let choice = ThemeLanguages(guessingFrom: Self.english)
        #expect(choice.languages == [.english])
        #expect(choice.guessed == [.english: 40])
        #expect(choice.evidence == "english 40 of 40 sampled records")
    }

    @Test func germanFeedbackIsReadInGerman() {
        #expect(ThemeLanguages(guessingFrom: Self.german).languages == [.german])
    }

    @Test func everyLanguageOfAtLeastOneTwentiethIsTakenTheCommonestFirst() {
        let mixed = Array(Self.english.prefix(10)) + Self.spanish + Array(Self.german.prefix(1))
        let choice = ThemeLanguages(guessingFrom: mixed)
        // Spanish 40, English 10 (over 5%), German 1 (under 5% of 51): German's stopwords stay words.
        #expect(choice.languages == [.spanish, .english])
        #expect(choice.sampled == 51)
    }

    @Test func textsWithNoTellingWordsFallBackToEnglish() {
        let choice = ThemeLanguages(guessingFrom: ["👍", "NPS 9", "", "Tandem Tandem Tandem"])
        #expect(choice.languages == [.english])
        #expect(choice.evidence == "no language told of 4 sampled records")
    }

    @Test func languagesAreNamedBySnowballNameOrCodeInAnyCase() {
        #expect(StemLanguage(name: "German") == .german)
        #expect(StemLanguage(name: "pt") == .portuguese)
        #expect(StemLanguage(name: "klingon") == nil)
    }
}
