import EarshotModel

/// Chooses the customer's words the report shows, deterministically: quotes that cover a theme's main phrases, a
/// counter-quote, and the ten comments to read.
struct QuoteChooser {
    let week: ReportWeek
    let zone: ZoneConverter
    let quotesPerTheme: Int
    /// Longest quote shown, in characters.
    let maximumLength = 400

    /// Whether most of the theme's records this week are negative (detractors, or frustrated when unscored): quotes
    /// then show the complaint and the counter-quote the praise, and the other way round.
    func isMostlyNegative(_ theme: Theme) -> Bool {
        let records = (week.assignments[theme.id] ?? []).compactMap { week.byID[$0.recordID] }
        let negative = records.filter(isNegative).count
        let positive = records.filter(isPositive).count
        return negative >= positive
    }

    /// A detractor, or an unscored record with frustration cues.
    func isNegative(_ record: NormalizedRecord) -> Bool {
        if let category = record.score?.npsCategory { return category == .detractor }
        return week.emotions(of: record.id).contains(.frustration)
    }

    /// A promoter, or an unscored record showing delight without frustration.
    func isPositive(_ record: NormalizedRecord) -> Bool {
        if let category = record.score?.npsCategory { return category == .promoter }
        let emotions = week.emotions(of: record.id)
        return emotions.contains(.delight) && !emotions.contains(.frustration)
    }

    /// Up to ``quotesPerTheme`` quotes of the theme's records this week, as a greedy set cover of its keywords: each
    /// next quote adds the most keywords not yet shown (two points each), readable length (40–400 characters) adds
    /// one, the theme's prevailing tone (``isMostlyNegative(_:)``) one, a primary assignment half; ties go to the
    /// record id. Records quoted under a bigger theme are used again only when the theme has nothing else to show.
    func quotes(theme: Theme, alreadyQuoted: inout Set<RecordID>) -> [WeeklyReport.Quote] {
        let negativeTheme = isMostlyNegative(theme)
        let candidates = (week.assignments[theme.id] ?? []).filter { hasText($0.recordID) }
        let fresh = candidates.filter { !alreadyQuoted.contains($0.recordID) }
        var pool = fresh.isEmpty ? candidates : fresh
        let keywords = Array(theme.keywords.prefix(8))
        var shown = Set<String>()
        var chosen: [ThemeAssignment] = []
        var seenTexts = Set<String>()
        while chosen.count < quotesPerTheme, !pool.isEmpty {
            func value(_ assignment: ThemeAssignment) -> Double {
                let terms = Set(assignment.matchedTerms).intersection(keywords)
                let tone = week.byID[assignment.recordID].map { negativeTheme ? isNegative($0) : isPositive($0) } ?? false
                return Double(terms.subtracting(shown).count) * 2 + readability(assignment.recordID)
                    + (tone ? 1 : 0) + (assignment.rank == 1 ? 0.5 : 0)
            }
            let best = Self.best(of: pool, by: value)!
            pool.removeAll { $0.recordID == best.recordID }
            let text = week.text(of: best.recordID)
            guard seenTexts.insert(text).inserted else { continue }
            chosen.append(best)
            shown.formUnion(best.matchedTerms)
        }
        alreadyQuoted.formUnion(chosen.map(\.recordID))
        return chosen.compactMap { quote($0.recordID, matchedTerms: $0.matchedTerms) }
    }

    /// A mention of the theme this week in the other tone, against confirmation bias: praise (``isPositive(_:)``)
    /// for a mostly negative theme, a complaint for a mostly positive one; not quoted yet; the strongest assignment
    /// wins, ties to the record id.
    func counterQuote(theme: Theme, alreadyQuoted: Set<RecordID>) -> (id: RecordID, quote: WeeklyReport.Quote)? {
        let negativeTheme = isMostlyNegative(theme)
        let opposite = (week.assignments[theme.id] ?? []).filter { assignment in
            guard !alreadyQuoted.contains(assignment.recordID), hasText(assignment.recordID),
                  let record = week.byID[assignment.recordID] else { return false }
            return negativeTheme ? isPositive(record) : isNegative(record)
        }
        guard let best = opposite.first, let quote = quote(best.recordID, matchedTerms: best.matchedTerms) else { return nil }
        return (best.recordID, quote)
    }

    /// Ten comments that cover the new, rising and highest-impact themes: the themes are visited in that order, each
    /// giving its best unread comment (a detractor or frustrated one first, then readable length, then strength), and
    /// the visit repeats until ten are chosen or nothing is left.
    func mustRead(order: [(theme: Theme, reason: String)], count: Int = 10) -> [WeeklyReport.MustRead] {
        var chosen: [WeeklyReport.MustRead] = []
        var used = Set<RecordID>()
        var texts = Set<String>()
        var progressed = true
        while chosen.count < count, progressed {
            progressed = false
            for (theme, reason) in order where chosen.count < count {
                let candidates = (week.assignments[theme.id] ?? []).filter {
                    $0.rank == 1 && !used.contains($0.recordID) && hasText($0.recordID)
                        && !texts.contains(week.text(of: $0.recordID))
                }
                func value(_ assignment: ThemeAssignment) -> Double {
                    let negative = week.byID[assignment.recordID].map(isNegative) ?? false
                    return (negative ? 2 : 0) + readability(assignment.recordID) + assignment.strength
                }
                guard let best = Self.best(of: candidates, by: value) else { continue }
                guard let quote = quote(best.recordID, matchedTerms: best.matchedTerms) else { continue }
                used.insert(best.recordID)
                texts.insert(week.text(of: best.recordID))
                chosen.append(WeeklyReport.MustRead(quote: quote, themeID: theme.id, label: theme.label, reason: reason))
                progressed = true
            }
        }
        return chosen
    }

    /// The assignment of highest value, ties to the smaller record id: a choice no input order can change.
    private static func best(of assignments: [ThemeAssignment], by value: (ThemeAssignment) -> Double) -> ThemeAssignment? {
        var best: (assignment: ThemeAssignment, value: Double)?
        for candidate in assignments {
            let candidateValue = value(candidate)
            if let current = best, candidateValue < current.value
                || (candidateValue == current.value && candidate.recordID > current.assignment.recordID) { continue }
            best = (candidate, candidateValue)
        }
        return best?.assignment
    }

    /// A record as a quote: one line, personal data redacted, shortened to ``maximumLength`` characters.
    func quote(_ id: RecordID, matchedTerms: [String] = []) -> WeeklyReport.Quote? {
        guard let record = week.byID[id] else { return nil }
        var text = PersonalDataRedactor.redact(record.fullText.split(whereSeparator: \.isNewline).joined(separator: " "))
        if text.count > maximumLength { text = String(text.prefix(maximumLength - 1)) + "…" }
        return WeeklyReport.Quote(recordID: record.id.description, source: record.id.source,
                                  date: zone.civil(ofUTC: record.createdAt).isoDate, text: text,
                                  matchedTerms: matchedTerms, score: record.score?.scale == .zeroToTen ? record.score?.value : nil)
    }

    private func hasText(_ id: RecordID) -> Bool {
        week.length(of: id) > 0
    }

    private func readability(_ id: RecordID) -> Double {
        let length = week.length(of: id)
        return length >= 40 && length <= maximumLength ? 1 : 0
    }
}
