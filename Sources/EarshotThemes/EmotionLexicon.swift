/// An emotion that a customer's wording shows.
public enum Emotion: String, Sendable, Codable, CaseIterable {
    /// Annoyance, anger, disappointment, being let down again.
    case frustration
    /// Not understanding how something works, or where it is.
    case confusion
    /// Time pressure: a deadline, money being lost, work that is blocked.
    case urgency
    /// Praise, thanks, enthusiasm.
    case delight
}

/// Finds the words and phrases that show frustration, confusion, urgency or delight in a piece of feedback.
///
/// How a text is read:
/// - It is split once into word tokens (case-folded, accents folded for Latin-1 and Latin Extended-A, apostrophes
///   dropped so "don't" and "dont" are the same word), emoji, `!`/`?` runs and clause breaks (`.` `,` `;` `:`
///   brackets, newlines, dashes, ellipses). Cues are token sequences, so matching is on word boundaries:
///   "great" never matches inside "greatly" and "love" never inside "glove".
/// - At each token the longest cue starting there wins ("thank you so much" over "thank"), and its tokens are consumed.
/// - A cue preceded by a negator ("not", "never", "don't", "nicht", "pas", "no"…) with at most three filler words
///   between ("not *very* happy", "isn't *a* great experience"), inside the same clause, is negated. A negated
///   delight cue counts as frustration and is reported with its negator ("not great", "don't love"); other negated
///   cues are dropped ("not urgent", "never disappointed"). Cues that contain a negator themselves ("doesn't work",
///   "couldn't be happier", "no rush") already say what they mean and are never negated again.
/// - Some phrases only suppress: "would love", "would be great", "best regards", "thanks again", "no rush"… consume
///   their words so that a feature request or a signature does not read as delight or frustration.
/// - Patterns: a run of two or more `!` is frustration, unless its clause already showed delight ("Love it!!");
///   a `?` in a clause that has "how"/"why"/"where" (or "wie", "warum", "pourquoi", "cómo"…) and no other confusion
///   cue is confusion, reported as "how …?"; two or more `?` are confusion; an all-capitals word of four or more
///   letters that is no cue and no common acronym (HTML, JSON, GDPR…) is frustration, reported as written.
///
/// Limits, by design of a small lexicon:
/// - English first, with a few German, French and Spanish cues; other languages and non-Latin scripts find only
///   emoji and punctuation cues. There is no stemming: inflections are listed where they matter.
/// - Sarcasm ("great, another crash") reads as delight, and hypotheticals other than the suppressed ones
///   ("happy if you fixed it") read literally.
/// - Negation looks backwards only, so a negator after the word ("ich liebe es nicht", "j'aime pas") is missed,
///   and double negation ("not only great") is read as a plain negation.
/// - Text the customer quotes (an error message, a previous reply) counts as theirs.
/// - ASCII emoticons such as ":(" are not recognised; a text written entirely in capitals reports each long word.
/// - Cues are evidence, not a verdict: one "again" is weak; many cues across many records are the signal.
///
/// Speed: one pass over the UTF-8 bytes, one hash lookup per word, no regular expressions and no allocation for a
/// text without cues beyond the stack scratch; the tables are built once per process and shared by every lexicon.
public struct EmotionLexicon: Sendable {
    private let tables: Tables

    /// Creates a lexicon with the built-in cues; cheap, since the tables are built once and shared.
    public init() {
        tables = Tables.standard
    }

    /// The cues found in `text`, per emotion, in order of appearance; emotions without cues are omitted.
    ///
    /// A cue is reported as the lexicon spells it ("don't understand", "❤️"), a negated delight cue with its negator
    /// ("not great"), an all-capitals word as written ("BROKEN"), and punctuation patterns as "!!", "??" or "how …?".
    /// A cue that appears twice is reported twice.
    public func cues(in text: String) -> [Emotion: [String]] {
        var collector = CueCollector()
        scan(text, into: &collector)
        return collector.result
    }

    /// The emotions `text` shows: the keys of ``cues(in:)``, without building the cue strings.
    public func emotions(in text: String) -> Set<Emotion> {
        var collector = EmotionCollector()
        scan(text, into: &collector)
        var result = Set<Emotion>()
        for emotion in Emotion.allCases where collector.mask & Self.bit(emotion) != 0 { result.insert(emotion) }
        return result
    }

