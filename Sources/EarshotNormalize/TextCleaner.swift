/// Turns what a tool exported as a customer's message into the words the customer wrote, for reading and for theme
/// detection: HTML to text, Markdown and Jira markup to plain words, quoted replies, e-mail signatures and mail-client
/// boilerplate cut, whitespace tidied.
///
/// Every rule is conservative: when cutting would leave nothing, the text is kept as it was, because a record whose
/// words were all thrown away is worse than one with a signature left in. Personal data is not this type's job
/// (``PersonalDataRedactor`` runs after it). Text with none of the bytes that start markup, entities, quotes or line
/// structure — most survey answers and reviews — only has its whitespace tidied.
public struct TextCleaner: Sendable {
    /// Creates a cleaner.
    public init() {}

    /// The cleaned text.
    public func clean(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        let signals = Signals(text.utf8)
        guard signals.needsWork else { return signals.isTidy ? text : Self.tidySingleLine(text) }

        var bytes = Array(text.utf8)
        if signals.hasLessThan { bytes = HTMLText.stripTags(bytes) }
        if signals.hasAmpersand { bytes = HTMLText.decodeEntities(bytes) }
        if signals.hasBrace { bytes = JiraBlocks.strip(bytes) }
        var lines = Self.lines(of: bytes)
        if lines.count > 1 || signals.hasGreaterThan { lines = MessageTrimmer.trim(lines) }
        if signals.hasMarkup { lines = lines.map { InlineMarkup.strip(BlockMarkup.strip($0)) } }
        return Self.join(lines.map(Self.tidy))
    }

    // MARK: Lines and whitespace

    private static func lines(of bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(current)
                current = []
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                current.append(byte)
            }
            index += 1
        }
        lines.append(current)
        return lines
    }

    /// One line with tabs and no-break spaces as spaces, runs of spaces as one, zero-width characters dropped, and
    /// no space at either end.
    static func tidy(_ line: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(line.count)
        var pendingSpace = false
        var index = 0
        while index < line.count {
            let byte = line[index]
            var isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
            var width = 1
            if byte == 0xC2, index + 1 < line.count, line[index + 1] == 0xA0 {
                isSpace = true
                width = 2
            } else if byte == 0xE2, index + 2 < line.count, line[index + 1] == 0x80,
                line[index + 2] == 0x8B || line[index + 2] == 0x8C || line[index + 2] == 0x8D
            {
                index += 3  // zero-width space and joiners: invisible, and they split words for the tokenizer
                continue
            } else if byte == 0xEF, index + 2 < line.count, line[index + 1] == 0xBB, line[index + 2] == 0xBF {
                index += 3  // a byte-order mark inside a field, left by a copy and paste
                continue
            }
            if isSpace {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            }
            index += width
        }
        return output
    }

    /// Lines joined by newlines, with no blank line at either end and never two blank lines in a row.
    private static func join(_ lines: [[UInt8]]) -> String {
        var output: [UInt8] = []
        var blankPending = false
        for line in lines {
            if line.isEmpty {
                blankPending = !output.isEmpty
                continue
            }
            if !output.isEmpty { output += blankPending ? [0x0A, 0x0A] : [0x0A] }
            blankPending = false
            output += line
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func tidySingleLine(_ text: String) -> String {
        String(decoding: tidy(Array(text.utf8)), as: UTF8.self)
    }
}

extension TextCleaner {
    /// What one pass over the bytes says the text may hold, so that each stage runs only where it can matter.
    struct Signals: Equatable {
        var hasLessThan = false
        var hasGreaterThan = false
        var hasAmpersand = false
        var hasBrace = false
        var hasMarkup = false
        var hasLineBreak = false
        /// No doubled, leading or trailing space, no tab and no character that ``TextCleaner/tidy(_:)`` changes.
        var isTidy = true

        init(_ utf8: String.UTF8View) {
            // Native strings are contiguous UTF-8: one pass over the buffer and a table lookup per byte, since every
            // record's text comes through here and most need no work at all.
            if let signals = utf8.withContiguousStorageIfAvailable({ Self(bytes: $0) }) {
                self = signals
            } else {
                self = Array(utf8).withUnsafeBufferPointer { Self(bytes: $0) }
            }
        }

        private init(bytes: UnsafeBufferPointer<UInt8>) {
            var seen: UInt8 = 0
            var previous: UInt8 = 0x0A  // a line start, for Jira's `h3.`
            var doubledSpace = false
            Self.kinds.withUnsafeBufferPointer { kinds in
                for byte in bytes {
                    if byte == 0x20 {
                        if previous == 0x20 { doubledSpace = true }
                    } else {
                        let kind = kinds[Int(byte)]
                        if kind == Self.heading {
                            if previous == 0x0A { seen |= Self.markup }
                        } else {
                            seen |= kind
                        }
                    }
                    previous = byte
                }
            }
            hasLessThan = seen & Self.lessThan != 0
            hasGreaterThan = seen & Self.greaterThan != 0
            hasAmpersand = seen & Self.ampersand != 0
            hasBrace = seen & Self.brace != 0
            hasMarkup = seen & Self.markup != 0
            hasLineBreak = seen & Self.lineBreak != 0
            isTidy = seen & Self.untidy == 0 && !doubledSpace && bytes.first != 0x20 && bytes.last != 0x20
        }

        private static let lessThan: UInt8 = 1
        private static let greaterThan: UInt8 = 2
        private static let ampersand: UInt8 = 4
        private static let brace: UInt8 = 8
        private static let markup: UInt8 = 16
        private static let lineBreak: UInt8 = 32
        private static let untidy: UInt8 = 64
        /// `h`: markup only at a line start.
        private static let heading: UInt8 = 128

        /// What each byte value may signal.
        private static let kinds: [UInt8] = {
            var kinds = [UInt8](repeating: 0, count: 256)
            kinds[Int(UInt8(ascii: "<"))] = lessThan
            kinds[Int(UInt8(ascii: ">"))] = greaterThan
            kinds[Int(UInt8(ascii: "&"))] = ampersand
            kinds[Int(UInt8(ascii: "{"))] = brace
            for byte in "*_`[!~#".utf8 { kinds[Int(byte)] = markup }
            kinds[Int(UInt8(ascii: "h"))] = heading
            kinds[0x0A] = lineBreak
            kinds[0x0D] = lineBreak
            for byte: UInt8 in [0x09, 0x0B, 0x0C, 0xC2, 0xE2, 0xEF] { kinds[Int(byte)] = untidy }
            return kinds
        }()

        var needsWork: Bool {
            hasLessThan || hasGreaterThan || hasAmpersand || hasBrace || hasMarkup || hasLineBreak
        }
    }
}
