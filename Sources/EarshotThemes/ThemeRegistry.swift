import EarshotModel

/// Gives detected themes their ids, so that a recurring theme keeps its id from run to run and week to week, and
/// writes down what changed.
///
/// A detected theme takes the id of the earlier theme whose keywords it shares most — Jaccard similarity of the two
/// keyword sets of at least ``minimumSimilarity`` — pairs being taken best first, each id at most once. A pinned
/// theme keeps the id of the earlier theme pinned under the same name. A theme that matches nothing gets the next
/// free id (`T0001`, `T0002`…). Ids are never reused: a theme that disappears is dormant, and comes back under its
/// own id when it recurs. Every birth, dormancy, revival, rename, merge and split is a ``ThemeChange`` with the
/// keyword evidence.
public struct ThemeRegistry: Sendable {
    /// A theme as the workspace knows it from earlier runs.
    public struct KnownTheme: Sendable, Hashable {
        public var id: String
        public var label: String
        public var keywords: [String]
        public var isActive: Bool
        public var pinnedName: String?
        /// Creates a known theme.
        public init(id: String, label: String, keywords: [String], isActive: Bool, pinnedName: String? = nil) {
            self.id = id
            self.label = label
            self.keywords = keywords
            self.isActive = isActive
            self.pinnedName = pinnedName
        }
    }

    /// The themes of earlier runs, active or not.
    public var known: [KnownTheme]
    /// The analyst's curation (renames, merges, exclusions by id).
    public var taxonomy: Taxonomy
    /// The least keyword similarity that makes a new theme the continuation of an earlier one.
    public var minimumSimilarity = 0.3

    /// Creates a registry over the themes already known.
    public init(known: [KnownTheme], taxonomy: Taxonomy = Taxonomy()) {
        self.known = known
        self.taxonomy = taxonomy
    }

    /// The result of giving ids: the theme model, each theme's pinned name, and the changes.
    public struct Outcome: Sendable, Hashable {
        public var model: ThemeModel
        public var pinnedNames: [String: String]
        public var changes: [ThemeChange]
        /// How records are scored for these themes, for assigning later records without detecting again.
        public var scoring: ThemeScoringModel
    }

    /// Gives ids to `detected`, applies the taxonomy's id-level curation and lists the changes.
    public func assignIDs(_ detected: DetectedThemes) -> Outcome {
        var idOfTheme = [String?](repeating: nil, count: detected.themes.count)
        var taken = Set<String>()
        var changes: [ThemeChange] = []
        let knownByID = Dictionary(uniqueKeysWithValues: known.map { ($0.id, $0) })

        // Pinned themes by name.
        for (index, theme) in detected.themes.enumerated() {
            guard let name = theme.pinnedName, let match = known.first(where: { $0.pinnedName == name }) else { continue }
            idOfTheme[index] = match.id
            taken.insert(match.id)
        }
        // Learned themes by keyword similarity, best pairs first.
        var pairs: [(theme: Int, known: KnownTheme, similarity: Double)] = []
        for (index, theme) in detected.themes.enumerated() where theme.pinnedName == nil {
            for candidate in known where candidate.pinnedName == nil {
                let similarity = Self.similarity(theme.keywords, candidate.keywords)
                if similarity >= minimumSimilarity { pairs.append((index, candidate, similarity)) }
            }
        }
        pairs.sort {
            $0.similarity != $1.similarity ? $0.similarity > $1.similarity
                : ($0.known.id != $1.known.id ? $0.known.id < $1.known.id : $0.theme < $1.theme)
        }
        for pair in pairs where idOfTheme[pair.theme] == nil && !taken.contains(pair.known.id) {
            idOfTheme[pair.theme] = pair.known.id
            taken.insert(pair.known.id)
        }
        // New ids for the rest, in the detector's order (largest first), so numbering is deterministic.
        var next = (known.compactMap { Self.number(of: $0.id) }.max() ?? 0) + 1
        for index in detected.themes.indices where idOfTheme[index] == nil {
            let id = Self.id(number: next)
            next += 1
            idOfTheme[index] = id
            let theme = detected.themes[index]
            if let parent = bestKnown(for: theme, among: known.filter { taken.contains($0.id) }) {
                changes.append(ThemeChange(themeID: id, kind: .split, relatedThemeID: parent.known.id,
                    evidence: Self.evidence(theme.keywords, parent.known.keywords, parent.similarity)))
            } else {
                changes.append(ThemeChange(themeID: id, kind: .born, relatedThemeID: nil,
                    evidence: "keywords: " + theme.keywords.prefix(5).joined(separator: ", ")))
            }
        }
        let ids = idOfTheme.map { $0! }

        // Matched themes that were dormant: revived.
        for (index, theme) in detected.themes.enumerated() {
            guard let previous = knownByID[ids[index]] else { continue }
            if !previous.isActive {
                changes.append(ThemeChange(themeID: previous.id, kind: .revived, relatedThemeID: nil,
                    evidence: Self.evidence(theme.keywords, previous.keywords, Self.similarity(theme.keywords, previous.keywords))))
            }
        }
        // Earlier active themes not matched: merged into the theme they resemble, or dormant.
        let current = Set(ids)
        for previous in known where previous.isActive && !current.contains(previous.id) {
            let candidates = detected.themes.enumerated().map { (index: $0.offset, similarity: Self.similarity($0.element.keywords, previous.keywords)) }
                .filter { $0.similarity >= minimumSimilarity }
                .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ids[$0.index] < ids[$1.index] }
            if let into = candidates.first {
                changes.append(ThemeChange(themeID: previous.id, kind: .merged, relatedThemeID: ids[into.index],
                    evidence: Self.evidence(detected.themes[into.index].keywords, previous.keywords, into.similarity)))
            } else {
                changes.append(ThemeChange(themeID: previous.id, kind: .dormant, relatedThemeID: nil,
                    evidence: "no theme this run shares its keywords: " + previous.keywords.prefix(5).joined(separator: ", ")))
            }
        }