    @inline(__always) static func bit(_ emotion: Emotion) -> UInt8 {
        switch emotion {
        case .frustration: 1
        case .confusion: 2
        case .urgency: 4
        case .delight: 8
        }
    }
}

// MARK: - Scanning

extension EmotionLexicon {
    private func scan<Sink: CueSink>(_ text: String, into sink: inout Sink) {
        var text = text
        let tables = tables
        text.withUTF8 { bytes in
            guard !bytes.isEmpty else { return }
            // Every token consumes at least one byte, so the byte count bounds the token count.
            withUnsafeTemporaryAllocation(of: Token.self, capacity: bytes.count) { tokens in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Scanner.maximumWordLength) { scratch in
                    var lookup = Lookup(tables: tables)
                    let count = Scanner.tokenize(
                        bytes, into: tokens.baseAddress!, scratch: scratch.baseAddress!, resolver: &lookup)
                    let matcher = Matcher(tables: tables, tokens: UnsafeBufferPointer(start: tokens.baseAddress, count: count),
                                          bytes: bytes)
                    matcher.run(into: &sink)
                }
            }
        }
    }

    /// One token of a text: a word, an emoji, a run of `!`/`?`, or a clause break.
    struct Token {
        enum Kind: UInt8 { case word, emoji, marks, pause }
        /// The vocabulary id of a word or emoji, or -1 when the lexicon does not know it.
        var id: Int32
        /// The token's bytes in the text.
        var start: Int32
        var end: Int32
        var kind: Kind
        /// All capitals, four or more letters, no digits.
        var isShouted: Bool
        var bangs: UInt8
        var questions: UInt8
    }

    /// Resolves a case- and accent-folded word to a vocabulary id.
    protocol WordResolver {
        mutating func resolve(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32
    }

    struct Lookup: WordResolver {
        let tables: Tables
        @inline(__always) mutating func resolve(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
            tables.vocabulary.find(word, hash: hash)
        }
    }

    /// Splits UTF-8 text into tokens in one pass; used both for feedback and for the lexicon's own phrases, so the two
    /// are always folded the same way.
    struct Scanner {
        /// Longer words (URLs, hashes) cannot be cues, so they are not folded beyond this.
        static let maximumWordLength = 48
        static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

        let tokens: UnsafeMutablePointer<Token>
        let scratch: UnsafeMutablePointer<UInt8>
        var count = 0
        var wordStart = -1
        var wordLength = 0
        var hash = Scanner.hashSeed
        var upper = 0
        var lower = 0
        var uncased = 0
        var marksStart = -1
        var bangs = 0
        var questions = 0

        static func tokenize<R: WordResolver>(
            _ text: UnsafeBufferPointer<UInt8>, into tokens: UnsafeMutablePointer<Token>,
            scratch: UnsafeMutablePointer<UInt8>, resolver: inout R
        ) -> Int {
            var scanner = Scanner(tokens: tokens, scratch: scratch)
            let n = text.count
            var index = 0
            while index < n {
                let byte = text[index]
                if byte < 0x80 {
                    switch byte {
                    case 0x61...0x7A:
                        scanner.startWord(at: index)
                        scanner.lower += 1
                        scanner.append(byte)
                    case 0x41...0x5A:
                        scanner.startWord(at: index)
                        scanner.upper += 1
                        scanner.append(byte | 0x20)
                    case 0x30...0x39:
                        scanner.startWord(at: index)
                        scanner.uncased += 1
                        scanner.append(byte)
                    case 0x27:
                        // Inside a word the apostrophe vanishes ("don't" = "dont"); elsewhere it is a quote.
                        if scanner.wordStart < 0 { scanner.separate(at: index, &resolver) }
                    case 0x21: scanner.mark(bangs: 1, questions: 0, at: index, &resolver)
                    case 0x3F: scanner.mark(bangs: 0, questions: 1, at: index, &resolver)
                    case 0x2E, 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x0A, 0x0D:
                        scanner.pause(at: index, end: index + 1, &resolver)
                    default:
                        scanner.separate(at: index, &resolver)
                    }
                    index += 1
                    continue
                }
                let length: Int
                var value: UInt32
                if byte < 0xC0 {
                    // A stray continuation byte cannot occur in a Swift string; step over it defensively.
                    scanner.separate(at: index, &resolver)
                    index += 1
                    continue
                } else if byte < 0xE0 {
                    length = 2
                    value = UInt32(byte & 0x1F)
                } else if byte < 0xF0 {
                    length = 3
                    value = UInt32(byte & 0x0F)
                } else {
                    length = 4
                    value = UInt32(byte & 0x07)
                }
                guard index + length <= n else { break }
                for offset in 1..<length { value = value << 6 | UInt32(text[index + offset] & 0x3F) }
                scanner.scalar(value, start: index, end: index + length, text: text, &resolver)
                index += length
            }
            scanner.separate(at: n, &resolver)
            return scanner.count
        }

        @inline(__always) mutating func append(_ byte: UInt8) {
            if wordLength < Self.maximumWordLength { scratch[wordLength] = byte }
            wordLength += 1
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }

        @inline(__always) mutating func startWord(at index: Int) {
            guard wordStart < 0 else { return }
            endMarks(at: index)
            wordStart = index
        }

        mutating func endWord<R: WordResolver>(at end: Int, _ resolver: inout R) {
            guard wordStart >= 0 else { return }
            let id: Int32 = wordLength <= Self.maximumWordLength
                ? resolver.resolve(UnsafeBufferPointer(start: scratch, count: wordLength), hash: hash) : -1
            tokens[count] = Token(
                id: id, start: Int32(truncatingIfNeeded: wordStart), end: Int32(truncatingIfNeeded: end), kind: .word,
                isShouted: lower == 0 && uncased == 0 && upper >= 4, bangs: 0, questions: 0)
            count += 1
            wordStart = -1
            wordLength = 0
            hash = Self.hashSeed
            upper = 0
            lower = 0
            uncased = 0
        }

        @inline(__always) mutating func endMarks(at end: Int) {
            guard marksStart >= 0 else { return }
            tokens[count] = Token(
                id: -1, start: Int32(truncatingIfNeeded: marksStart), end: Int32(truncatingIfNeeded: end), kind: .marks,
                isShouted: false, bangs: UInt8(min(bangs, 255)), questions: UInt8(min(questions, 255)))
            count += 1
            marksStart = -1
            bangs = 0
            questions = 0
        }

        mutating func mark<R: WordResolver>(bangs: Int, questions: Int, at index: Int, _ resolver: inout R) {
            endWord(at: index, &resolver)
            if marksStart < 0 { marksStart = index }
            self.bangs += bangs
            self.questions += questions
        }

        @inline(__always) mutating func separate<R: WordResolver>(at index: Int, _ resolver: inout R) {
            endWord(at: index, &resolver)
            endMarks(at: index)
        }

        mutating func pause<R: WordResolver>(at index: Int, end: Int, _ resolver: inout R) {
            separate(at: index, &resolver)
            if count > 0 && tokens[count - 1].kind == .pause {
                tokens[count - 1].end = Int32(truncatingIfNeeded: end)
            } else {
                tokens[count] = Token(
                    id: -1, start: Int32(truncatingIfNeeded: index), end: Int32(truncatingIfNeeded: end), kind: .pause,
                    isShouted: false, bangs: 0, questions: 0)
                count += 1
            }
        }

        mutating func scalar<R: WordResolver>(
            _ value: UInt32, start: Int, end: Int, text: UnsafeBufferPointer<UInt8>, _ resolver: inout R
        ) {
            switch value {
            case 0xC0...0x17F where value != 0xD7 && value != 0xF7:
                startWord(at: start)
                let folded = Self.foldLatin(value)
                if folded.isUpper { upper += 1 } else { lower += 1 }
                append(folded.first)
                if folded.second != 0 { append(folded.second) }
            case 0x300...0x36F:
                break  // combining accents of decomposed text fold away, like precomposed ones
            case 0x200D, 0xFE0E, 0xFE0F, 0x20E3, 0x1F3FB...0x1F3FF:
                break  // joiners, presentation selectors and skin tones belong to the emoji before them
            case 0x2019, 0x02BC:
                if wordStart < 0 { separate(at: start, &resolver) }
            case 0xFF01: mark(bangs: 1, questions: 0, at: start, &resolver)
            case 0xFF1F: mark(bangs: 0, questions: 1, at: start, &resolver)
            case 0x203C: mark(bangs: 2, questions: 0, at: start, &resolver)
            case 0x2047: mark(bangs: 0, questions: 2, at: start, &resolver)
            case 0x2048, 0x2049: mark(bangs: 1, questions: 1, at: start, &resolver)
            case 0x2013, 0x2014, 0x2026, 0x2028, 0x2029, 0x3001, 0x3002, 0xFF0C, 0xFF0E:
                pause(at: start, end: end, &resolver)
            default:
                guard let scalar = Unicode.Scalar(value) else {
                    separate(at: start, &resolver)
                    return
                }
                let properties = scalar.properties
                if value >= 0x2000 && properties.isEmoji {
                    separate(at: start, &resolver)
                    var emojiHash = Self.hashSeed
                    for offset in start..<end { emojiHash = (emojiHash ^ UInt64(text[offset])) &* 0x100_0000_01b3 }
                    let id = resolver.resolve(UnsafeBufferPointer(rebasing: text[start..<end]), hash: emojiHash)
                    tokens[count] = Token(
                        id: id, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
                        kind: .emoji, isShouted: false, bangs: 0, questions: 0)
                    count += 1
                } else if properties.isAlphabetic {
                    // Other scripts: kept as written; no cue uses them, and they never count as shouting.
                    startWord(at: start)
                    uncased += 1
                    for offset in start..<end { append(text[offset]) }
                } else {
                    separate(at: start, &resolver)
                }
            }
        }

        /// Folds a Latin-1 or Latin Extended-A letter to lowercase ASCII ("É" → "e", "ß" → "ss", "Œ" → "oe").
        static func foldLatin(_ value: UInt32) -> (first: UInt8, second: UInt8, isUpper: Bool) {
            func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }
            if value < 0x100 {
                switch value {
                case 0xDF: return (ascii("s"), ascii("s"), false)
                case 0xFF: return (ascii("y"), 0, false)
                default: break
                }
                let isUpper = value < 0xDF
                switch isUpper ? value : value - 0x20 {
                case 0xC0...0xC5: return (ascii("a"), 0, isUpper)
                case 0xC6: return (ascii("a"), ascii("e"), isUpper)
                case 0xC7: return (ascii("c"), 0, isUpper)
                case 0xC8...0xCB: return (ascii("e"), 0, isUpper)
                case 0xCC...0xCF: return (ascii("i"), 0, isUpper)
                case 0xD0: return (ascii("d"), 0, isUpper)
                case 0xD1: return (ascii("n"), 0, isUpper)
                case 0xD2...0xD6, 0xD8: return (ascii("o"), 0, isUpper)
                case 0xD9...0xDC: return (ascii("u"), 0, isUpper)
                case 0xDD: return (ascii("y"), 0, isUpper)
                default: return (ascii("t"), ascii("h"), isUpper)  // Þ þ
                }
            }
            // Latin Extended-A pairs upper and lower case; which of the pair is upper flips at 0x139 and 0x14A.
            let isUpper: Bool
            switch value {
            case 0x100...0x137, 0x14A...0x177: isUpper = value % 2 == 0
            case 0x139...0x148, 0x179...0x17E: isUpper = value % 2 == 1
            case 0x178: isUpper = true
            default: isUpper = false
            }
            switch value {
            case 0x100...0x105: return (ascii("a"), 0, isUpper)
            case 0x106...0x10D: return (ascii("c"), 0, isUpper)
            case 0x10E...0x111: return (ascii("d"), 0, isUpper)
            case 0x112...0x11B: return (ascii("e"), 0, isUpper)
            case 0x11C...0x123: return (ascii("g"), 0, isUpper)
            case 0x124...0x127: return (ascii("h"), 0, isUpper)
            case 0x128...0x131: return (ascii("i"), 0, isUpper)
            case 0x132...0x133: return (ascii("i"), ascii("j"), isUpper)
            case 0x134...0x135: return (ascii("j"), 0, isUpper)
            case 0x136...0x138: return (ascii("k"), 0, isUpper)
            case 0x139...0x142: return (ascii("l"), 0, isUpper)
            case 0x143...0x14B: return (ascii("n"), 0, isUpper)
            case 0x14C...0x151: return (ascii("o"), 0, isUpper)
            case 0x152...0x153: return (ascii("o"), ascii("e"), isUpper)
            case 0x154...0x159: return (ascii("r"), 0, isUpper)
            case 0x15A...0x161, 0x17F: return (ascii("s"), 0, isUpper)
            case 0x162...0x167: return (ascii("t"), 0, isUpper)
            case 0x168...0x173: return (ascii("u"), 0, isUpper)
            case 0x174...0x175: return (ascii("w"), 0, isUpper)
            case 0x176...0x178: return (ascii("y"), 0, isUpper)
            default: return (ascii("z"), 0, isUpper)
            }
        }
    }
}

