/// Splits feedback text into lowercase words, in order, with a break wherever a phrase must not span: punctuation,
/// stopwords, numbers, words of fewer than three letters, URLs, @handles, #hashtags and personal-data placeholders.
///
/// The scan is over UTF-8 bytes: ASCII letters are lowercased in place, and only bytes of non-ASCII characters are
/// decoded, so the common case costs one pass and no allocation per word (Swift keeps strings of up to 15 bytes
/// inline). Apostrophes join (`can't` → `cant`), so contractions meet the stopword list in one piece.
public struct Tokenizer: Sendable {
    /// One token of a text.
    public enum Token: Sendable, Hashable {
        /// A content word, lowercased.
        case word(String)
        /// A place no phrase may span.
        case boundary
    }

    /// The words never used as terms.
    public var stopwords: Set<String>

    /// Creates a tokenizer with the stopwords of `languages` plus `extraStopwords`.
    public init(extraStopwords: [String] = [], languages: [StemLanguage] = [.english]) {
        var words = Set<String>()
        for language in languages { words.formUnion(StopwordLists.words(for: language)) }
        stopwords = words.union(extraStopwords.map { $0.lowercased() })
    }

    /// The content words of a text, in order; stopwords and other boundaries become `nil`.
    public func tokens(_ text: String) -> [String?] {
        var result: [String?] = []
        forEachToken(in: text) { token in
            switch token {
            case .word(let word): result.append(word)
            case .boundary: result.append(nil)
            }
        }
        return result
    }

    /// Calls `body` with every token of `text`, in order.
    public func forEachToken(in text: String, _ body: (Token) -> Void) {
        var text = text
        text.withUTF8 { forEachToken(inUTF8: $0, body) }
    }

    /// Calls `body` with every token of the UTF-8 text in `bytes`, in order: the themes stage reads texts straight
    /// from the store's buffers, with no `String` per record.
    public func forEachToken(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
        forEachWord(inUTF8: bytes) { word in
            if let word, isTerm(word) { body(.word(word)) } else { body(.boundary) }
        }
    }

    /// Whether a word, as ``forEachWord(in:_:)`` gives it, is a content word rather than a boundary: three
    /// characters or more, not a stopword, not a number.
    public func isTerm(_ word: String) -> Bool {
        (word.utf8.count >= 3 || Self.hasThreeCharacters(word)) && !stopwords.contains(word)
            && !word.utf8.allSatisfy({ $0 &- 0x30 < 10 })
    }

    /// Every lowercased word of `text`, and `nil` for each boundary that is not a word (punctuation, a URL, a
    /// handle, a placeholder; spaces, hyphens and slashes are not boundaries), before stopwords and short words are
    /// considered.
    public func forEachWord(in text: String, _ body: (String?) -> Void) {
        var text = text
        text.withUTF8 { forEachWord(inUTF8: $0, body) }
    }

    /// ``forEachWord(in:_:)`` over UTF-8 bytes.
    public func forEachWord(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (String?) -> Void) {
        forEachWordBytes(inUTF8: bytes) { word in body(word.map { String(decoding: $0, as: UTF8.self) }) }
    }

    /// ``forEachWord(in:_:)`` with each word as its lowercased UTF-8 bytes, valid only during the call: the themes
    /// stage looks words up by their bytes, and a `String` per word costs more than the lookup.
    func forEachWordBytes(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
        scanWords(inUTF8: bytes) { word, _ in body(word) }
    }

