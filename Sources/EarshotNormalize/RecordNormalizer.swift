import EarshotModel
import Foundation

/// Stage 2, normalize: raw rows to one record shape, duplicates merged, the newest version winning.
///
/// It reads the stored rows twice: first a sample of each file to plan its columns and to decide its day/month
/// order from all of its dates, then every row to build the records.
public struct RecordNormalizer: Sendable {
    /// The zone weeks are counted in (an IANA name).
    public var reportingTimeZone: String
    /// The zone of dates that carry no zone and whose header names none (an IANA name).
    public var defaultSourceTimeZone: String
    /// How many rows of each file the planner looks at.
    public var sampleSize: Int

    /// Creates a normalizer.
    public init(reportingTimeZone: String = "UTC", defaultSourceTimeZone: String = "UTC", sampleSize: Int = 2000) {
        self.reportingTimeZone = reportingTimeZone
        self.defaultSourceTimeZone = defaultSourceTimeZone
        self.sampleSize = sampleSize
    }

    /// A source of stored rows that can be read more than once.
    public typealias RowSource = (_ body: (_ fileID: Int64, _ line: Int, _ fields: [[UInt8]]) throws -> Void) throws -> Void

    /// Normalizes every row of every file.
    ///
    /// - Throws: `ColumnPlanError` (as a rejection of the file's rows, not thrown) never; only what `rows` throws, or a
    ///   ``NormalizeConfigurationError`` for an unknown time zone name.
    public func normalize(files: [ExportFile], rows: RowSource) throws -> NormalizationResult {
        guard let reporting = ZoneConverter(identifier: reportingTimeZone) else {
            throw NormalizeConfigurationError(message: "unknown reporting time zone '\(reportingTimeZone)' (use an IANA name such as Europe/London)")
        }
        let filesByID = Dictionary(uniqueKeysWithValues: files.map { ($0.id, $0) })
        var diagnostics: [Diagnostic] = []

        // Pass 1: samples, plans and date-order evidence.
        var samples: [Int64: [[String]]] = [:]
        var evidence: [Int64: (dayFirst: Int, monthFirst: Int, slashed: Int)] = [:]
        var plans: [Int64: Result<ColumnPlan, ColumnPlanError>] = [:]
        let planner = ColumnPlanner()
        func plan(for fileID: Int64) -> Result<ColumnPlan, ColumnPlanError>? {
            if let plan = plans[fileID] { return plan }
            guard let file = filesByID[fileID] else { return nil }
            let result = Result { try planner.plan(for: file, sample: samples[fileID] ?? []) }.mapError { $0 as! ColumnPlanError }
            plans[fileID] = result
            return result
        }
        try rows { fileID, _, fields in
            if plans[fileID] == nil, (samples[fileID]?.count ?? 0) < sampleSize {
                samples[fileID, default: []].append(fields.map(TextDecoding.string(fromPossiblyLegacyBytes:)))
                return
            }
            guard case .success(let plan) = plan(for: fileID), plan.createdAtOrder == nil, let created = plan.createdAt,
                created < fields.count
            else { return }
            let value = TextDecoding.string(fromPossiblyLegacyBytes: fields[created])
            tally(value, into: &evidence[fileID, default: (0, 0, 0)])
        }
        for file in files {
            guard case .success(let plan) = plan(for: file.id), plan.createdAtOrder == nil, let created = plan.createdAt else { continue }
            for sample in samples[file.id] ?? [] where created < sample.count {
                tally(sample[created], into: &evidence[file.id, default: (0, 0, 0)])
            }
        }
        var orders: [Int64: DayMonthOrder] = [:]
        var zones: [Int64: ZoneConverter] = [:]
        for file in files {
            guard let result = plan(for: file.id) else { continue }
            guard case .success(let plan) = result else {
                if case .failure(let error) = result {
                    diagnostics.append(Diagnostic(.error, error.message, at: SourceLocation(file: file.fileName)))
                }
                continue
            }
            let zoneName = plan.createdAtZone ?? defaultSourceTimeZone
            guard let zone = ZoneConverter(identifier: zoneName) else {
                throw NormalizeConfigurationError(message: "\(file.fileName): unknown time zone '\(zoneName)'")
            }
            zones[file.id] = zone
            if plan.createdAt == nil {
                diagnostics.append(Diagnostic(
                    .warning,
                    "the export has no date column; its records are dated by the file's modification time, \(CivilDateTime(secondsSinceEpoch: file.modifiedAt).isoDate). Map a created_at column in earshot.toml if the export has one.",
                    at: SourceLocation(file: file.fileName)))
            }
            orders[file.id] = plan.createdAtOrder ?? decideOrder(evidence[file.id], file: file, plan: plan, diagnostics: &diagnostics)
        }

        // Pass 2: records.
        var winners: [RecordID: NormalizedRecord] = [:]
        var merged: [MergedDuplicate] = []
        var rejected: [RowRejection] = []
        try rows { fileID, line, fields in
            guard let file = filesByID[fileID], let result = plans[fileID] else { return }
            let texts = fields.map(TextDecoding.string(fromPossiblyLegacyBytes:))
            guard case .success(let plan) = result, let zone = zones[fileID], let order = orders[fileID] else {
                if case .failure(let error) = result {
                    rejected.append(RowRejection(fileID: fileID, line: line, fieldNumber: nil, reason: error.message, excerpt: excerpt(texts)))
                }
                return
            }
            switch makeRecord(texts, file: file, line: line, plan: plan, zone: zone, order: order, reporting: reporting) {
            case .failure(let rejection):
                rejected.append(rejection)
            case .success(let record):
                if let existing = winners[record.id] {
                    if isNewer(record, than: existing) {
                        merged.append(MergedDuplicate(recordID: existing.id, fileID: existing.fileID, line: existing.line))
                        winners[record.id] = record
                    } else {
                        merged.append(MergedDuplicate(recordID: record.id, fileID: record.fileID, line: record.line))
                    }
                } else {
                    winners[record.id] = record
                }
            }
        }
        return NormalizationResult(
            records: winners.values.sorted { $0.id < $1.id },
            merged: merged.sorted { ($0.fileID, $0.line) < ($1.fileID, $1.line) },
            rejected: rejected, diagnostics: diagnostics)
    }

