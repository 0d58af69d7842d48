/// The languages whose stopwords theme detection drops and whose stemmer it uses, told from a sample of the records
/// when the workspace does not name them (`[themes] languages = "auto"`, the default).
///
/// Each sampled record's language is guessed from its stopwords (``LanguageGuesser``). Every language that at least
/// ``minimumShare`` of the guessed records are written in is taken, the commonest first: its stemmer is the one
/// used, and the stopwords of all of them are dropped, so that "muy" and "und" do not become theme keywords in a
/// workspace with Spanish or German answers. With no record guessed, English is used.
public struct ThemeLanguages: Sendable, Hashable {
    /// The share of the guessed records below which a language's stopwords are not used: a handful of records in
    /// another language should not turn its function words (some of them English words, like German "die") into
    /// stopwords for everyone.
    public static let minimumShare = 0.05

    /// The languages, the stemmer's first.
    public var languages: [StemLanguage]
    /// How many records were sampled.
    public var sampled: Int
    /// How many sampled records were guessed to be in each language.
    public var guessed: [StemLanguage: Int]

    /// Guesses the languages of `texts`.
    public init(guessingFrom texts: [String]) {
        let tokenizer = Tokenizer(languages: [])
        let guesser = LanguageGuesser()
        var guessed: [StemLanguage: Int] = [:]
        var words: [String] = []
        for text in texts {
            words.removeAll(keepingCapacity: true)
            tokenizer.forEachWord(in: text) { word in if let word { words.append(word) } }
            if let language = guesser.guess(words) { guessed[language, default: 0] += 1 }
        }
        let total = guessed.values.reduce(0, +)
        // The commonest first, ties in the order of `StemLanguage.allCases`.
        let chosen = StemLanguage.allCases
            .filter { Double(guessed[$0, default: 0]) >= Self.minimumShare * Double(total) && guessed[$0, default: 0] > 0 }
            .enumerated().sorted { first, second in
                let (left, right) = (guessed[first.element]!, guessed[second.element]!)
                return left != right ? left > right : first.offset < second.offset
            }
            .map(\.element)
        languages = chosen.isEmpty ? [.english] : chosen
        sampled = texts.count
        self.guessed = guessed
    }

    /// What the choice rests on, for the log: "english 1870, spanish 130 of 2000 sampled records".
    public var evidence: String {
        let counts = guessed.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue) \($0.value)" }
        return (counts.isEmpty ? "no language told" : counts.joined(separator: ", ")) + " of \(sampled) sampled records"
    }
}
