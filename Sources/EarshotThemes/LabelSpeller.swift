/// Spells a theme's label the way customers write it.
///
/// Terms are lowercased stems, and a term's display word is the commonest lowercased word of its stem, so a phrase
/// built from them can read as nobody wrote it: "Csv export" for "CSV export", "Duplicate charged" for "duplicate
/// charge", "Non technical" for "non-technical". The speller reads a sample of the records that contain the term,
/// finds the runs of words whose stems are the term's, and takes the run as it stands in the text (case, hyphens and
/// slashes kept, spaces folded) that occurs most often.
struct LabelSpeller {
    /// How many records, the first by id that contain a term, are read for its spelling: enough for the commonest
    /// spelling to show, few enough to be read by id in a moment on millions of records.
    static let sampleSize = 200

    let tokenizer: Tokenizer
    let stemmer: Stemmer?

    /// The commonest spelling in `texts` of consecutive words whose stems are `stems`, with no stopword or
    /// punctuation between them (as phrases are found); ties go to the spelling first in byte order. `nil` when no
    /// text has them.
    func spelling(of stems: [String], in texts: [String]) -> String? {
        guard !stems.isEmpty else { return nil }
        var counts: [String: Int] = [:]
        for var text in texts {
            text.withUTF8 { bytes in
                var window: [(stem: String, span: Range<Int>)] = []
                tokenizer.forEachWordSpan(inUTF8: bytes) { word, span in
                    guard let word else { window.removeAll(); return }
                    let surface = String(decoding: word, as: UTF8.self)
                    guard tokenizer.isTerm(surface) else { window.removeAll(); return }
                    window.append((stemmer?.stem(surface) ?? surface, span))
                    if window.count > stems.count { window.removeFirst() }
                    guard window.count == stems.count, zip(window, stems).allSatisfy({ $0.stem == $1 }) else { return }
                    let written = UnsafeBufferPointer(rebasing: bytes[window[0].span.lowerBound..<window[window.count - 1].span.upperBound])
                    counts[Self.foldingSpaces(written), default: 0] += 1
                }
            }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// The text of `bytes` with each run of spaces and tabs as one space: only those, hyphens and slashes can stand
    /// between the words of a phrase.
    private static func foldingSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        for byte in bytes {
            let isSpace = byte == 0x20 || byte == 0x09
            if isSpace, folded.last == 0x20 { continue }
            folded.append(isSpace ? 0x20 : byte)
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// `label` with its first letter capitalised, unless its first word already has a capital, as "iPhone" and "CSV"
    /// do: a customer's own casing is kept.
    static func capitalized(_ label: String) -> String {
        let firstWord = label.prefix { $0 != " " && $0 != "," }
        if firstWord.contains(where: \.isUppercase) { return label }
        return label.prefix(1).uppercased() + label.dropFirst()
    }
}

extension Corpus {
    /// The documents, first in `order`, that contain each of `terms`: at most `limit` for each, in `order`.
    ///
    /// The documents are read in their own order, which is the order of their terms in memory, and each term keeps
    /// the `limit` earliest positions in `order` seen so far: stepping through `order` instead jumps about memory
    /// for every document.
    func firstDocuments(containing terms: Set<Int32>, order: [Int32], limit: Int) -> [Int32: [Int]] {
        guard limit > 0 else { return [:] }
        var position = [Int32](repeating: 0, count: documentCount)
        for (index, document) in order.enumerated() { position[Int(document)] = Int32(index) }
        let wanted = terms.sorted()
        var slot = [Int32](repeating: -1, count: termCount)
        for (index, term) in wanted.enumerated() { slot[Int(term)] = Int32(index) }
        var earliest = [[Int32]](repeating: [], count: wanted.count)
        var latestKept = [Int](repeating: 0, count: wanted.count)  // the index in `earliest` of its latest position
        for document in 0..<documentCount {
            let at = position[document]
            for term in documentTerms(document) where slot[Int(term)] >= 0 {
                let index = Int(slot[Int(term)])
                if earliest[index].count < limit {
                    earliest[index].append(at)
                    if at > earliest[index][latestKept[index]] { latestKept[index] = earliest[index].count - 1 }
                } else if at < earliest[index][latestKept[index]] {
                    earliest[index][latestKept[index]] = at
                    latestKept[index] = earliest[index].indices.max { earliest[index][$0] < earliest[index][$1] }!
                }
            }
        }
        var found: [Int32: [Int]] = [:]
        for (index, term) in wanted.enumerated() where !earliest[index].isEmpty {
            found[term] = earliest[index].sorted().map { Int(order[Int($0)]) }
        }
        return found
    }
}
