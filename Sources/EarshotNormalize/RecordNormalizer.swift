import Crypto
import EarshotModel
import Foundation

/// Stage 2, normalize: raw rows to one record shape, duplicates merged, the newest version winning.
///
/// It reads each file's first rows to plan its columns and, for files with `a/b/yyyy` dates, that column of every
/// row to decide the day/month order; then it reads every row once, streaming records into a ``RecordSink``. Only
/// a compact index of record ids (16 bytes of hash and the winning version's position) stays in memory.
public struct RecordNormalizer: Sendable {
    /// The zone weeks are counted in (an IANA name).
    public var reportingTimeZone: String
    /// The zone of dates that carry no zone and whose header names none (an IANA name).
    public var defaultSourceTimeZone: String
    /// How many rows of each file the planner looks at.
    public var sampleSize: Int
    /// The workspace's secret salt for author hashes.
    public var authorSalt: [UInt8]
    /// How `a/b/yyyy` dates are read in a file whose values never decide the order.
    public var ambiguousDateOrder: DayMonthOrder = .monthFirst
    /// Whether the files given are new ones whose records merge into those the sink already holds (a nightly run):
    /// each record is then also compared with the sink's stored version of its id, by the same newest-version rule.
    /// Every step reads only the file at hand, so merging files one night at a time gives the records a rebuild over
    /// all of them would.
    public var mergesWithStoredRecords = false

    /// Creates a normalizer.
    public init(
        reportingTimeZone: String = "UTC", defaultSourceTimeZone: String = "UTC", sampleSize: Int = 2000,
        authorSalt: [UInt8] = []
    ) {
        self.reportingTimeZone = reportingTimeZone
        self.defaultSourceTimeZone = defaultSourceTimeZone
        self.sampleSize = sampleSize
        self.authorSalt = authorSalt
    }

