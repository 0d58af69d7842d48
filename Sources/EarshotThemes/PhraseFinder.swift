import Foundation

/// Finds collocations: pairs and triples of adjacent stems that share documents far more often than chance.
///
/// Document-level normalized PMI, `NPMI(a, b) = ln(p(ab) / (p(a)·p(b))) / −ln p(ab)` with `p(x) = df(x) / N`, lies in
/// `−1…1` and, unlike raw PMI, does not reward rare pairs; a minimum document count keeps one customer's pet phrase
/// out. A triple `abc` is tested as the unit `ab` followed by `c`, and needs both `ab` and `bc` to be phrases.
struct PhraseFinder {
    /// The documents' tokens, as stem ids.
    let chunks: [TermExtraction.Chunk]
    let stemFrequency: [Int32]
    let documentCount: Int
    let minimumCount: Int
    let minimumNPMI: Double
    /// The most phrases kept, the most frequent first: enough for any theme label, bounded for memory.
    var maximumPhrases = 20_000
    /// Threads that count pairs.
    var workers = 2

    struct Triple: Hashable, Sendable {
        var first: Int32
        var second: Int32
        var third: Int32
        init(_ first: Int32, _ second: Int32, _ third: Int32) {
            self.first = first
            self.second = second
            self.third = third
        }
    }

    static func pairKey(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    /// The accepted phrases as stem sequences, pairs then triples, each group sorted.
    func find() -> [[Int32]] {
        let minimum = Int32(minimumCount)
        let pairCounts = countPairs(minimum: minimum)
        var pairs: [(stems: [Int32], count: Int32)] = []
        pairCounts.forEach { key, count in
            guard count >= minimum else { return }
            let first = Int32(bitPattern: UInt32(key >> 32))
            let second = Int32(bitPattern: UInt32(key & 0xFFFF_FFFF))
            if npmi(together: count, stemFrequency[Int(first)], stemFrequency[Int(second)]) >= minimumNPMI {
                pairs.append(([first, second], count))
            }
        }
        pairs = Array(mostFrequent(pairs).prefix(maximumPhrases))
        var accepted = CountTable(minimumCapacity: pairs.count)
        for pair in pairs { accepted.add(Self.pairKey(pair.stems[0], pair.stems[1])) }
        let pairCount = Dictionary(uniqueKeysWithValues: pairs.map { (Self.pairKey($0.stems[0], $0.stems[1]), $0.count) })

        // Whether a stem starts an accepted pair: a triple needs two, and most positions are turned down without a
        // lookup.
        var startsPair = [Bool](repeating: false, count: stemFrequency.count)
        for pair in pairs { startsPair[Int(pair.stems[0])] = true }
        var tripleCounts: [Triple: Int32] = [:]
        var triples: [Triple] = []
        chunks.forEachDocument { tokens in
            triples.removeAll(keepingCapacity: true)
            let end = tokens.count
            var index = 0
            while index + 2 < end {
                let (a, b, c) = (tokens[index], tokens[index + 1], tokens[index + 2])
                if a >= 0, b >= 0, c >= 0, startsPair[Int(a)], startsPair[Int(b)], accepted.value(Self.pairKey(a, b)) != nil, accepted.value(Self.pairKey(b, c)) != nil {
                    triples.append(Triple(a, b, c))
                }
                index += 1
            }
            for triple in Set(triples) { tripleCounts[triple, default: 0] += 1 }
        }
        var acceptedTriples: [(stems: [Int32], count: Int32)] = []
        for (triple, count) in tripleCounts where count >= minimum {
            let head = pairCount[Self.pairKey(triple.first, triple.second)] ?? 0
            if npmi(together: count, head, stemFrequency[Int(triple.third)]) >= minimumNPMI {
                acceptedTriples.append(([triple.first, triple.second, triple.third], count))
            }
        }
        let sortedPairs = pairs.map(\.stems).sorted { $0.lexicographicallyPrecedes($1) }
        let sortedTriples = mostFrequent(acceptedTriples).prefix(maximumPhrases / 4).map(\.stems)
            .sorted { $0.lexicographicallyPrecedes($1) }
        return sortedPairs + sortedTriples
    }

    /// How many documents contain each adjacent pair of frequent-enough stems, counted over contiguous runs of
    /// chunks on `workers` threads and summed: on a large run this is the corpus's longest pass.
    private func countPairs(minimum: Int32) -> CountTable {
        let finder = self
        var parts = inParallelParts(count: chunks.count, parts: workers, smallest: 64) { range in
            var pairCounts = CountTable()
            var keys: [UInt64] = []
            finder.chunks[range].forEachDocument { tokens in
                keys.removeAll(keepingCapacity: true)
                let end = tokens.count
                var index = 0
                while index + 1 < end {
                    let first = tokens[index]
                    let second = tokens[index + 1]
                    if first >= 0, second >= 0, first != second, finder.stemFrequency[Int(first)] >= minimum,
                        finder.stemFrequency[Int(second)] >= minimum
                    {
                        keys.append(Self.pairKey(first, second))
                    }
                    index += 1
                }
                guard !keys.isEmpty else { return }
                keys.sort()
                var previous: UInt64 = .max
                for key in keys where key != previous {
                    pairCounts.add(key)
                    previous = key
                }
            }
            return pairCounts
        }
        var total = parts.removeFirst()
        for part in parts { part.forEach { key, count in total.add(key, count) } }
        return total
    }

    private func mostFrequent(_ phrases: [(stems: [Int32], count: Int32)]) -> [(stems: [Int32], count: Int32)] {
        phrases.sorted { $0.count != $1.count ? $0.count > $1.count : $0.stems.lexicographicallyPrecedes($1.stems) }
    }

    private func npmi(together: Int32, _ first: Int32, _ second: Int32) -> Double {
        let total = Double(documentCount)
        let joint = Double(together) / total
        guard joint > 0, joint < 1, first > 0, second > 0 else { return -1 }
        let independent = (Double(first) / total) * (Double(second) / total)
        return log(joint / independent) / -log(joint)
    }
}
