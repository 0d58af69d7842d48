import EarshotModel
import EarshotThemes
import Foundation
import TOMLKit

/// The settings in a workspace's `earshot.toml`.
public struct WorkspaceConfiguration: Sendable, Hashable {
    /// The zone weeks and report dates are counted in (IANA name).
    public var reportingTimeZone: String
    /// The zone of export dates that name none.
    public var sourceTimeZone: String
    /// The longest CSV field accepted, in bytes.
    public var maxFieldBytes: Int
    /// Extra stopwords for theme detection.
    public var extraStopwords: [String]
    /// The most themes to keep.
    public var maximumThemes: Int
    /// The languages theme detection reads the records in (`[themes] languages`), the stemmer's first; `nil` to
    /// tell them from a sample of the records (`"auto"`, the default).
    public var themeLanguages: [StemLanguage]?
    /// Column mappings for exports no built-in fingerprint knows, in file order.
    public var mappings: [SourceMapping]
    /// The analyst's curation of themes (`[themes]`: pin, seeds, exclude, merge, rename, split).
    public var taxonomy = Taxonomy()
    /// How theme verdicts are tested (`[themes]` baseline_weeks, min_verdict_count, false_discovery_rate).
    public var trends = TrendSettings()
    /// How `a/b/yyyy` dates are read in a file whose values never decide it (every part 12 or less).
    public var ambiguousDateOrder: String = "month-first"
    /// The share of the records added since themes were last detected at which `earshot run` detects them again
    /// instead of assigning the new records to the current themes (`[themes] rediscover_share`, 0–1).
    public var rediscoverShare = 0.1

    /// A fingerprint of the settings the normalize stage's output depends on: when it changes, `earshot run`
    /// rebuilds every record instead of merging in the new files' rows.
    public var normalizeFingerprint: String {
        let mappingText = mappings.map { String(reflecting: $0) }.joined(separator: "\n")
        return SHA256Hex.of(Data("\(reportingTimeZone)|\(sourceTimeZone)|\(ambiguousDateOrder)|\(mappingText)".utf8))
    }

    /// A fingerprint of the settings theme detection depends on (stopwords, the theme limit, the taxonomy, the
    /// trend tests): when it changes, `earshot run` detects themes again instead of assigning new records.
    public var themesFingerprint: String {
        let curation = [
            String(reflecting: extraStopwords), String(maximumThemes), String(reflecting: taxonomy.pinned),
            String(reflecting: taxonomy.seeds), String(reflecting: taxonomy.stopwords),
            String(reflecting: taxonomy.excludedTerms), String(reflecting: taxonomy.excludedThemes),
            String(reflecting: taxonomy.merges),
            taxonomy.renames.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
            taxonomy.splits.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
            "\(trends.baselineWeeks),\(trends.minimumCount),\(trends.falseDiscoveryRate)",
        ]
            // Only when named: workspaces whose settings never named languages keep the fingerprint they had.
            + (themeLanguages.map { [$0.map(\.rawValue).joined(separator: ",")] } ?? [])
        return SHA256Hex.of(Data(curation.joined(separator: "|").utf8))
    }

    /// The defaults, as `earshot init` writes them.
    public static let defaults = WorkspaceConfiguration(
        reportingTimeZone: "UTC", sourceTimeZone: "UTC", maxFieldBytes: 1 << 20, extraStopwords: [], maximumThemes: 25,
        mappings: [])

    /// Creates a configuration.
    public init(
        reportingTimeZone: String, sourceTimeZone: String, maxFieldBytes: Int, extraStopwords: [String],
        maximumThemes: Int, mappings: [SourceMapping]
    ) {
        self.reportingTimeZone = reportingTimeZone
        self.sourceTimeZone = sourceTimeZone
        self.maxFieldBytes = maxFieldBytes
        self.extraStopwords = extraStopwords
        self.maximumThemes = maximumThemes
        self.mappings = mappings
    }