    /// Normalizes the stored rows of `files` into `sink`, file by file in id (ingest) order.
    ///
    /// - Throws: What the source or sink throw, or a ``NormalizeConfigurationError`` for an unknown time zone name.
    public func normalize(files: [ExportFile], rows: some StoredRowSource, into sink: inout some RecordSink) throws
        -> NormalizationSummary
    {
        guard let reporting = ZoneConverter(identifier: reportingTimeZone) else {
            throw NormalizeConfigurationError(message: "unknown reporting time zone '\(reportingTimeZone)' (use an IANA name such as Europe/London)")
        }
        var diagnostics: [Diagnostic] = []
        var contexts: [Int64: FileContext] = [:]
        var failures: [Int64: ColumnPlanError] = [:]
        let planner = ColumnPlanner()
        for file in files {
            var sample: [[String]] = []
            try rows.forEachRow(ofFile: file.id, limit: sampleSize) { _, _, encoded in
                var reader = RawFieldReader()
                guard reader.load(encoded) else { return }
                sample.append((0..<reader.count).map { reader.string($0) })
            }
            let plan: ColumnPlan
            do {
                plan = try planner.plan(for: file, sample: sample)
            } catch let error as ColumnPlanError {
                diagnostics.append(Diagnostic(.error, error.message, at: SourceLocation(file: file.fileName)))
                failures[file.id] = error
                continue
            }
            let zoneName = plan.createdAtZone ?? defaultSourceTimeZone
            guard let zone = ZoneConverter(identifier: zoneName) else {
                throw NormalizeConfigurationError(message: "\(file.fileName): unknown time zone '\(zoneName)'")
            }
            if plan.createdAt == nil {
                diagnostics.append(Diagnostic(
                    .warning,
                    "the export has no date column; its records are dated by the file's modification time, \(CivilDateTime(secondsSinceEpoch: file.modifiedAt).isoDate). Map a created_at column in earshot.toml if the export has one.",
                    at: SourceLocation(file: file.fileName)))
            }
            var order = plan.createdAtOrder ?? .monthFirst
            if plan.createdAtOrder == nil, let created = plan.createdAt,
                sample.contains(where: { created < $0.count && DateParser.isSlashedNumericDate($0[created]) })
            {
                var evidence = DateOrderEvidence()
                try rows.forEachRow(ofFile: file.id, limit: nil) { _, _, encoded in
                    var reader = RawFieldReader()
                    guard reader.load(encoded) else { return }
                    evidence.tally(reader.trimmedBytes(created))
                }
                order = evidence.decide(file: file, column: created, fallback: ambiguousDateOrder, diagnostics: &diagnostics)
            }
            contexts[file.id] = FileContext(file: file, plan: plan, zone: zone, order: order)
        }

        var state = StreamState()
        state.mergesWithStored = mergesWithStoredRecords
        var reader = RawFieldReader()
        var pending = PendingRows()
        var work = OrderedBatchWork<[RowOutcome]>()
        for file in files.sorted(by: { $0.id < $1.id }) {
            try pending.flush(into: &state, sink: &sink)
            guard let context = contexts[file.id] else {
                guard let failure = failures[file.id] else { continue }
                try rows.forEachRow(ofFile: file.id, limit: nil) { fileID, line, encoded in
                    state.rejectedCount += 1
                    try sink.storeRejected(RowRejection(
                        fileID: fileID, line: line, fieldNumber: nil, reason: failure.message,
                        excerpt: reader.load(encoded) ? Self.excerpt(reader.allStrings()) : ""))
                }
                continue
            }
            // Rows are normalized in batches on other threads; their outcomes come back in row order and only then
            // touch the stream's state and the sink, so the records are those a single thread would make.
            func apply(_ outcomes: [RowOutcome]) throws {
                for outcome in outcomes {
                    switch outcome {
                    case .rejected(let rejection):
                        state.rejectedCount += 1
                        try sink.storeRejected(rejection)
                    case .record(let record, let key, let groupDisagrees):
                        if groupDisagrees { state.groupDisagreements[file.id, default: 0] += 1 }
                        if context.plan.combinesRows {
                            try pending.add(record, sink: &sink)
                        } else {
                            try state.offer(record, key: key, sink: &sink)
                        }
                    }
                }
            }
            func submit(_ batch: RowBatch) throws {
                try work.submit({ outcomes(of: batch, context: context, reporting: reporting) }, consume: apply)
            }
            var batch = RowBatch(fileID: file.id)
            try rows.forEachRow(ofFile: file.id, limit: nil) { _, line, encoded in
                batch.append(line: line, encoded: encoded)
                guard batch.isFull else { return }
                try submit(batch)
                batch = RowBatch(fileID: file.id)
            }
            if batch.count > 0 { try submit(batch) }
            try work.drain(consume: apply)
        }
        try pending.flush(into: &state, sink: &sink)
        diagnostics += state.groupDisagreements.sorted { $0.key < $1.key }.compactMap { fileID, count in
            guard let context = contexts[fileID] else { return nil }
            return Diagnostic(
                .warning,
                "\(count) rows have an NPS group column that disagrees with their 0–10 score; the score was kept and the group ignored.",
                at: SourceLocation(file: context.file.fileName))
        }
        return NormalizationSummary(
            records: state.index.count, merged: state.mergedCount + pending.mergedCount, rejected: state.rejectedCount,
            diagnostics: diagnostics, repeatedFingerprints: state.repeatedFingerprints)
    }

    // MARK: One row

    private func outcomes(of batch: RowBatch, context: FileContext, reporting: ZoneConverter) -> [RowOutcome] {
        var outcomes: [RowOutcome] = []
        outcomes.reserveCapacity(batch.count)
        var reader = RawFieldReader()
        batch.forEachRow { line, encoded in
            guard reader.load(encoded) else {
                outcomes.append(.rejected(RowRejection(
                    fileID: batch.fileID, line: line, fieldNumber: nil, reason: "the stored row is damaged; ingest the file again", excerpt: "")))
                return
            }
            outcomes.append(makeRecord(reader, context: context, line: line, reporting: reporting))
        }
        return outcomes
    }

