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
    struct Signals {
        var hasLessThan = false
        var hasGreaterThan = false
        var hasAmpersand = false
        var hasBrace = false
        var hasMarkup = false
        var hasLineBreak = false
        /// No doubled, leading or trailing space, no tab and no character that ``TextCleaner/tidy(_:)`` changes.
        var isTidy = true

        init(_ utf8: String.UTF8View) {
            var previous: UInt8 = 0x20
            var first = true
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "<"): hasLessThan = true
                case UInt8(ascii: ">"): hasGreaterThan = true
                case UInt8(ascii: "&"): hasAmpersand = true
                case UInt8(ascii: "{"): hasBrace = true
                case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "!"),
                    UInt8(ascii: "~"), UInt8(ascii: "#"), UInt8(ascii: "h"):
                    // `h` for Jira's `h3.` headings: cheap to look for, since the check below needs a line start.
                    if byte != UInt8(ascii: "h") || previous == 0x0A || first { hasMarkup = true }
                case 0x0A, 0x0D: hasLineBreak = true
                case 0x09, 0x0B, 0x0C, 0xC2, 0xE2, 0xEF: isTidy = false
                case 0x20: if previous == 0x20 || first { isTidy = false }
                default: break
                }
                previous = byte
                first = false
            }
            if previous == 0x20 { isTidy = false }
        }

        var needsWork: Bool {
            hasLessThan || hasGreaterThan || hasAmpersand || hasBrace || hasMarkup || hasLineBreak
        }
    }
}