// MARK: - Matching

extension EmotionLexicon {
    /// How a found cue is spelled in the result; built only when the caller wants strings.
    enum FoundCue {
        case entry(Int32)
        case negated(negator: Int32, entry: Int32)
        case shouted(start: Int32, end: Int32)
        case marks(String)
        case question(word: Int32)
    }

    protocol CueSink {
        mutating func found(_ emotion: Emotion, _ cue: FoundCue, tables: Tables, bytes: UnsafeBufferPointer<UInt8>)
    }

    struct CueCollector: CueSink {
        var frustration: [String] = []
        var confusion: [String] = []
        var urgency: [String] = []
        var delight: [String] = []

        mutating func found(_ emotion: Emotion, _ cue: FoundCue, tables: Tables, bytes: UnsafeBufferPointer<UInt8>) {
            let text: String
            switch cue {
            case .entry(let entry): text = tables.cues[Int(entry)].text
            case .negated(let negator, let entry): text = tables.displays[Int(negator)] + " " + tables.cues[Int(entry)].text
            case .shouted(let start, let end):
                text = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)]), as: UTF8.self)
            case .marks(let marks): text = marks
            case .question(let word): text = tables.displays[Int(word)] + " …?"
            }
            switch emotion {
            case .frustration: frustration.append(text)
            case .confusion: confusion.append(text)
            case .urgency: urgency.append(text)
            case .delight: delight.append(text)
            }
        }

        var result: [Emotion: [String]] {
            var result: [Emotion: [String]] = [:]
            if !frustration.isEmpty { result[.frustration] = frustration }
            if !confusion.isEmpty { result[.confusion] = confusion }
            if !urgency.isEmpty { result[.urgency] = urgency }
            if !delight.isEmpty { result[.delight] = delight }
            return result
        }
    }

    struct EmotionCollector: CueSink {
        var mask: UInt8 = 0
        @inline(__always) mutating func found(
            _ emotion: Emotion, _ cue: FoundCue, tables: Tables, bytes: UnsafeBufferPointer<UInt8>
        ) {
            mask |= EmotionLexicon.bit(emotion)
        }
    }

    struct Matcher {
        let tables: Tables
        let tokens: UnsafeBufferPointer<Token>
        let bytes: UnsafeBufferPointer<UInt8>

        func run<Sink: CueSink>(into sink: inout Sink) {
            // Clause state: the `!!` and `?` patterns read the clause they close.
            var clauseHasDelight = false
            var clauseHasConfusion = false
            var clauseQuestionWord: Int32 = -1
            var index = 0
            while index < tokens.count {
                let token = tokens[index]
                switch token.kind {
                case .pause:
                    clauseHasDelight = false
                    clauseHasConfusion = false
                    clauseQuestionWord = -1
                    index += 1
                case .marks:
                    if token.questions >= 2 && !clauseHasConfusion {
                        sink.found(.confusion, .marks("??"), tables: tables, bytes: bytes)
                    } else if token.questions > 0 && clauseQuestionWord >= 0 && !clauseHasConfusion {
                        sink.found(.confusion, .question(word: clauseQuestionWord), tables: tables, bytes: bytes)
                    }
                    if token.bangs >= 2 && !clauseHasDelight {
                        sink.found(.frustration, .marks("!!"), tables: tables, bytes: bytes)
                    }
                    clauseHasDelight = false
                    clauseHasConfusion = false
                    clauseQuestionWord = -1
                    index += 1
                case .word, .emoji:
                    guard let match = longestCue(at: index) else {
                        if token.id >= 0 && tables.flags[Int(token.id)] & Tables.questionFlag != 0 && clauseQuestionWord < 0 {
                            clauseQuestionWord = token.id
                        }
                        if token.isShouted && (token.id < 0 || tables.flags[Int(token.id)] & Tables.acronymFlag == 0) {
                            sink.found(.frustration, .shouted(start: token.start, end: token.end), tables: tables, bytes: bytes)
                        }
                        index += 1
                        continue
                    }
                    let cue = tables.cues[Int(match.cue)]
                    if let emotion = cue.emotion {
                        if !cue.hasNegator, let negator = negator(before: index) {
                            if emotion == .delight {
                                sink.found(.frustration, .negated(negator: negator, entry: match.cue), tables: tables,
                                           bytes: bytes)
                            }
                        } else {
                            sink.found(emotion, .entry(match.cue), tables: tables, bytes: bytes)
                            if emotion == .delight { clauseHasDelight = true }
                            if emotion == .confusion { clauseHasConfusion = true }
                        }
                    }
                    index += match.length
                }
            }
        }

        /// The longest cue starting at `index`.
        @inline(__always) func longestCue(at index: Int) -> (cue: Int32, length: Int)? {
            let first = tokens[index].id
            guard first >= 0 else { return nil }
            var node = tables.firstNode[Int(first)]
            guard node >= 0 else { return nil }
            var best: (cue: Int32, length: Int)? = tables.nodeCue[Int(node)] >= 0 ? (tables.nodeCue[Int(node)], 1) : nil
            var next = index + 1
            while tables.nodeHasChildren[Int(node)] && next < tokens.count {
                let id = tokens[next].id
                guard id >= 0, let child = tables.edges[Tables.edgeKey(node, id)] else { break }
                node = child
                next += 1
                if tables.nodeCue[Int(node)] >= 0 { best = (tables.nodeCue[Int(node)], next - index) }
            }
            return best
        }

        /// The negator just before `index`, skipping up to three filler words, within the clause.
        @inline(__always) func negator(before index: Int) -> Int32? {
            var position = index - 1
            var skipped = 0
            while position >= 0 {
                let token = tokens[position]
                guard token.kind == .word, token.id >= 0 else { return nil }
                let flags = tables.flags[Int(token.id)]
                if flags & Tables.negatorFlag != 0 { return token.id }
                guard flags & Tables.fillerFlag != 0, skipped < 3 else { return nil }
                skipped += 1
                position -= 1
            }
            return nil
        }
    }
}