    /// Parses `earshot.toml` text.
    ///
    /// - Throws: ``EarshotError`` naming the setting that is wrong.
    public init(toml text: String, path: String = "earshot.toml") throws {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw EarshotError.configuration(
                "\(path):\(error.source.begin.line):\(error.source.begin.column): \(error.description)")
        }
        var configuration = WorkspaceConfiguration.defaults
        let workspace = table["workspace"]?.table
        configuration.reportingTimeZone = workspace?["timezone"]?.string ?? configuration.reportingTimeZone
        configuration.sourceTimeZone = workspace?["source_timezone"]?.string ?? configuration.reportingTimeZone
        for zone in [configuration.reportingTimeZone, configuration.sourceTimeZone] where TimeZone(identifier: zone) == nil {
            throw EarshotError.configuration("\(path): [workspace] names the unknown time zone '\(zone)'; use an IANA name such as Europe/London")
        }
        if let order = workspace?["ambiguous_date_order"]?.string {
            guard ["month-first", "day-first"].contains(order) else {
                throw EarshotError.configuration("\(path): [workspace] ambiguous_date_order = \"\(order)\" must be \"month-first\" or \"day-first\"")
            }
            configuration.ambiguousDateOrder = order
        }
        if let limit = table["ingest"]?.table?["max_field_bytes"] {
            // Without an upper bound a typo such as an extra zero would let one field take gigabytes of memory.
            guard let bytes = limit.int, (1...(1 << 30)).contains(bytes) else {
                throw EarshotError.configuration("\(path): [ingest] max_field_bytes must be a whole number of bytes from 1 to 1073741824 (1 GiB), such as 1048576")
            }
            configuration.maxFieldBytes = bytes
        }
        let themes = table["themes"]?.table
        configuration.extraStopwords = themes?["stopwords"]?.array?.compactMap { $0.string } ?? []
        configuration.maximumThemes = themes?["max_themes"]?.int ?? configuration.maximumThemes
        if let languages = themes?["languages"] {
            configuration.themeLanguages = try Self.themeLanguages(languages, path: path)
        }
        if let themes {
            configuration.taxonomy = try Self.taxonomy(themes, path: path)
            configuration.trends = try TrendSettings(themes, path: path)
            if let share = themes["rediscover_share"] {
                guard let value = share.double ?? share.int.map(Double.init), value >= 0, value <= 1 else {
                    throw EarshotError.configuration("\(path): [themes] rediscover_share must be a share from 0 to 1, such as 0.1")
                }
                configuration.rediscoverShare = value
            }
        }
        if let sources = table["sources"]?.table {
            for name in sources.keys.sorted() {
                guard let source = sources[name]?.table else { continue }
                configuration.mappings.append(try Self.mapping(name: name, source, path: path))
            }
        }
        self = configuration
    }

    private static func themeLanguages(_ value: any TOMLValueConvertible, path: String) throws -> [StemLanguage]? {
        let supported = StemLanguage.allCases.map(\.rawValue).joined(separator: ", ")
        let usage = "\(path): [themes] languages must be \"auto\" or a list such as [\"english\", \"german\"] (supported: \(supported))"
        if value.string == "auto" { return nil }
        guard let names = value.array?.map({ $0.string }), !names.isEmpty, names.allSatisfy({ $0 != nil }) else {
            throw EarshotError.configuration(usage)
        }
        var languages: [StemLanguage] = []
        for name in names.compactMap({ $0 }) {
            guard let language = StemLanguage(name: name) else {
                throw EarshotError.configuration("\(path): [themes] languages names '\(name)', which Earshot has no stopwords for (supported: \(supported))")
            }
            if !languages.contains(language) { languages.append(language) }
        }
        return languages
    }

    private static func taxonomy(_ themes: TOMLTable, path: String) throws -> Taxonomy {
        func fail(_ message: String) -> EarshotError { .configuration("\(path): [themes] \(message)") }
        func strings(_ value: (any TOMLValueConvertible)?) -> [String] { value?.array?.compactMap { $0.string } ?? [] }
        var taxonomy = Taxonomy()
        taxonomy.seeds = strings(themes["seeds"])
        taxonomy.excludedTerms = strings(themes["exclude_terms"])
        taxonomy.excludedThemes = strings(themes["exclude"])
        if let merges = themes["merge"]?.array {
            for group in merges {
                let ids = strings(group)
                guard ids.count >= 2 else { throw fail("merge = [[\"T0001\", \"T0002\"], ...] needs two or more ids a group") }
                taxonomy.merges.append(ids)
            }
        }
        if let renames = themes["rename"]?.table {
            for (id, label) in renames {
                guard let text = label.string, !text.isEmpty else { throw fail("rename.\(id) must be a label in quotes") }
                taxonomy.renames[id] = text
            }
        }
        if let splits = themes["split"]?.table {
            for (id, phrases) in splits {
                let list = strings(phrases)
                guard !list.isEmpty else { throw fail("split.\(id) must list phrases, e.g. [\"sso login\", \"password reset\"]") }
                taxonomy.splits[id] = list
            }
        }
        if let pins = themes["pin"]?.array {
            for (index, pin) in pins.enumerated() {
                guard let table = pin.table, let name = table["name"]?.string, !name.isEmpty else {
                    throw fail("pin #\(index + 1) needs name = \"…\" and keywords = [\"…\"]")
                }
                let keywords = strings(table["keywords"])
                guard !keywords.isEmpty else { throw fail("pin \"\(name)\" needs keywords = [\"…\"]") }
                taxonomy.pinned.append(Taxonomy.PinnedTheme(name: name, keywords: keywords))
            }
        }
        // A split theme's phrases compete as pinned themes, so the records that use them leave the parent.
        for id in taxonomy.splits.keys.sorted() {
            for phrase in taxonomy.splits[id]! where !taxonomy.pinned.contains(where: { $0.name.lowercased() == phrase.lowercased() }) {
                taxonomy.pinned.append(Taxonomy.PinnedTheme(name: phrase.prefix(1).uppercased() + phrase.dropFirst(), keywords: [phrase]))
            }
        }
        return taxonomy
    }

    private static func mapping(name: String, _ source: TOMLTable, path: String) throws -> SourceMapping {
        func fail(_ message: String) -> EarshotError { .configuration("\(path): [sources.\(name)] \(message)") }
        func strings(_ key: String) -> [String] {
            if let single = source[key]?.string { return [single] }
            return source[key]?.array?.compactMap { $0.string } ?? []
        }
        let kindText = source["kind"]?.string ?? "survey"
        guard let kind = SourceKind(rawValue: kindText) else {
            throw fail("kind = \"\(kindText)\" is not one of nps, csat, ticket, survey, review")
        }
        guard let createdAt = source["created_at"]?.string else { throw fail("needs created_at = \"COLUMN\"") }
        let text = strings("text")
        guard !text.isEmpty else { throw fail("needs text = [\"COLUMN\", ...]") }
        let filePattern = source["files"]?.string
        let columns = strings("columns")
        guard filePattern != nil || !columns.isEmpty else {
            throw fail("needs files = \"GLOB\" or columns = [\"HEADER\", ...] to say which exports it maps")
        }
        var scale: ScoreScale?
        if let scaleText = source["scale"]?.string {
            guard let parsed = ScoreScale(rawValue: scaleText) else { throw fail("scale = \"\(scaleText)\" is not 0-10, 1-5 or good-bad") }
            scale = parsed
        }
        let format = source["created_at_format"]?.string ?? "auto"
        guard ["auto", "day-first", "month-first", "iso", "epoch-seconds", "epoch-millis"].contains(format) else {
            throw fail("created_at_format = \"\(format)\" is not auto, day-first, month-first, iso, epoch-seconds or epoch-millis")
        }
        if let zone = source["timezone"]?.string, TimeZone(identifier: zone) == nil {
            throw fail("timezone = \"\(zone)\" is not an IANA time zone name")
        }
        var separators: [String: MultiValueSeparator] = [:]
        if let table = source["multi_value"]?.table {
            for (column, value) in table {
                guard let text = value.string, let separator = MultiValueSeparator(rawValue: text) else {
                    throw fail("multi_value.\(column) must be \"comma\", \"semicolon\" or \"space\"")
                }
                separators[column] = separator
            }
        }
        var mapping = SourceMapping(
            name: name, filePattern: filePattern, requiredColumns: columns, kind: kind, idColumn: source["id"]?.string,
            createdAtColumn: createdAt, createdAtFormat: format, timeZone: source["timezone"]?.string,
            updatedAtColumn: source["updated_at"]?.string, titleColumn: source["title"]?.string, textColumns: text,
            scoreColumn: source["score"]?.string, scale: scale, attributeColumns: strings("attributes"),
            headerRowCount: source["header_rows"]?.int ?? 1)
        mapping.authorColumn = source["author"]?.string
        mapping.replyColumns = strings("reply")
        mapping.multiValueSeparators = separators
        return mapping
    }

    /// The commented `earshot.toml` that `earshot init` writes.
    public static let template = """
        # Earshot workspace configuration. Every setting below shows its default.

        [workspace]
        # The time zone weeks and report dates are counted in (an IANA name).
        timezone = "UTC"
        # The time zone of export dates that carry no zone and whose header names none.
        # Defaults to the reporting time zone.
        # source_timezone = "UTC"
        # How a/b/yyyy dates are read in a file whose values never show the order (no part over 12).
        # ambiguous_date_order = "month-first"   # or "day-first"

        [ingest]
        # The longest CSV field accepted, in bytes; a longer one is quarantined with its line number.
        # Memory while reading stays near this limit plus the 1 MiB read chunk, whatever the file size.
        max_field_bytes = 1048576

        [themes]
        # Extra words never used as theme terms.
        stopwords = []
        # The most themes to keep.
        max_themes = 25
        # The languages of the feedback: their stopwords are dropped and the first one's stemmer is used.
        # "auto" tells them from up to 500 records of each source; or name them: ["english", "german"].
        # Supported: english, german, french, spanish, italian, dutch, portuguese (or en, de, fr, es, it, nl, pt).
        languages = "auto"
        # `earshot run` assigns new records to the current themes, and detects themes afresh when a new week is
        # reported, when the settings here change, or when this share of the records is new since the last detection.
        rediscover_share = 0.1
        # Curation, applied on every run (theme ids are those `earshot themes list` shows):
        # seeds = ["dark mode"]                      # terms that must start a theme of their own
        # exclude_terms = ["tandem"]                 # never keywords (a product name, say)
        # exclude = ["T0009"]                        # themes never reported
        # merge = [["T0004", "T0007"]]               # one theme, under the first id
        # rename = { T0003 = "Refund not received" }
        # split = { T0002 = ["sso login", "password reset"] }   # each phrase becomes a theme of its own
        # [[themes.pin]]                             # a theme defined by hand, always present
        # name = "Billing errors"
        # keywords = ["invoice", "charged twice", "refund"]

        # Exports that no built-in fingerprint recognises come in through a mapping.
        # Built-in: Qualtrics, SurveyMonkey, Typeform, Google Forms, Microsoft Forms, Zendesk, Zendesk Explore,
        # Freshdesk, Intercom, Help Scout, Jira, Salesforce, HubSpot, Delighted, Wootric, Medallia, Google Play,
        # App Store, Trustpilot. A mapping that matches a file wins over the built-in rules, so it also fixes a
        # built-in tool whose export looks different in your account.
        #
        # [sources.airline_tweets]
        # files = "airline_tweets*.csv"      # glob on the file name; or columns = ["tweet_id", "text"]
        # kind = "review"                    # nps | csat | ticket | survey | review
        # id = "tweet_id"
        # created_at = "tweet_created"
        # created_at_format = "auto"         # auto | day-first | month-first | iso | epoch-seconds | epoch-millis
        # timezone = "America/New_York"      # for dates without an offset
        # text = ["text"]                    # one or more columns, joined
        # score = "NPS_SCORE"                # optional, with scale = "0-10" | "1-5"
        # attributes = ["airline"]           # segment columns kept on the record
        # multi_value = { tags = "comma" }   # split multi-value cells: comma | semicolon | space
        # author = "user_email"              # stored only as a salted hash, to flag repeated texts
        # reply = ["agent_reply"]            # agent or company replies, kept apart from the customer's words

        """
}
