extension EmotionLexicon {
    func scan<Sink: CueSink>(_ text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { bytes in scan(bytes: bytes, into: &sink) }
    }

    func scan<Sink: CueSink>(bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        let tables = tables
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
                    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                        scanner.startWord(at: index)
                        index = scanner.appendASCIIRun(text, from: index)
                        continue
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

        /// Appends the run of ASCII letters and digits that starts at `start`, lowercased, and returns where it
        /// ends. Most bytes of feedback are in such runs: one tight loop over local copies of the word's state costs
        /// a fraction of a pass of the general loop per byte.
        @inline(__always) mutating func appendASCIIRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var index = start
            var hash = self.hash, length = wordLength, lower = self.lower, upper = self.upper, uncased = self.uncased
            while index < text.count {
                var byte = text[index]
                if byte &- 0x61 < 26 {
                    lower &+= 1
                } else if byte &- 0x41 < 26 {
                    upper &+= 1
                    byte |= 0x20
                } else if byte &- 0x30 < 10 {
                    uncased &+= 1
                } else {
                    break
                }
                if length < Self.maximumWordLength { scratch[length] = byte }
                length &+= 1
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                index &+= 1
            }
            self.hash = hash
            wordLength = length
            self.lower = lower
            self.upper = upper
            self.uncased = uncased
            return index
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
