import EarshotThemes
import Testing

@Suite struct StemmerTests {
    // Expected stems are what libstemmer 2.2.0 (Debian's `stemwords`) actually produces, not guesses.

    @Test func englishConflatesInflections() throws {
        let stemmer = try #require(Stemmer(language: "english"))
        #expect(Set(["crashes", "crashing", "crashed"].map(stemmer.stem)) == ["crash"])
        #expect(stemmer.stem("billing") == "bill")
        #expect(stemmer.stem("bills") == "bill")
        #expect(stemmer.stem("connection") == "connect")
        #expect(stemmer.stem("connectivity") == "connect")
    }

    @Test func isoCodesAreAccepted() throws {
        let stemmer = try #require(Stemmer(language: "en"))
        #expect(stemmer.stem("crashing") == "crash")
    }

    @Test func germanConflatesInflectionsAndFoldsUmlauts() throws {
        let stemmer = try #require(Stemmer(language: .german))
        #expect(stemmer.stem("verbindungen") == "verbind")
        #expect(stemmer.stem("verbindung") == "verbind")
        #expect(stemmer.stem("abstürze") == "absturz")
        #expect(stemmer.stem("kündigung") == "kundig")
        #expect(stemmer.stem("kündigen") == "kundig")
    }

    @Test func frenchConflatesInflections() throws {
        let stemmer = try #require(Stemmer(language: "french"))
        #expect(stemmer.stem("factures") == "factur")
        #expect(stemmer.stem("facturation") == "factur")
        #expect(stemmer.stem("remboursement") == "rembours")
        #expect(stemmer.stem("rembourser") == "rembours")
    }

    @Test func emptyWordComesBackUnchanged() throws {
        let stemmer = try #require(Stemmer(language: "english"))
        #expect(stemmer.stem("") == "")
    }

    @Test func cacheDoesNotChangeResults() throws {
        let cached = try #require(Stemmer(language: "english", cacheCapacity: 2))
        let uncached = try #require(Stemmer(language: "english", cacheCapacity: 0))
        // Capacity 2 forces the cache to empty itself along the way.
        let words = ["crashes", "billing", "crashes", "connection", "bills", "crashes", "refunds", "billing"]
        #expect(words.map(cached.stem) == words.map(uncached.stem))
    }

    @Test func unknownLanguageGivesNil() {
        #expect(Stemmer(language: "klingon") == nil)
        #expect(Stemmer(language: "") == nil)
    }

    @Test(arguments: StemLanguage.allCases)
    func everyStemLanguageHasASnowballStemmer(_ language: StemLanguage) {
        #expect(Stemmer(language: language) != nil)
        #expect(Stemmer(language: language.isoCode) != nil)
        #expect(Stemmer.availableLanguages.contains(language.snowballName))
    }

    @Test func availableLanguagesAreSorted() {
        let languages = Stemmer.availableLanguages
        #expect(languages.contains("english"))
        #expect(languages == languages.sorted())
    }

    @Test(arguments: StemLanguage.allCases)
    func stopwordListsAreLowercaseAndNonEmpty(_ language: StemLanguage) {
        let words = StopwordLists.words(for: language)
        #expect(words.count >= 100)
        #expect(words.allSatisfy { !$0.isEmpty && $0 == $0.lowercased() })
    }

    @Test func stopwordListsHaveUnaccentedVariants() {
        #expect(StopwordLists.words(for: .french).isSuperset(of: ["très", "tres"]))
        #expect(StopwordLists.words(for: .german).isSuperset(of: ["für", "fur", "fuer"]))
        #expect(StopwordLists.words(for: .spanish).isSuperset(of: ["también", "tambien"]))
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init)
    }

    @Test(arguments: [
        ("The app keeps crashing when I try to upload a photo and it is really annoying", StemLanguage.english),
        ("Die App stürzt immer ab, wenn ich ein Foto hochladen will, und das ist sehr nervig", .german),
        ("L'application plante à chaque fois que je veux envoyer une photo, c'est vraiment pénible", .french),
        ("La aplicación se cierra cada vez que intento subir una foto y es muy molesto", .spanish),
        ("L'app si blocca ogni volta che provo a caricare una foto ed è davvero fastidioso", .italian),
        ("De app crasht elke keer als ik een foto wil uploaden en dat is echt vervelend", .dutch),
        ("O aplicativo fecha toda vez que tento enviar uma foto e isso é muito chato", .portuguese),
    ])
    func guessesTheLanguageOfASentence(_ sentence: String, _ language: StemLanguage) {
        #expect(LanguageGuesser().guess(Self.words(sentence)) == language)
    }

    @Test func tooLittleEvidenceGivesNil() {
        let guesser = LanguageGuesser()
        #expect(guesser.guess([]) == nil)
        #expect(guesser.guess(["the"]) == nil)
        #expect(guesser.guess(["crash", "upload", "photo"]) == nil)
        // Both words are French and Spanish (and "de" Dutch and Portuguese too): no clear winner.
        #expect(guesser.guess(["de", "la"]) == nil)
    }
}
