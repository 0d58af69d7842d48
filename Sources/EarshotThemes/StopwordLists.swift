/// Stopword lists for the languages Earshot stems: function words and common feedback filler, lowercased.
///
/// Customers often type without accents, so accented words also appear without them ("très"/"tres",
/// "für"/"fur"/"fuer"). The lists include one- and two-letter words, even though `Tokenizer` drops those
/// anyway, because they are what tells the languages apart in `LanguageGuesser`.
public enum StopwordLists {
    /// The stopwords for `language`.
    public static func words(for language: StemLanguage) -> Set<String> {
        switch language {
        case .english: english
        case .german: german
        case .french: french
        case .spanish: spanish
        case .italian: italian
        case .dutch: dutch
        case .portuguese: portuguese
        }
    }

    // The tokenizer's list leaves out short words because it never sees them; the guesser needs them.
    static let english: Set<String> = EnglishStopwords.words.union([
        "a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
        "of", "on", "or", "so", "to", "up", "us", "we", "hers", "herself", "himself", "themselves", "ourselves",
        "theirs", "whom", "whose", "nor", "onto", "upon", "against", "further", "isnt", "arent", "werent",
        "havent", "hasnt", "hadnt", "wouldnt", "couldnt", "shouldnt", "theyre", "weve", "youve", "theyve",
        "whats", "heres", "there's", "i've", "you're", "they're", "we're", "isn't", "doesn't", "didn't",
    ])