        let model = curated(detected, ids: ids)
        // Renames: by the analyst, or a learned label that changed.
        for theme in model.themes {
            if let previous = knownByID[theme.id], previous.isActive, previous.label != theme.label {
                changes.append(ThemeChange(themeID: theme.id, kind: .renamed, relatedThemeID: nil,
                    evidence: "“\(previous.label)” → “\(theme.label)”"))
            }
        }
        var pinnedNames: [String: String] = [:]
        for (index, theme) in detected.themes.enumerated() { if let name = theme.pinnedName { pinnedNames[ids[index]] = name } }
        changes.sort { $0.themeID != $1.themeID ? $0.themeID < $1.themeID : $0.kind.rawValue < $1.kind.rawValue }
        let curatedIDs = curatedIDs(ids, kept: Set(model.themes.map(\.id)))
        let scoring = ThemeScoringModel(themes: zip(detected.themes, curatedIDs).map { theme, id in
            ThemeScoringModel.DetectedTheme(themeID: id, isPinned: theme.pinnedName != nil, terms: theme.terms)
        }, languages: detected.languages.map(\.rawValue))
        return Outcome(model: model, pinnedNames: pinnedNames, changes: changes, scoring: scoring)
    }

    /// Applies exclusions, merges and renames by id, and builds the model with ranks recomputed.
    private func curated(_ detected: DetectedThemes, ids: [String]) -> ThemeModel {
        var canonical: [String: String] = [:]
        for group in taxonomy.merges {
            guard let target = group.first else { continue }
            for id in group.dropFirst() { canonical[id] = target }
        }
        let excluded = Set(taxonomy.excludedThemes)
        // A merged group keeps its first id's own label when that theme was found this run.
        let ownLabels = Dictionary(zip(ids, detected.themes.map(\.label)), uniquingKeysWith: { first, _ in first })
        var themes: [String: Theme] = [:]
        for (index, theme) in detected.themes.enumerated() {
            let id = canonical[ids[index]] ?? ids[index]
            guard !excluded.contains(id) else { continue }
            if var existing = themes[id] {
                existing.keywords += theme.keywords.filter { !existing.keywords.contains($0) }
                themes[id] = existing
            } else {
                let label = theme.pinnedName ?? ownLabels[id] ?? theme.label
                themes[id] = Theme(id: id, label: label, keywords: theme.keywords, recordCount: 0)
            }
        }
        for (id, label) in taxonomy.renames where themes[id] != nil { themes[id]!.label = label }

        let (assignments, recordCounts) = Self.curatedAssignments(
            detected.matches, curatedIDs: curatedIDs(ids, kept: Set(themes.keys)))
        for (id, count) in recordCounts { themes[id]!.recordCount = count }
        return ThemeModel(themes: themes.values.sorted { $0.id < $1.id }, assignments: assignments)
    }

    /// Each detected theme's curated id: the id of the theme it merges into, or `nil` when excluded.
    private func curatedIDs(_ ids: [String], kept: Set<String>) -> [String?] {
        var canonical: [String: String] = [:]
        for group in taxonomy.merges {
            guard let target = group.first else { continue }
            for id in group.dropFirst() { canonical[id] = target }
        }
        return ids.map { id in
            let curated = canonical[id] ?? id
            return kept.contains(curated) ? curated : nil
        }
    }

    /// Detected matches as assignments to curated themes: per record, the strongest match per curated theme (the
    /// matched terms of merged themes combined), ranked again; with the records assigned to each theme.
    ///
    /// Matches come by record, so each record's are a run of neighbours: no table of every record is built (there
    /// may be millions).
    public static func curatedAssignments(
        _ matches: [DetectedThemes.Match], curatedIDs: [String?]
    ) -> (assignments: [ThemeAssignment], recordCounts: [String: Int]) {
        var assignments: [ThemeAssignment] = []
        assignments.reserveCapacity(matches.count)
        var recordCounts: [String: Int] = [:]
        // Matches are referred to by their index, not copied: each copy of millions retains its strings.
        let order = recordOrder(matches)
        // Per curated theme of the record: its strongest match, and the matched terms combined when several detected
        // themes count for it.
        var group: [(id: String, match: Int, terms: [String]?)] = []
        func flush() {
            guard let first = group.first else { return }
            let recordID = matches[first.match].recordID
            group.sort {
                let (left, right) = ($0.match, $1.match)
                if matches[left].strength != matches[right].strength { return matches[left].strength > matches[right].strength }
                return matches[left].rank != matches[right].rank ? matches[left].rank < matches[right].rank : $0.id < $1.id
            }
            for (rank, entry) in group.enumerated() {
                assignments.append(ThemeAssignment(recordID: recordID, themeID: entry.id, rank: rank + 1,
                    strength: matches[entry.match].strength, matchedTerms: entry.terms ?? matches[entry.match].matchedTerms))
                recordCounts[entry.id, default: 0] += 1
            }
            group.removeAll(keepingCapacity: true)
        }
        var recordStart = -1
        for step in matches.indices {
            let position = order?[step] ?? step
            if recordStart < 0 || matches[position].recordID != matches[recordStart].recordID {
                flush()
                recordStart = position
            }
            guard let id = curatedIDs[matches[position].theme] else { continue }
            if let index = group.firstIndex(where: { $0.id == id }) {
                let existing = group[index]
                let existingTerms = existing.terms ?? matches[existing.match].matchedTerms
                let stronger = matches[existing.match].strength >= matches[position].strength ? existing.match : position
                group[index] = (id, stronger, existingTerms + matches[position].matchedTerms.filter { !existingTerms.contains($0) })
            } else {
                group.append((id, position, nil))
            }
        }
        flush()
        return (assignments, recordCounts)
    }

    /// The positions of the matches grouped by record, records in id order, each record's matches keeping their
    /// order; `nil` when they already are (the detector's are).
    private static func recordOrder(_ matches: [DetectedThemes.Match]) -> [Int]? {
        if matches.indices.dropFirst().allSatisfy({ matches[$0 - 1].recordID <= matches[$0].recordID }) { return nil }
        return matches.indices.sorted {
            matches[$0].recordID != matches[$1].recordID ? matches[$0].recordID < matches[$1].recordID : $0 < $1
        }
    }

    private func bestKnown(for theme: DetectedThemes.Theme, among candidates: [KnownTheme]) -> (known: KnownTheme, similarity: Double)? {
        candidates.map { ($0, Self.similarity(theme.keywords, $0.keywords)) }
            .filter { $0.1 >= minimumSimilarity }
            .max { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.id > $1.0.id }
    }

    /// Jaccard similarity of two keyword lists' first ten entries.
    static func similarity(_ first: [String], _ second: [String]) -> Double {
        let a = Set(first.prefix(10))
        let b = Set(second.prefix(10))
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    static func evidence(_ first: [String], _ second: [String], _ similarity: Double) -> String {
        let shared = first.prefix(10).filter { second.prefix(10).contains($0) }
        let rounded = (similarity * 100).rounded() / 100
        return "shares \(shared.count) of its top keywords (\(shared.prefix(5).joined(separator: ", "))), Jaccard \(rounded)"
    }

    static func number(of id: String) -> Int? {
        guard id.hasPrefix("T"), id.count == 5 else { return nil }
        return Int(id.dropFirst())
    }

    static func id(number: Int) -> String {
        let digits = String(number)
        return "T" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