    /// ``forEachWordBytes(inUTF8:_:)`` with where each word stands in `bytes`, from its first byte to its last: the
    /// label of a theme is spelled as customers wrote it, which the lowercased word no longer shows. A boundary's
    /// range is empty.
    func forEachWordSpan(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>?, Range<Int>) -> Void) {
        scanWords(inUTF8: bytes, body)
    }

    @inline(__always)
    private func scanWords(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>?, Range<Int>) -> Void) {
        // The word being read, in a buffer of its own rather than an array: an array checks that its storage is
        // unshared on every append, and that check was a tenth of tokenizing.
        var word = WordBuffer()
        defer { word.deallocate() }
        var index = 0
        var wordStart = 0
        var wordEnd = 0
        let count = bytes.count
        func flush() {
            guard !word.isEmpty else { return }
            body(word.bytes, wordStart..<wordEnd)
            word.removeAll()
        }
        func boundary() { body(nil, index..<index) }
        while index < count {
            let byte = bytes[index]
            if byte &- 0x61 < 26 || byte &- 0x30 < 10 || byte &- 0x41 < 26 {
                // Lowercase letters and digits already have the 0x20 bit: only capitals change.
                let lowered = byte | 0x20
                if word.isEmpty {
                    if lowered == UInt8(ascii: "h") || lowered == UInt8(ascii: "w"), let end = Self.urlEnd(bytes, index) {
                        boundary()
                        index = end
                        continue
                    }
                    wordStart = index
                }
                word.append(lowered)
                index += 1
                wordEnd = index
            } else if byte == UInt8(ascii: "'") {
                index += 1  // "can't" → "cant"
            } else if byte < 0x80 {
                flush()
                if byte == UInt8(ascii: "@") || byte == UInt8(ascii: "#") {
                    // @handles and #hashtags name accounts and campaigns, not what the customer is talking about.
                    index += 1
                    while index < count, Self.isHandleByte(bytes[index]) { index += 1 }
                    boundary()
                } else if byte == UInt8(ascii: "["), let end = Self.placeholderEnd(bytes, index) {
                    index = end  // [email], [phone]…: personal data was here; the placeholder is not a topic
                    boundary()
                } else if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") {
                    index += 1  // between words of one phrase: "customer service", "check-in", "iOS/Android"
                } else {
                    boundary()
                    index += 1
                }
            } else {
                let (scalar, width) = Self.decodeScalar(bytes, index)
                if scalar == "\u{2019}" {
                    index += width  // the typographic apostrophe joins like the ASCII one
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || scalar.properties.generalCategory == .nonspacingMark
                {
                    if word.isEmpty { wordStart = index }
                    if scalar.properties.changesWhenLowercased {
                        for byte in String(scalar).lowercased().utf8 { word.append(byte) }
                    } else {
                        for offset in index..<(index + width) { word.append(bytes[offset]) }
                    }
                    index += width
                    wordEnd = index
                } else {
                    flush()
                    boundary()
                    index += width
                }
            }
        }
        flush()
    }

    private static func hasThreeCharacters(_ word: String) -> Bool {
        word.unicodeScalars.count >= 3
    }

    private static func isHandleByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == UInt8(ascii: "_")
    }

    /// `http://…`, `https://…` or `www.…` up to the next space.
    private static func urlEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        func matches(_ prefix: StaticString) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard start + length <= bytes.count else { return false }
            return prefix.withUTF8Buffer { expected in
                (0..<length).allSatisfy { bytes[start + $0] | 0x20 == expected[$0] }
            }
        }
        guard matches("http://") || matches("https://") || matches("www.") else { return nil }
        var index = start
        while index < bytes.count, bytes[index] > 0x20 { index += 1 }
        return index
    }

    /// The index after `[email]`, `[phone]`, `[card]`, `[iban]` or `[user]`.
    private static func placeholderEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count, index - start <= 6, bytes[index] &- 0x61 < 26 { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "]") else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index]), as: UTF8.self)
        return placeholders.contains(name) ? index + 1 : nil
    }

    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Unicode.Scalar, Int) {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return (scalar, UTF8.width(scalar))
        }
        return ("\u{FFFD}", 1)
    }

    /// The placeholders normalization puts where personal data was.
    static let placeholders: Set<String> = ["email", "phone", "card", "iban", "user"]
}

/// The bytes of the word a tokenizer is reading, growing as needed.
private struct WordBuffer {
    private var start = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    private var capacity = 64
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    @inline(__always) mutating func append(_ byte: UInt8) {
        if count == capacity { grow() }
        start[count] = byte
        count += 1
    }

    mutating func removeAll() { count = 0 }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.update(from: start, count: count)
        start.deallocate()
        start = larger
        capacity *= 2
    }

    func deallocate() { start.deallocate() }
}
