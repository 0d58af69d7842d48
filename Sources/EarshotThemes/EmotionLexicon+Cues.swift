import EarshotModel

extension EmotionLexicon {
    /// Cue phrases per emotion, written as a reader would; `nil` marks phrases that only suppress. Listed phrases are
    /// folded like feedback, so "génial" also matches "genial" and "GENIAL", and "don't" matches "dont".
    static let entries: [(Emotion?, [String])] = [
        (nil, [
            // Requests and conditionals, not delight.
            "would love", "would really love", "i'd love", "we'd love", "love to see", "love to have", "love it if",
            "love if", "would be great", "would be perfect", "would be awesome", "would be amazing", "would be happy",
            "i'd be happy", "it'd be great", "that'd be great",
            // Signatures and pleasantries.
            "best regards", "kind regards", "thanks again", "thank you again", "once again thank", "once again thanks",
            "buy again", "order again",
            // Explicitly not urgent.
            "no rush", "no hurry", "no urgency", "whenever you can", "when you get a chance", "when you have time",
            "not a priority", "low priority",
        ]),
        (.frustration, [
            "frustrated", "frustrating", "frustration", "annoying", "annoyed", "irritating", "ridiculous",
            "unacceptable", "not acceptable", "fed up", "sick of", "sick and tired", "tired of", "waste of time",
            "waste of money", "wasted my time", "wasting my time", "still not", "still broken", "still waiting",
            "still no", "again", "yet again", "once again", "not again", "worst", "terrible", "horrible", "awful",
            "useless", "pathetic", "disappointed", "disappointing", "angry", "furious", "infuriating", "outrageous",
            "unbelievable", "absurd", "a joke", "garbage", "rubbish", "hate", "hated", "sucks", "ugh", "wtf",
            "never works", "doesn't work", "does not work", "not working", "stopped working", "no longer works",
            "keeps crashing", "keeps failing", "every single time", "how many times", "had enough", "give up",
            "cancel my subscription",
            "😡", "😠", "🤬", "😤", "🙄", "😩", "😫", "👎",
            // German, French, Spanish.
            "frustrierend", "frustriert", "nervig", "ärgerlich", "unverschämt", "inakzeptabel", "katastrophe",
            "schon wieder", "funktioniert nicht", "immer noch nicht",
            "inadmissible", "inacceptable", "énervant", "agaçant", "marre", "ras le bol", "toujours pas",
            "ne fonctionne pas", "ne marche pas", "c'est nul",
            "inaceptable", "frustrante", "harto", "harta", "pésimo", "otra vez", "no funciona", "sigue sin funcionar",
            "una vergüenza",
        ]),
        (.confusion, [
            "confused", "confusing", "confusion", "don't understand", "do not understand", "doesn't make sense",
            "does not make sense", "makes no sense", "make no sense", "no idea how", "no idea why", "no idea where",
            "not sure how", "not sure why", "not sure where", "not sure what", "don't know how", "don't know where",
            "don't know why", "how do i", "how can i", "how do you", "how do we", "where is", "where are",
            "where can i", "where do i", "what does this mean", "what is the difference", "unclear", "not clear",
            "isn't clear", "can't find", "cannot find", "couldn't find", "unable to find", "can't figure out",
            "figure out how", "hard to find", "hard to understand", "puzzled", "baffled", "perplexed", "unintuitive",
            "counterintuitive", "not intuitive", "misleading", "ambiguous", "is there a way", "is it possible to",
            "am i missing something", "what am i doing wrong", "please explain", "clarify",
            "🤔", "😕", "🤷", "❓",
            "verwirrend", "verwirrt", "verstehe nicht", "unklar", "wie kann ich", "wo ist", "keine ahnung",
            "comprends pas", "pas clair", "déroutant", "comment faire", "trouve pas",
            "no entiendo", "confuso", "confundido", "cómo puedo", "dónde está",
        ]),
        (.urgency, [
            "urgent", "urgently", "asap", "as soon as possible", "immediately", "right now", "right away", "deadline",
            "by today", "need it today", "needed today", "today please", "by tomorrow", "by eod", "eod", "end of day",
            "end of the day", "before payroll", "payroll is due", "losing money", "losing customers", "losing sales",
            "losing business", "costing us", "can't work", "cannot work", "unable to work", "can't do my job",
            "blocker", "blocking us", "blocked", "critical", "emergency", "production is down", "production down",
            "site is down", "outage", "time sensitive", "high priority", "top priority", "escalate", "escalating",
            "please hurry",
            "🚨", "⏰", "⚠️",
            "dringend", "sofort", "umgehend", "so schnell wie möglich", "eilig",
            "urgence", "immédiatement", "au plus vite", "dès que possible", "tout de suite",
            "urgente", "inmediatamente", "cuanto antes", "lo antes posible", "ahora mismo",
        ]),
        (.delight, [
            "love", "loved", "loving", "love it", "love this", "amazing", "awesome", "great", "fantastic", "perfect",
            "perfectly", "excellent", "wonderful", "brilliant", "superb", "outstanding", "incredible", "delighted",
            "delightful", "happy", "thrilled", "impressed", "impressive", "beautiful", "flawless", "seamless",
            "thank you so much", "thanks so much", "thank you very much", "thanks a lot", "thanks a ton",
            "many thanks", "much appreciated", "really appreciate", "grateful", "works great", "works perfectly",
            "works like a charm", "game changer", "lifesaver", "life saver", "best ever", "best app", "best tool",
            "best support", "kudos", "bravo", "well done", "great job", "great work", "top notch", "so helpful",
            "super helpful", "very helpful", "highly recommend", "couldn't be happier", "never been happier",
            "can't thank you enough", "10/10",
            "🙌", "🎉", "❤️", "👏", "😍", "🥰", "🤩", "😊", "🥳", "💯", "✨", "💖",
            "toll", "großartig", "wunderbar", "perfekt", "begeistert", "vielen dank", "danke schön", "klasse",
            "echt super", "einfach super",
            "génial", "merci beaucoup", "parfait", "j'adore", "formidable", "magnifique", "c'est super",
            "me encanta", "increíble", "excelente", "perfecto", "muchas gracias", "maravilloso", "fantástico",
        ]),
    ]

