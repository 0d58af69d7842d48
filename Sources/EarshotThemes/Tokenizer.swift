/// Splits feedback text into lowercase word tokens, dropping stopwords, numbers and one- or two-letter words.
public struct Tokenizer: Sendable {
    /// The words never used as terms.
    public var stopwords: Set<String>

    /// Creates a tokenizer with the built-in English stopwords plus `extraStopwords`.
    public init(extraStopwords: [String] = []) {
        stopwords = EnglishStopwords.words.union(extraStopwords.map { $0.lowercased() })
    }

    /// The content tokens of a text, in order; stopwords become `nil` so phrases never jump over them.
    public func tokens(_ text: String) -> [String?] {
        var result: [String?] = []
        var current = ""
        var isSkippingHandle = false
        func flush() {
            guard !current.isEmpty else { return }
            let word = current
            current = ""
            if word.count < 3 || stopwords.contains(word) || word.allSatisfy(\.isNumber) {
                result.append(nil)
            } else {
                result.append(word)
            }
        }
        var wordFollowsBracket = false
        var previous: Character = " "
        for character in text {
            defer { previous = character }
            if character.isLetter || character.isNumber || (isSkippingHandle && character == "_") {
                if isSkippingHandle { continue }
                if current.isEmpty { wordFollowsBracket = previous == "[" }
                current.append(contentsOf: character.lowercased())
            } else if character == "'" || character == "’" {
                continue  // "can't" → "cant", "don't" → "dont" (both stopwords)
            } else {
                if character == "]" && wordFollowsBracket && Self.placeholders.contains(current) {
                    current = ""  // [email], [phone]…: personal data was here; the placeholder is not a topic
                    result.append(nil)
                }
                flush()
                // @handles and #hashtags name accounts and campaigns, not what the customer is talking about.
                isSkippingHandle = character == "@" || character == "#"
            }
        }
        flush()
        return result
    }
}

extension Tokenizer {
    /// The placeholders normalization puts where personal data was.
    static let placeholders: Set<String> = ["email", "phone", "card", "iban", "user"]
}

/// A compact English stopword list for customer feedback: function words and feedback filler.
enum EnglishStopwords {
    static let words: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out",
        "has", "him", "his", "how", "its", "may", "new", "now", "old", "see", "two", "way", "who", "did", "get", "got",
        "let", "put", "say", "she", "too", "use", "yes", "yet", "this", "that", "with", "have", "from", "they", "will",
        "would", "there", "their", "what", "about", "which", "when", "make", "like", "time", "just", "know", "take",
        "into", "year", "your", "good", "some", "could", "them", "than", "then", "look", "only", "come", "over",
        "think", "also", "back", "after", "work", "first", "well", "even", "want", "because", "these", "give", "most",
        "very", "been", "were", "does", "doing", "done", "being", "here", "where", "while", "should", "shall", "might",
        "must", "each", "such", "much", "many", "more", "less", "same", "other", "another", "again", "still", "ever",
        "every", "really", "always", "never", "something", "anything", "nothing", "everything", "someone", "anyone",
        "thing", "things", "lot", "lots", "bit", "way", "able", "cant", "dont", "didnt", "doesnt", "isnt", "wasnt",
        "wont", "im", "ive", "youre", "its", "thats", "theres", "please", "thanks", "thank", "hello", "dear", "regards",
        "hey", "guys", "team", "just", "gets", "getting", "going", "goes", "went", "made", "makes", "says", "said",
        "tell", "told", "asked", "ask", "need", "needs", "needed", "try", "tried", "trying", "keep", "keeps", "kept",
        "day", "days", "week", "weeks", "today", "yesterday", "since", "ago", "why", "way", "yours", "ours", "mine",
        "myself", "yourself", "itself", "those", "both", "few", "own", "off", "again", "once", "under", "until",
        "before", "above", "below", "between", "through", "during", "without", "within", "along", "also", "though",
        "although", "however", "therefore", "via", "per", "etc", "okay", "yeah", "lol", "amp", "http", "https", "www",
        "com", "can't", "won't", "don't", "i'm", "it's", "let's", "whole", "use", "used", "using", "one", "ones",
        "anyway", "sure", "maybe", "actually", "already", "literally", "pretty", "quite", "rather", "else", "able",
        "instead", "around", "back", "next", "last", "far", "got", "gotten", "put", "set", "came", "come", "comes",
    ]
}