// MARK: - Tables

extension EmotionLexicon {
    /// Folded words and emoji by hash, with open addressing: one probe for most words, which are not in the lexicon.
    struct Vocabulary: Sendable {
        private(set) var slots = [Int32](repeating: -1, count: 1024)
        private(set) var hashes: [UInt64] = []
        private(set) var offsets: [Int32] = []
        private(set) var lengths: [Int32] = []
        private(set) var pool: [UInt8] = []
        private var shift: UInt64 = 54  // 64 - log2(slots.count)

        var count: Int { hashes.count }

        @inline(__always) private func slot(_ hash: UInt64) -> Int {
            Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
            let mask = slots.count - 1
            var index = slot(hash)
            while true {
                let id = slots[index]
                if id < 0 { return -1 }
                if hashes[Int(id)] == hash && lengths[Int(id)] == word.count {
                    let offset = Int(offsets[Int(id)])
                    var equal = true
                    for position in 0..<word.count where pool[offset + position] != word[position] {
                        equal = false
                        break
                    }
                    if equal { return id }
                }
                index = (index + 1) & mask
            }
        }

        mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
            let existing = find(word, hash: hash)
            if existing >= 0 { return existing }
            if (count + 1) * 4 > slots.count { grow() }
            let id = Int32(count)
            hashes.append(hash)
            offsets.append(Int32(pool.count))
            lengths.append(Int32(word.count))
            pool.append(contentsOf: word)
            place(id)
            return id
        }