    private func makeRecord(_ reader: RawFieldReader, context: FileContext, line: Int, reporting: ZoneConverter) -> RowOutcome {
        let file = context.file
        let plan = context.plan
        func reject(_ reason: String, _ column: Int?) -> RowOutcome {
            .rejected(RowRejection(
                fileID: file.id, line: line, fieldNumber: column.map { $0 + 1 }, reason: reason, excerpt: Self.excerpt(reader.allStrings())))
        }
        for exclusion in plan.exclusions {
            let cell = reader.string(exclusion.column)
            if exclusion.values.isEmpty ? cell.isEmpty : exclusion.values.contains(cell.lowercased()) {
                return reject(exclusion.reason, exclusion.column)
            }
        }
        let createdAt: Int64
        if let createdColumn = plan.createdAt {
            var bytes = Array(reader.trimmedBytes(createdColumn))
            if bytes.isEmpty, let fallback = plan.createdAtFallback { bytes = Array(reader.trimmedBytes(fallback)) }
            guard let created = DateParser.parse(utf8: bytes, order: context.order) else {
                let name = createdColumn < file.columns.count ? file.columns[createdColumn] : ""
                let shown = TextDecoding.string(fromPossiblyLegacyBytes: Array(bytes.prefix(40)))
                if HeaderName.normalize(reader.string(createdColumn)) == HeaderName.normalize(name) {
                    // Exports concatenated by hand repeat their header in the middle of the data.
                    return reject("a repeated header row, not data", createdColumn)
                }
                return reject(
                    bytes.isEmpty ? "the date column '\(name)' is empty" : "cannot read '\(shown)' in column '\(name)' as a date",
                    createdColumn)
            }
            createdAt = context.utc(created)
        } else {
            createdAt = file.modifiedAt
        }
        let updatedAt = plan.updatedAt.flatMap { DateParser.parse(utf8: Array(reader.trimmedBytes($0)), order: context.order) }
            .map(context.utc)

        var sourceID = reader.string(plan.id ?? -1)
        if case .queryParameter(let name) = plan.idExtraction, let value = Self.queryParameter(name, in: sourceID) {
            sourceID = value
        }
        if sourceID.isEmpty { sourceID = "row-" + Self.stableHash(reader) }

        var customer: [String] = []
        var replies: [String] = []
        for column in plan.text {
            let cell = reader.string(column)
            if !cell.isEmpty { customer.append(cell) }
        }
        for column in plan.reply {
            let cell = reader.string(column)
            if !cell.isEmpty { replies.append(cell) }
        }
        if let comments = plan.comments {
            let customerAccount = comments.customerAccount.map { reader.string($0) } ?? ""
            for column in comments.columns {
                guard let comment = JiraComment(reader.string(column)) else { continue }
                if !customerAccount.isEmpty && comment.author == customerAccount {
                    customer.append(comment.body)
                } else {
                    replies.append(comment.body)
                }
            }
        }
        if let role = plan.messageAuthorRole, !role.customerValues.contains(reader.string(role.column).lowercased()) {
            replies += customer
            customer = []
        }
        let originalText = customer.joined(separator: "\n\n")
        let text = Self.clean(customer)
        let reply = Self.clean(replies)

        var attributes: [String: [String]] = [:]
        for attribute in plan.attributes {
            let cell = reader.string(attribute.column)
            guard !cell.isEmpty else { continue }
            let values: [String]
            if let separator = attribute.separator {
                values = cell.split(separator: Character(Unicode.Scalar(separator.byte)))
                    .map { String($0).trimmed() }.filter { !$0.isEmpty }
            } else {
                values = [cell]
            }
            if !values.isEmpty { attributes[attribute.name, default: []] += values }
        }

        let score = plan.score.flatMap { ScoreParser.score(reader.string($0.column), scale: $0.scale) }
        var groupDisagrees = false
        if let group = plan.npsGroup, let category = score?.npsCategory,
            let stated = NPSGroupLabel.category(reader.string(group)), stated != category
        {
            groupDisagrees = true
        }

        var authorHash: String?
        if let authorColumn = plan.author {
            let author = reader.string(authorColumn).lowercased()
            if !author.isEmpty, author != "anonymous" { authorHash = hashAuthor(author) }
        }
        let fingerprint = authorHash.flatMap { text.isEmpty ? nil : RepeatedTexts.fingerprint(authorHash: $0, text: text) }

        let id = RecordID(source: file.source, sourceID: sourceID)
        let record = NormalizedRecord(
            id: id, kind: plan.kind, tool: file.tool ?? "mapped",
            createdAt: createdAt, week: reporting.week(ofUTC: createdAt), updatedAt: updatedAt, score: score,
            title: Self.clean([reader.string(plan.title ?? -1)]), text: text,
            originalText: originalText, reply: reply, attributes: attributes, authorHash: authorHash,
            textFingerprint: fingerprint, fileID: file.id, line: line)
        return .record(record, key: StreamState.Key(id), groupDisagrees: groupDisagrees)
    }