    private func tally(_ value: String, into counts: inout (dayFirst: Int, monthFirst: Int, slashed: Int)) {
        guard DateParser.isSlashedNumericDate(value) else { return }
        counts.slashed += 1
        switch DateParser.forcedOrder(of: value) {
        case .dayFirst: counts.dayFirst += 1
        case .monthFirst: counts.monthFirst += 1
        case nil: break
        }
    }

    private func decideOrder(
        _ counts: (dayFirst: Int, monthFirst: Int, slashed: Int)?, file: ExportFile, plan: ColumnPlan,
        diagnostics: inout [Diagnostic]
    ) -> DayMonthOrder {
        guard let counts, counts.slashed > 0, let created = plan.createdAt else { return .monthFirst }
        let column = created < file.columns.count ? file.columns[created] : "#\(created + 1)"
        let location = SourceLocation(file: file.fileName, column: created + 1)
        if counts.dayFirst > 0 && counts.monthFirst > 0 {
            let order: DayMonthOrder = counts.dayFirst >= counts.monthFirst ? .dayFirst : .monthFirst
            diagnostics.append(Diagnostic(
                .warning,
                "column '\(column)' mixes day-first and month-first dates (\(counts.dayFirst) vs \(counts.monthFirst)); read as \(order.rawValue). Set created_at_format in a mapping to decide it.",
                at: location))
            return order
        }
        if counts.dayFirst > 0 { return .dayFirst }
        if counts.monthFirst > 0 { return .monthFirst }
        diagnostics.append(Diagnostic(
            .warning,
            "every date in column '\(column)' could be day-first or month-first; read as month-first. Set created_at_format = \"day-first\" in a mapping for this file if that is wrong.",
            at: location))
        return .monthFirst
    }

