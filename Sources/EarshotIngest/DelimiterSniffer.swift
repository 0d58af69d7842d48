/// Guesses the field separator of a CSV file from its first lines.
public enum DelimiterSniffer {
    /// The separators Earshot recognises.
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    /// Picks the separator that splits the first lines most consistently.
    ///
    /// Each candidate is counted outside quotes on up to 20 records of the UTF-8 prefix. The winner has the same
    /// non-zero count on the most records, then the highest count on the header; ties go to the comma.
    public static func sniff(utf8Prefix prefix: [UInt8]) -> UInt8 {
        var best = UInt8(ascii: ",")
        var bestScore = (0, 0)
        for candidate in candidates {
            let counts = countsPerRecord(prefix, delimiter: candidate)
            guard let header = counts.first, header > 0 else { continue }
            let agreeing = counts.filter { $0 == header }.count
            let score = (agreeing, header)
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    private static func countsPerRecord(_ bytes: [UInt8], delimiter: UInt8) -> [Int] {
        var counts: [Int] = []
        var current = 0
        var inQuotes = false
        var sawContent = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                sawContent = true
            } else if !inQuotes && (byte == 0x0A || byte == 0x0D) {
                if sawContent { counts.append(current) }
                current = 0
                sawContent = false
                if counts.count == 20 { break }
            } else {
                sawContent = true
                if !inQuotes && byte == delimiter { current += 1 }
            }
        }
        // The prefix may end mid-record; only complete records count, unless there is just one.
        if counts.isEmpty && sawContent { counts.append(current) }
        return counts
    }
}