    /// Cleans each part, drops the empty ones, joins with blank lines and redacts personal data.
    private static func clean(_ parts: [String]) -> String {
        guard !parts.isEmpty else { return "" }
        let cleaner = TextCleaner()
        let cleaned = parts.map { cleaner.clean($0) }.filter { !$0.isEmpty }
        return PersonalDataRedactor.redact(cleaned.joined(separator: "\n\n"))
    }

    /// The salted SHA-256 of an author identity, as 32 hex digits: enough to tell authors apart, not to recover them.
    private func hashAuthor(_ author: String) -> String {
        var hasher = SHA256()
        hasher.update(data: authorSalt)
        hasher.update(data: Array(author.utf8))
        let digest = hasher.finalize()
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(32)
        for byte in digest.prefix(16) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static func queryParameter(_ name: String, in url: String) -> String? {
        guard let range = url.range(of: name + "=") else { return nil }
        let value = url[range.upperBound...].prefix { $0 != "&" && $0 != "#" }
        return value.isEmpty ? nil : String(value)
    }

    static func excerpt(_ texts: [String]) -> String {
        let joined = texts.joined(separator: " | ")
        return joined.count > 300 ? String(joined.prefix(300)) + "…" : joined
    }

    /// FNV-1a over the row's fields: a stable id for rows whose export has none.
    private static func stableHash(_ reader: RawFieldReader) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for field in 0..<reader.count {
            for byte in reader.string(field).utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            hash ^= 0x1F
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// What normalizing one file's rows needs, worked out once.
private struct FileContext: Sendable {
    var file: ExportFile
    var plan: ColumnPlan
    var zone: ZoneConverter
    var order: DayMonthOrder

    func utc(_ timestamp: ParsedTimestamp) -> Int64 {
        if let offset = timestamp.utcOffsetSeconds { return timestamp.civil.secondsSinceEpochAsUTC - Int64(offset) }
        return zone.utcSeconds(of: timestamp.civil)
    }
}

extension RecordNormalizer {
    /// Normalizes into memory: records ordered by id, repeats flagged. For tests and small inputs.
    public func normalize(files: [ExportFile], rows: some StoredRowSource) throws -> NormalizationResult {
        var sink = CollectingRecordSink()
        let summary = try normalize(files: files, rows: rows, into: &sink)
        var records = sink.records
        let candidates = records.values.compactMap { record -> RepeatedTexts.Candidate? in
            guard let author = record.authorHash, let fingerprint = record.textFingerprint,
                summary.repeatedFingerprints.contains(fingerprint)
            else { return nil }
            return RepeatedTexts.Candidate(id: record.id, createdAt: record.createdAt, authorHash: author, text: record.text)
        }
        for id in RepeatedTexts.repeats(among: candidates) { records[id]?.isRepeatedText = true }
        return NormalizationResult(
            records: records.values.sorted { $0.id < $1.id },
            merged: sink.merged.sorted { ($0.fileID, $0.line) < ($1.fileID, $1.line) },
            rejected: sink.rejected, diagnostics: summary.diagnostics)
    }
}
