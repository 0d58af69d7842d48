import Foundation
import EarshotModel

/// Stage 3, themes: finds recurring themes by keyword and frequency scoring, and assigns records to them.
///
/// Terms are words and two-word phrases. A term is a theme seed when many records use it and it is not spread so
/// evenly that it says nothing (document frequency times inverse document frequency). Each seed gathers the terms
/// that co-occur with it well above chance (lift), and a record joins the theme when it uses the seed or two of the
/// gathered terms. Seeds already covered by an earlier theme are skipped. Ties break on the term's text, so the same
/// records give the same themes whatever their order.
///
/// A theme's id is derived from its seed term, so a recurring theme keeps its id from run to run and week to week.
public struct ThemeDetector: Sendable {
    /// The tokenizer (stopwords).
    public var tokenizer: Tokenizer
    /// The most themes to report.
    public var maximumThemes: Int
    /// The fewest records a theme may have.
    public var minimumSupport: Int

    /// Creates a detector.
    public init(tokenizer: Tokenizer = Tokenizer(), maximumThemes: Int = 25, minimumSupport: Int = 3) {
        self.tokenizer = tokenizer
        self.maximumThemes = maximumThemes
        self.minimumSupport = minimumSupport
    }

    /// Detects themes in records.
    public func detectThemes(in records: [NormalizedRecord]) -> ThemeModel {
        let ordered = records.sorted { $0.id < $1.id }
        let documents: [Set<String>] = ordered.map { terms(in: $0.fullText) }
        var postings: [String: [Int32]] = [:]
        for (index, document) in documents.enumerated() {
            for term in document { postings[term, default: []].append(Int32(index)) }
        }
        let count = Double(max(documents.count, 1))
        let support = max(minimumSupport, Int(count * 0.004))
        let candidates = postings.filter { $0.value.count >= support && Double($0.value.count) < count * 0.5 }
            .map { (term: $0.key, frequency: $0.value.count) }
            .sorted { lhs, rhs in
                let left = score(lhs.frequency, lhs.term, count)
                let right = score(rhs.frequency, rhs.term, count)
                return left != right ? left > right : lhs.term < rhs.term
            }

        var themes: [(seed: String, keywords: [String], members: Set<Int32>)] = []
        var covered = Set<Int32>()
        for candidate in candidates where themes.count < maximumThemes {
            let members = Set(postings[candidate.term]!)
            let overlap = members.intersection(covered).count
            if Double(overlap) > Double(members.count) * 0.5 { continue }
            if themes.contains(where: { $0.keywords.contains(candidate.term) }) { continue }
            let keywords = [candidate.term] + companions(of: members, seed: candidate.term, postings: postings, total: count)
            var assigned = members
            for (index, document) in documents.enumerated() where !assigned.contains(Int32(index)) {
                if keywords.dropFirst().filter(document.contains).count >= 2 { assigned.insert(Int32(index)) }
            }
            themes.append((candidate.term, keywords, assigned))
            covered.formUnion(assigned)
        }

        var assignments: [ThemeAssignment] = []
        for (index, record) in ordered.enumerated() {
            var matches: [(id: String, strength: Double, terms: [String])] = []
            for theme in themes where theme.members.contains(Int32(index)) {
                let matched = theme.keywords.filter(documents[index].contains)
                let strength = Double(matched.count + (matched.first == theme.seed ? 1 : 0)) / Double(theme.keywords.count + 1)
                matches.append((ThemeDetector.themeID(seed: theme.seed), min(1, strength), matched))
            }
            matches.sort { $0.strength != $1.strength ? $0.strength > $1.strength : $0.id < $1.id }
            for (rank, match) in matches.enumerated() {
                assignments.append(ThemeAssignment(
                    recordID: record.id, themeID: match.id, rank: rank + 1,
                    strength: (match.strength * 1000).rounded() / 1000, matchedTerms: match.terms))
            }
        }
        let result = themes.map { theme in
            Theme(id: ThemeDetector.themeID(seed: theme.seed), label: label(theme.keywords), keywords: theme.keywords,
                  recordCount: theme.members.count)
        }.sorted { $0.id < $1.id }
        return ThemeModel(themes: result, assignments: assignments)
    }

    /// A stable id from a seed term: `T` and eight hex digits of its FNV-1a hash.
    public static func themeID(seed: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in seed.utf8 {
            hash ^= UInt32(byte)
            hash &*= 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return "T" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Words and adjacent-word phrases of a text.
    func terms(in text: String) -> Set<String> {
        let tokens = tokenizer.tokens(text)
        var terms = Set<String>()
        for (index, token) in tokens.enumerated() {
            guard let token else { continue }
            terms.insert(token)
            if index + 1 < tokens.count, let next = tokens[index + 1], next != token { terms.insert(token + " " + next) }
        }
        return terms
    }

    /// Document frequency times inverse document frequency; phrases count a little more, as they read better.
    private func score(_ frequency: Int, _ term: String, _ total: Double) -> Double {
        let weight = term.contains(" ") ? 1.6 : 1.0
        return weight * Double(frequency) * log2(total / Double(frequency))
    }

    /// The terms that co-occur with a seed's records at least three times as often as chance, strongest first.
    private func companions(of members: Set<Int32>, seed: String, postings: [String: [Int32]], total: Double) -> [String] {
        let seedWords = Set(seed.split(separator: " ").map(String.init))
        var scored: [(String, Double)] = []
        for (term, list) in postings where term != seed && list.count >= minimumSupport {
            let termWords = Set(term.split(separator: " ").map(String.init))
            if !termWords.isDisjoint(with: seedWords) { continue }
            let together = list.reduce(0) { $0 + (members.contains($1) ? 1 : 0) }
            guard together >= max(2, members.count / 10) else { continue }
            let lift = (Double(together) / Double(members.count)) / (Double(list.count) / total)
            if lift >= 3 { scored.append((term, Double(together) * log2(lift))) }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return scored.prefix(7).map(\.0)
    }

    private func label(_ keywords: [String]) -> String {
        guard let seed = keywords.first else { return "" }
        if seed.contains(" ") { return seed }
        if let phrase = keywords.dropFirst().first(where: { $0.contains(" ") }) { return "\(seed): \(phrase)" }
        if keywords.count > 1 { return "\(seed), \(keywords[1])" }
        return seed
    }
}