    private func makeRecord(
        _ texts: [String], file: ExportFile, line: Int, plan: ColumnPlan, zone: ZoneConverter, order: DayMonthOrder,
        reporting: ZoneConverter
    ) -> Result<NormalizedRecord, RowRejection> {
        func reject(_ reason: String, _ column: Int?) -> Result<NormalizedRecord, RowRejection> {
            .failure(RowRejection(fileID: file.id, line: line, fieldNumber: column.map { $0 + 1 }, reason: reason, excerpt: excerpt(texts)))
        }
        func cell(_ index: Int?) -> String {
            guard let index, index < texts.count else { return "" }
            return texts[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let exclusion = plan.exclusion, exclusion.values.contains(cell(exclusion.column).lowercased()) {
            return reject(exclusion.reason, exclusion.column)
        }
        let createdAt: Int64
        if let createdColumn = plan.createdAt {
            var createdText = cell(createdColumn)
            if createdText.isEmpty, let fallback = plan.createdAtFallback { createdText = cell(fallback) }
            guard let created = DateParser.parse(createdText, order: order) else {
                let name = createdColumn < file.columns.count ? file.columns[createdColumn] : ""
                return reject(
                    createdText.isEmpty ? "the date column '\(name)' is empty" : "cannot read '\(createdText.prefix(40))' in column '\(name)' as a date",
                    createdColumn)
            }
            createdAt = utc(created, zone: zone)
        } else {
            createdAt = file.modifiedAt
        }
        let updatedAt = plan.updatedAt.flatMap { DateParser.parse(cell($0), order: order) }.map { utc($0, zone: zone) }
        let sourceID = cell(plan.id).isEmpty ? "row-" + stableHash(texts) : cell(plan.id)
        let text = plan.text.map(cell).filter { !$0.isEmpty }.joined(separator: "\n\n")
        var attributes: [String: String] = [:]
        for (name, column) in plan.attributes {
            let value = cell(column)
            if !value.isEmpty { attributes[name] = value }
        }
        let score = plan.score.flatMap { ScoreParser.score(cell($0.column), scale: $0.scale) }
        return .success(NormalizedRecord(
            id: RecordID(source: file.source, sourceID: sourceID), kind: plan.kind, tool: file.tool ?? "mapped",
            createdAt: createdAt, week: reporting.week(ofUTC: createdAt), updatedAt: updatedAt, score: score,
            title: cell(plan.title), text: text, attributes: attributes, fileID: file.id, line: line))
    }

    private func utc(_ timestamp: ParsedTimestamp, zone: ZoneConverter) -> Int64 {
        if let offset = timestamp.utcOffsetSeconds { return timestamp.civil.secondsSinceEpochAsUTC - Int64(offset) }
        return zone.utcSeconds(of: timestamp.civil)
    }

    /// The newer of two versions: by the tool's updated-at when both have one, else the later export, then the later line.
    private func isNewer(_ candidate: NormalizedRecord, than existing: NormalizedRecord) -> Bool {
        if let new = candidate.updatedAt, let old = existing.updatedAt, new != old { return new > old }
        return (candidate.fileID, candidate.line) > (existing.fileID, existing.line)
    }

    private func excerpt(_ texts: [String]) -> String {
        let joined = texts.joined(separator: " | ")
        return joined.count > 300 ? String(joined.prefix(300)) + "…" : joined
    }

    /// FNV-1a over the row's fields: a stable id for rows whose export has none.
    private func stableHash(_ texts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for text in texts {
            for byte in text.utf8 {
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

/// The workspace configuration asks for something normalization cannot do.
public struct NormalizeConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The sentence shown to the user.
    public var message: String

    public var description: String { message }
}
