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