    /// Words that negate the cue after them.
    static let negators: [String] = [
        "not", "no", "never", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "can't", "cannot",
        "couldn't", "won't", "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't", "ain't", "hardly", "barely",
        "nothing", "nor", "neither",
        "nicht", "kein", "keine", "keinen", "nie", "niemals",
        "pas", "jamais",
        "nunca", "ni", "tampoco",
    ]

    /// Words that may stand between a negator and its cue: "not *very* happy", "isn't *a* great experience".
    static let fillers: [String] = [
        "so", "very", "really", "too", "that", "all", "at", "exactly", "particularly", "entirely", "totally",
        "completely", "quite", "super", "overly", "remotely", "even", "ever", "much", "a", "an", "the", "be", "been",
        "being", "feel", "feeling", "feels", "look", "looks", "looking", "seem", "seems", "sound", "sounds", "it",
        "it's", "this", "is", "was", "such", "as", "i", "i'm", "am", "are", "were", "going", "to",
        "sehr", "wirklich", "ganz", "besonders", "echt", "mehr", "ist", "es", "das",
        "très", "vraiment", "si", "tellement", "trop", "du", "tout", "est", "c'est",
        "muy", "tan", "nada", "parece",
    ]

    /// Words that make a following `?` a sign of confusion.
    static let questionWords: [String] = [
        "how", "why", "where", "wie", "warum", "wieso", "weshalb", "wo", "pourquoi", "cómo", "dónde",
    ]

    /// All-capitals words that are names, not shouting.
    static let acronyms: [String] = [
        "html", "http", "https", "json", "yaml", "saml", "oauth", "smtp", "imap", "ascii", "uuid", "gdpr", "hipaa",
        "ipad", "macos", "faqs", "tldr", "imho", "lmao", "sepa", "iban", "visa", "amex", "xlsx", "docx", "jpeg",
        "heic", "webp", "sftp", "cname", "apis", "kpis", "slas", "saas", "paas", "csat", "gmbh", "corp", "ssid",
        "wifi", "mfa", "totp", "okta", "ldap", "rest", "soap", "cors", "nasa", "nato", "usps", "fedex", "ups",
    ]
}
