/// Jira's curly-brace macros: `{quote}…{quote}` is someone else's words and goes with its content; `{code}`,
/// `{noformat}`, `{panel:…}`, `{color:…}` and the like are formatting, so only the markers go.
enum JiraBlocks {
    static let markers: Set<String> = ["quote", "code", "noformat", "panel", "color", "status", "anchor", "expand"]

    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var inQuote = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{"), let (name, end) = marker(bytes, at: index) {
                if name == "quote" { inQuote.toggle() }
                index = end
                continue
            }
            if !inQuote { output.append(byte) }
            index += 1
        }
        // An unclosed {quote} is not a quote: keep what followed it rather than lose it.
        return inQuote ? bytes.withoutMarkers() : output
    }

    /// `{name}` or `{name:parameters}` of a known macro, and the index after its `}`.
    static func marker(_ bytes: [UInt8], at start: Int) -> (String, Int)? {
        var index = start + 1
        while index < bytes.count, (bytes[index] | 0x20) &- 0x61 < 26 { index += 1 }
        guard index > start + 1, index < bytes.count else { return nil }
        let name = String(decoding: bytes[(start + 1)..<index].map { $0 | 0x20 }, as: UTF8.self)
        guard markers.contains(name) else { return nil }
        if bytes[index] == UInt8(ascii: ":") {
            let limit = min(bytes.count, index + 200)
            while index < limit, bytes[index] != UInt8(ascii: "}"), bytes[index] != 0x0A { index += 1 }
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "}") else { return nil }
        return (name, index + 1)
    }
}

extension Array where Element == UInt8 {
    /// The bytes with every known macro marker removed and all content kept.
    fileprivate func withoutMarkers() -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < count {
            if self[index] == UInt8(ascii: "{"), let (_, end) = JiraBlocks.marker(self, at: index) {
                index = end
                continue
            }
            output.append(self[index])
            index += 1
        }
        return output
    }
}
