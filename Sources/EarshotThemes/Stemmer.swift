import CLibStemmer

/// A Snowball stemmer for one language, backed by Debian's `libstemmer`.
///
/// Deliberately not `Sendable`: a Snowball stemmer object keeps its working buffer inside itself and
/// `sb_stemmer_stem` hands back a pointer into that buffer, valid only until the next call. Two threads
/// sharing one instance would overwrite each other's results, so create one `Stemmer` per thread or task.
/// Creating one is cheap (a small allocation), so that costs little.
///
/// Stems are for matching only, never for display: Porter2 gives non-words ("argued" → "argu") and
/// over-stems ("organization" → "organ").
public final class Stemmer {
    /// The Snowball algorithm this stemmer was created with, as the caller spelled it ("english", "en"…).
    public let language: String

    private let handle: OpaquePointer
    private let cacheCapacity: Int
    // Feedback vocabularies are Zipfian: a few thousand words make up almost every token, so memoising
    // them skips the C call and the String round trip. Per instance, because the instance is never shared.
    private var cache: [String: String] = [:]

    /// Creates a stemmer for a Snowball algorithm name or ISO 639 code in lower case ("english", "en",
    /// "german", "de", "porter"…), or returns `nil` when libstemmer has no such algorithm.
    ///
    /// - Parameter cacheCapacity: how many distinct words to memoise; `0` disables the cache. When full,
    ///   the cache is emptied rather than evicted entry by entry, which keeps memory bounded without
    ///   bookkeeping on every hit.
    public init?(language: String, cacheCapacity: Int = 20_000) {
        // A NULL encoding selects UTF-8, the only encoding Swift strings hand us cheaply.
        guard let handle = sb_stemmer_new(language, nil) else { return nil }
        self.handle = handle
        self.language = language
        self.cacheCapacity = max(0, cacheCapacity)
    }

    /// Creates a stemmer for one of the languages Earshot has stopwords for.
    public convenience init?(language: StemLanguage, cacheCapacity: Int = 20_000) {
        self.init(language: language.snowballName, cacheCapacity: cacheCapacity)
    }

    deinit {
        sb_stemmer_delete(handle)
    }

    /// The stem of `word`, which should already be lowercase UTF-8 (as `Tokenizer` produces it); Snowball
    /// does not case-fold, and folding here would cost an allocation per call.
    ///
    /// Returns `word` unchanged when it is empty, when Snowball fails (out of memory) or when the stem
    /// would be empty, so a caller always gets a usable key.
    public func stem(_ word: String) -> String {
        guard !word.isEmpty else { return word }
        if cacheCapacity > 0, let cached = cache[word] { return cached }
        let result = uncachedStem(word)
        if cacheCapacity > 0 {
            if cache.count >= cacheCapacity { cache.removeAll(keepingCapacity: true) }
            cache[word] = result
        }
        return result
    }

    private func uncachedStem(_ word: String) -> String {
        var word = word
        // withUTF8 makes the storage contiguous (a no-op for native strings) so no copy is made here.
        return word.withUTF8 { bytes -> String? in
            guard let base = bytes.baseAddress, bytes.count <= Int(Int32.max),
                  let stemmed = sb_stemmer_stem(handle, base, Int32(bytes.count)) else { return nil }
            let length = Int(sb_stemmer_length(handle))
            guard length > 0 else { return nil }
            // Copy out now: the buffer belongs to the stemmer and the next call overwrites it.
            return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
        } ?? word
    }

    /// The names libstemmer accepts as algorithms (English names only; ISO codes are accepted too but
    /// not listed), sorted.
    public static var availableLanguages: [String] {
        guard let list = sb_stemmer_list() else { return [] }
        var names: [String] = []
        var index = 0
        while let name = list[index] {
            names.append(String(cString: name))
            index += 1
        }
        return names.sorted()
    }
}

// Spelled out so that a future `Sendable` conformance is a compile error rather than a data race.
@available(*, unavailable, message: "A Stemmer reuses one C buffer per call; create one per thread or task.")
extension Stemmer: Sendable {}

/// The languages Earshot has stopword lists for; the raw value is the Snowball algorithm name.
public enum StemLanguage: String, Sendable, CaseIterable {
    case english
    case german
    case french
    case spanish
    case italian
    case dutch
    case portuguese

    /// The Snowball algorithm name to pass to `Stemmer(language:)`.
    public var snowballName: String { rawValue }

    /// The language named by its Snowball name or ISO 639-1 code, in any case ("german", "de", "German").
    public init?(name: String) {
        let name = name.lowercased()
        guard let language = Self.allCases.first(where: { $0.rawValue == name || $0.isoCode == name }) else { return nil }
        self = language
    }

    /// The ISO 639-1 code, which Snowball also accepts.
    public var isoCode: String {
        switch self {
        case .english: "en"
        case .german: "de"
        case .french: "fr"
        case .spanish: "es"
        case .italian: "it"
        case .dutch: "nl"
        case .portuguese: "pt"
        }
    }
}