        private mutating func place(_ id: Int32) {
            let mask = slots.count - 1
            var index = slot(hashes[Int(id)])
            while slots[index] >= 0 { index = (index + 1) & mask }
            slots[index] = id
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            shift -= 1
            for id in 0..<Int32(count) { place(id) }
        }
    }

    struct Builder: WordResolver {
        var vocabulary = Vocabulary()
        mutating func resolve(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
            vocabulary.insert(word, hash: hash)
        }
    }

    struct Cue: Sendable {
        /// `nil` for a phrase that only suppresses.
        let emotion: Emotion?
        let text: String
        var hasNegator = false
    }

    /// The compiled lexicon: vocabulary, word flags and a trie of cue phrases over vocabulary ids.
    final class Tables: Sendable {
        static let negatorFlag: UInt8 = 1
        static let fillerFlag: UInt8 = 2
        static let questionFlag: UInt8 = 4
        static let acronymFlag: UInt8 = 8

        /// Built on first use, immutable afterwards, shared by every lexicon.
        static let standard = Tables(
            cues: EmotionLexicon.entries, negators: EmotionLexicon.negators, fillers: EmotionLexicon.fillers,
            questionWords: EmotionLexicon.questionWords, acronyms: EmotionLexicon.acronyms)

        let vocabulary: Vocabulary
        /// Per word id.
        let flags: [UInt8]
        let displays: [String]
        let firstNode: [Int32]
        /// Per trie node.
        let nodeCue: [Int32]
        let nodeHasChildren: [Bool]
        let edges: [Int: Int32]
        let cues: [Cue]

        @inline(__always) static func edgeKey(_ node: Int32, _ id: Int32) -> Int { Int(node) << 32 | Int(id) }

        init(cues entries: [(Emotion?, [String])], negators: [String], fillers: [String], questionWords: [String],
             acronyms: [String]) {
            var builder = Builder()
            func ids(_ phrase: String) -> [Int32] {
                var phrase = phrase
                return phrase.withUTF8 { bytes in
                    withUnsafeTemporaryAllocation(of: Token.self, capacity: max(bytes.count, 1)) { tokens in
                        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Scanner.maximumWordLength) { scratch in
                            let count = Scanner.tokenize(
                                bytes, into: tokens.baseAddress!, scratch: scratch.baseAddress!, resolver: &builder)
                            return (0..<count).compactMap { tokens[$0].id >= 0 ? tokens[$0].id : nil }
                        }
                    }
                }
            }
            var cues: [Cue] = []
            var cueIDs: [[Int32]] = []
            var nodeCue: [Int32] = [-1]
            var nodeHasChildren = [false]
            var edges: [Int: Int32] = [:]
            for (emotion, phrases) in entries {
                for phrase in phrases {
                    let path = ids(phrase)
                    guard !path.isEmpty else { continue }
                    var node: Int32 = 0
                    for id in path {
                        if let child = edges[Self.edgeKey(node, id)] {
                            node = child
                        } else {
                            let child = Int32(nodeCue.count)
                            nodeCue.append(-1)
                            nodeHasChildren.append(false)
                            nodeHasChildren[Int(node)] = true
                            edges[Self.edgeKey(node, id)] = child
                            node = child
                        }
                    }
                    // The first listing of a phrase wins, so a later duplicate cannot change its emotion.
                    guard nodeCue[Int(node)] < 0 else { continue }
                    nodeCue[Int(node)] = Int32(cues.count)
                    cues.append(Cue(emotion: emotion, text: phrase))
                    cueIDs.append(path)
                }
            }
            var flagged: [(Int32, UInt8, String)] = []
            for (words, flag) in [(negators, Self.negatorFlag), (fillers, Self.fillerFlag),
                                  (questionWords, Self.questionFlag), (acronyms, Self.acronymFlag)] {
                for word in words {
                    for id in ids(word) { flagged.append((id, flag, word)) }
                }
            }
            let vocabulary = builder.vocabulary
            var flags = [UInt8](repeating: 0, count: vocabulary.count)
            var displays = [String](repeating: "", count: vocabulary.count)
            for (id, flag, word) in flagged {
                flags[Int(id)] |= flag
                if displays[Int(id)].isEmpty { displays[Int(id)] = word }
            }
            for index in cues.indices {
                cues[index].hasNegator = cueIDs[index].contains { flags[Int($0)] & Self.negatorFlag != 0 }
            }
            var firstNode = [Int32](repeating: -1, count: vocabulary.count)
            for id in 0..<Int32(vocabulary.count) { firstNode[Int(id)] = edges[Self.edgeKey(0, id)] ?? -1 }
            self.vocabulary = vocabulary
            self.flags = flags
            self.displays = displays
            self.firstNode = firstNode
            self.nodeCue = nodeCue
            self.nodeHasChildren = nodeHasChildren
            self.edges = edges
            self.cues = cues
        }
    }
}

// MARK: - The lexicon

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