    static let german: Set<String> = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein",
        "keine", "keinen", "keinem", "keiner", "und", "oder", "aber", "doch", "sondern", "denn", "weil", "dass",
        "daß", "wenn", "als", "ob", "wie", "was", "wer", "wo", "wann", "warum", "wieso", "welche", "welcher",
        "welches", "ich", "du", "er", "sie", "es", "wir", "ihr", "mich", "mir", "dich", "dir", "ihn", "ihm",
        "ihnen", "uns", "euch", "mein", "meine", "meinen", "meinem", "meiner", "dein", "deine", "sein", "seine",
        "seinen", "unser", "unsere", "euer", "ihre", "ihren", "ihrem", "ist", "bin", "bist", "sind", "seid",
        "war", "waren", "wäre", "ware", "waere", "gewesen", "hat", "habe", "hast", "haben", "habt", "hatte",
        "hatten", "hätte", "haette", "wird", "werde", "werden", "wurde", "wurden", "würde",
        "wuerde", "worden", "kann", "kannst", "können", "konnen", "koennen", "konnte", "muss", "muß", "müssen",
        "mussen", "muessen", "soll", "sollte", "will", "wollte", "darf", "mag", "möchte", "mochte", "moechte",
        "nicht", "nichts", "nie", "noch", "schon", "auch", "nur", "sehr", "so", "ganz", "immer", "wieder",
        "mehr", "viel", "viele", "etwas", "alle", "alles", "jetzt", "hier", "da", "dort", "dann", "mal", "ja",
        "nein", "bitte", "danke", "leider", "einfach", "eigentlich", "gar", "zu", "zum", "zur", "in", "im",
        "ins", "an", "am", "ans", "auf", "aus", "bei", "beim", "mit", "nach", "seit", "von", "vom", "vor",
        "für", "fur", "fuer", "über", "uber", "ueber", "unter", "um", "durch", "gegen", "ohne", "bis", "zwischen",
        "während", "wahrend", "waehrend", "trotz", "wegen", "dies", "diese", "dieser", "dieses", "diesem",
        "diesen", "jede", "jeder", "jedes", "man", "sich", "selbst", "heute", "gestern", "seitdem", "bereits",
        "dabei", "damit", "dafür", "dafur", "dafuer", "darauf", "davon", "dazu", "deshalb", "trotzdem", "also",
        "sowie", "gibt", "geht", "ging", "gut", "hallo", "grüße", "gruße", "gruesse", "gruss", "gruß", "liebe",
    ]

    static let french: Set<String> = [
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "et", "ou", "où", "mais",
        "donc", "or", "ni", "car", "que", "qu", "qui", "quoi", "dont", "quand", "comme", "si", "je", "j", "tu",
        "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m", "te", "t", "se", "s", "lui", "leur",
        "leurs", "eux", "moi", "toi", "soi", "y", "en", "ce", "c", "ça", "ca", "cela", "ceci", "cet", "cette",
        "ces", "celui", "celle", "ceux", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre",
        "nos", "votre", "vos", "est", "suis", "es", "sommes", "êtes", "etes", "sont", "être", "etre", "été",
        "ete", "était", "etait", "étais", "etais", "ai", "as", "a", "à", "avons", "avez", "ont", "avoir", "avait",
        "avais", "eu", "fait", "faire", "fais", "peut", "peux", "pouvez", "pu", "doit", "dois", "faut", "va",
        "vais", "aller", "ne", "n", "pas", "plus", "jamais", "rien", "personne", "aucun", "aucune", "très",
        "tres", "trop", "peu", "beaucoup", "bien", "mal", "aussi", "encore", "déjà", "deja", "toujours", "tout",
        "tous", "toute", "toutes", "même", "meme", "autre", "autres", "alors", "puis", "ensuite", "après",
        "apres", "avant", "depuis", "pendant", "maintenant", "ici", "là", "voilà", "voila", "dans", "sur",
        "sous", "par", "pour", "avec", "sans", "chez", "vers", "entre", "contre", "selon", "parce", "pourquoi",
        "comment", "quel", "quelle", "quels", "quelles", "quelque", "quelques", "chaque", "oui", "non", "merci",
        "bonjour", "svp", "vraiment", "juste", "seulement", "hier", "aujourd", "hui", "aujourdhui", "lorsque",
        "puisque", "cependant", "pourtant", "ainsi", "moins",
    ]

    static let spanish: Set<String> = [
        "el", "él", "la", "los", "las", "lo", "un", "una", "unos", "unas", "de", "del", "al", "a", "y", "e",
        "o", "u", "pero", "sino", "que", "qué", "quien", "quién", "quienes", "cual", "cuál", "cuando", "cuándo",
        "como", "cómo", "donde", "dónde", "porque", "por", "para", "con", "sin", "en", "entre", "sobre", "hasta",
        "desde", "hacia", "contra", "durante", "según", "segun", "yo", "tú", "tu", "usted", "ustedes", "ella",
        "ellos", "ellas", "nosotros", "nosotras", "vosotros", "me", "te", "se", "nos", "os", "le", "les", "mi",
        "mis", "tus", "su", "sus", "nuestro", "nuestra", "nuestros", "este", "esta", "estos", "estas", "ese",
        "esa", "esos", "esas", "esto", "eso", "aquel", "es", "soy", "eres", "somos", "son", "era", "eran", "fue",
        "fueron", "ser", "sido", "está", "estoy", "están", "estan", "estaba", "estar", "estado", "he",
        "ha", "has", "han", "hemos", "había", "habia", "hay", "haber", "hace", "hacer", "hizo", "puede",
        "puedo", "pueden", "poder", "tengo", "tiene", "tienen", "tener", "no", "sí", "si", "ni", "ya", "muy",
        "más", "mas", "menos", "mucho", "mucha", "muchos", "muchas", "poco", "todo", "toda", "todos", "todas",
        "nada", "nadie", "algo", "alguien", "nunca", "siempre", "también", "tambien", "tampoco", "aún", "aun",
        "todavía", "todavia", "solo", "sólo", "ahora", "luego", "después", "despues", "antes", "aquí", "aqui",
        "allí", "alli", "así", "asi", "bien", "mal", "otro", "otra", "otros", "otras", "mismo", "misma", "cada",
        "hola", "gracias", "favor", "saludos", "hoy", "ayer", "vez", "veces", "pues", "entonces",
        "aunque", "mientras", "cuanto", "cuánto", "porqué", "sé", "dé", "mí",
    ]

    static let italian: Set<String> = [
        "il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una", "di", "del", "dello", "della", "dei",
        "degli", "delle", "dell", "a", "al", "allo", "alla", "ai", "agli", "alle", "da", "dal", "dallo",
        "dalla", "dai", "dagli", "dalle", "dall", "in", "nel", "nello", "nella", "nei", "negli", "nelle", "nell",
        "su", "sul", "sullo", "sulla", "sui", "sugli", "sulle", "sull", "con", "per", "tra", "fra", "e", "ed",
        "o", "ma", "però", "pero", "che", "chi", "cui", "non", "come", "quando", "dove", "perché", "perche",
        "se", "anche", "ancora", "già", "gia", "più", "piu", "meno", "molto", "molti", "molta", "molte", "poco",
        "tanto", "troppo", "tutto", "tutti", "tutta", "tutte", "niente", "nulla", "sempre", "mai", "solo",
        "soltanto", "così", "cosi", "poi", "ora", "adesso", "qui", "qua", "lì", "li", "là", "io", "tu", "lui",
        "lei", "noi", "voi", "loro", "mi", "ti", "ci", "vi", "si", "ne", "mio", "mia", "miei", "mie", "tuo",
        "tua", "suo", "sua", "suoi", "sue", "nostro", "nostra", "vostro", "questo", "questa", "questi",
        "queste", "quello", "quella", "quelli", "quelle", "è", "sono", "sei", "siamo", "siete", "era", "erano",
        "stato", "stata", "essere", "ho", "hai", "ha", "abbiamo", "avete", "hanno", "avevo", "aveva", "avere",
        "fa", "fare", "fatto", "può", "puo", "posso", "possono", "devo", "deve", "bisogna", "sta", "sto",
        "stanno", "va", "vado", "cioè", "cioe", "quindi", "oppure", "invece", "dopo", "prima", "senza",
        "sopra", "sotto", "grazie", "ciao", "buongiorno", "salve", "oggi", "ieri", "ogni", "altro", "altra",
        "altri", "qualcosa", "qualche", "nessuno", "sì", "proprio", "davvero", "comunque", "mentre", "quale",
        "quali", "quanto", "perchè",
    ]

    static let dutch: Set<String> = [
        "de", "het", "een", "en", "of", "maar", "want", "dus", "omdat", "als", "dat", "die", "dit", "deze",
        "wat", "wie", "welk", "welke", "waar", "wanneer", "waarom", "hoe", "ik", "je", "jij", "u", "hij", "zij",
        "ze", "wij", "we", "jullie", "mij", "me", "jou", "hem", "haar", "ons", "hun", "hen", "mijn", "jouw",
        "uw", "zijn", "onze", "is", "ben", "bent", "was", "waren", "geweest", "wezen", "heb", "hebt", "heeft",
        "hebben", "had", "hadden", "gehad", "word", "wordt", "worden", "werd", "werden", "zal", "zullen", "zou",
        "zouden", "kan", "kun", "kunt", "kunnen", "kon", "konden", "moet", "moeten", "moest", "wil", "wilt",
        "willen", "mag", "mogen", "doe", "doet", "doen", "deed", "gedaan", "ga", "gaat", "gaan", "ging", "niet",
        "geen", "niets", "nooit", "niemand", "iets", "iemand", "alles", "al", "alle", "ook", "nog", "wel",
        "toch", "erg", "heel", "zeer", "veel", "meer", "minder", "weinig", "zo", "zoals", "dan", "nu",
        "toen", "daar", "hier", "er", "eens", "weer", "altijd", "steeds", "alleen", "echt", "gewoon", "even",
        "van", "in", "op", "te", "met", "voor", "aan", "bij", "naar", "om", "uit", "over", "door", "tot",
        "tegen", "onder", "tussen", "zonder", "na", "sinds", "tijdens", "vanaf", "binnen", "buiten", "elke",
        "ieder", "elk", "ander", "andere", "zelf", "echter", "daarom", "daarna", "eerst", "graag", "bedankt",
        "dank", "dankjewel", "hallo", "hoi", "groeten", "vandaag", "gisteren", "ja", "nee", "sorry",
        "waarbij", "waardoor", "terwijl", "hoewel",
    ]

    static let portuguese: Set<String> = [
        "o", "a", "os", "as", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das", "em", "no", "na",
        "nos", "nas", "num", "numa", "ao", "aos", "à", "às", "pelo", "pela", "pelos", "pelas", "por", "para",
        "pra", "com", "sem", "sobre", "entre", "até", "ate", "desde", "contra", "e", "ou", "mas", "porém",
        "porem", "que", "quê", "quem", "qual", "quais", "quando", "como", "onde", "porque", "porquê", "se",
        "eu", "tu", "você", "voce", "vocês", "voces", "ele", "ela", "nós", "eles", "elas", "me", "te", "lhe",
        "lhes", "meu", "minha", "meus", "minhas", "seu", "sua", "seus", "suas", "nosso", "nossa", "este",
        "esta", "estes", "estas", "esse", "essa", "esses", "essas", "isto", "isso", "aquele", "aquela",
        "aquilo", "é", "sou", "são", "sao", "era", "eram", "foi", "foram", "ser", "sido", "está", "estou",
        "estão", "estao", "estava", "estar", "tenho", "tem", "têm", "tinha", "ter", "tive", "teve", "há", "ha",
        "havia", "fez", "faz", "fazer", "pode", "posso", "podem", "poder", "vai", "vou", "vão", "vao", "não",
        "nao", "sim", "já", "ja", "muito", "muita", "muitos", "muitas", "mais", "menos", "pouco", "tudo",
        "todo", "toda", "todos", "todas", "nada", "ninguém", "ninguem", "algo", "alguém", "alguem", "nunca",
        "sempre", "também", "tambem", "ainda", "só", "so", "apenas", "agora", "depois", "antes", "aqui", "ali",
        "lá", "la", "assim", "bem", "mal", "outro", "outra", "outros", "mesmo", "mesma", "cada", "olá", "ola",
        "obrigado", "obrigada", "oi", "hoje", "ontem", "vez", "vezes", "então", "entao", "embora", "enquanto",
        "pois", "né", "ne", "tá", "ta",
    ]
}
