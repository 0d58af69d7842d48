import EarshotModel

/// Finds the words and phrases that show frustration, confusion, urgency or delight in a piece of feedback.
///
/// How a text is read:
/// - It is split once into word tokens (case-folded, accents folded for Latin-1 and Latin Extended-A, apostrophes
///   dropped so "don't" and "dont" are the same word), emoji, `!`/`?` runs and clause breaks (`.` `,` `;` `:`
///   brackets, newlines, dashes, ellipses). Cues are token sequences, so matching is on word boundaries:
///   "great" never matches inside "greatly" and "love" never inside "glove".
/// - At each token the longest cue starting there wins ("thank you so much" over "thank"), and its tokens are consumed.
/// - A cue preceded by a negator ("not", "never", "don't", "nicht", "pas", "no"…) with at most three filler words
///   between ("not *very* happy", "isn't *a* great experience"), inside the same clause, is negated. A negated
///   delight cue counts as frustration and is reported with its negator ("not great", "don't love"); other negated
///   cues are dropped ("not urgent", "never disappointed"). Cues that contain a negator themselves ("doesn't work",
///   "couldn't be happier", "no rush") already say what they mean and are never negated again.
/// - Some phrases only suppress: "would love", "would be great", "best regards", "thanks again", "no rush"… consume
///   their words so that a feature request or a signature does not read as delight or frustration.
/// - Patterns: a run of two or more `!` is frustration, unless its clause already showed delight ("Love it!!");
///   a `?` in a clause that has "how"/"why"/"where" (or "wie", "warum", "pourquoi", "cómo"…) and no other confusion
///   cue is confusion, reported as "how …?"; two or more `?` are confusion; an all-capitals word of four or more
///   letters that is no cue and no common acronym (HTML, JSON, GDPR…) is frustration, reported as written.
///
/// Limits, by design of a small lexicon:
/// - English first, with a few German, French and Spanish cues; other languages and non-Latin scripts find only
///   emoji and punctuation cues. There is no stemming: inflections are listed where they matter.
/// - Sarcasm ("great, another crash") reads as delight, and hypotheticals other than the suppressed ones
///   ("happy if you fixed it") read literally.
/// - Negation looks backwards only, so a negator after the word ("ich liebe es nicht", "j'aime pas") is missed,
///   and double negation ("not only great") is read as a plain negation.
/// - Text the customer quotes (an error message, a previous reply) counts as theirs.
/// - ASCII emoticons such as ":(" are not recognised; a text written entirely in capitals reports each long word.
/// - Cues are evidence, not a verdict: one "again" is weak; many cues across many records are the signal.
///
/// Speed: one pass over the UTF-8 bytes, one hash lookup per word, no regular expressions and no allocation for a
/// text without cues beyond the stack scratch; the tables are built once per process and shared by every lexicon.
public struct EmotionLexicon: Sendable {
    let tables: Tables

    /// Creates a lexicon with the built-in cues; cheap, since the tables are built once and shared.
    public init() {
        tables = Tables.standard
    }

    /// The cues found in `text`, per emotion, in order of appearance; emotions without cues are omitted.
    ///
    /// A cue is reported as the lexicon spells it ("don't understand", "❤️"), a negated delight cue with its negator
    /// ("not great"), an all-capitals word as written ("BROKEN"), and punctuation patterns as "!!", "??" or "how …?".
    /// A cue that appears twice is reported twice.
    public func cues(in text: String) -> [Emotion: [String]] {
        var collector = CueCollector()
        scan(text, into: &collector)
        return collector.result
    }

    /// The emotions `text` shows: the keys of ``cues(in:)``, without building the cue strings.
    public func emotions(in text: String) -> Set<Emotion> {
        var collector = EmotionCollector()
        scan(text, into: &collector)
        var result = Set<Emotion>()
        for emotion in Emotion.allCases where collector.mask & Self.bit(emotion) != 0 { result.insert(emotion) }
        return result
    }

    /// The emotions `text` shows as bits, for scanning millions of records: the same answer as ``emotions(in:)``.
    public func emotionSet(in text: String) -> EmotionSet {
        var collector = EmotionCollector()
        scan(text, into: &collector)
        return EmotionSet(rawValue: collector.mask)
    }

    /// ``emotionSet(in:)`` of each text of a batch, in order, read from the batch's bytes without making strings; a
    /// text whose cues the batch already knows (``DocumentBatch/append(id:title:text:knownEmotions:)``) is not read.
    public func emotionSets(in batch: DocumentBatch) -> [EmotionSet] {
        var result: [EmotionSet] = []
        result.reserveCapacity(batch.count)
        let known = batch.knownEmotions
        batch.forEachText { bytes in
            if let emotions = known[result.count] {
                result.append(emotions)
                return
            }
            var collector = EmotionCollector()
            scan(bytes: bytes, into: &collector)
            result.append(EmotionSet(rawValue: collector.mask))
        }
        return result
    }

    /// The lexicon's version: cues stored by a run with another version are found again. Raise it whenever the cues
    /// a text gives change (a word, a phrase, a rule).
    public static let version = 1

    /// The bit of `emotion`, as ``EmotionSet`` stores it.
    @inline(__always) static func bit(_ emotion: Emotion) -> UInt8 {
        EmotionSet(emotion).rawValue
    }
}
