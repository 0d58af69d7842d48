import EarshotModel

/// Rows of one file that together make one record (a ticket repeated per tag value, a conversation per message).
struct PendingRows {
    var records: [RecordID: NormalizedRecord] = [:]
    var rows: [RecordID: [(fileID: Int64, line: Int)]] = [:]
    var mergedCount = 0

    mutating func add(_ record: NormalizedRecord, sink: inout some RecordSink) throws {
        guard var combined = records[record.id] else {
            records[record.id] = record
            rows[record.id] = []
            return
        }
        rows[record.id, default: []].append((record.fileID, record.line))
        combined.text = Self.join(combined.text, record.text)
        combined.originalText = Self.join(combined.originalText, record.originalText)
        combined.reply = Self.join(combined.reply, record.reply)
        if combined.title.isEmpty { combined.title = record.title }
        if record.createdAt < combined.createdAt {
            combined.createdAt = record.createdAt
            combined.week = record.week
        }
        if let updated = record.updatedAt { combined.updatedAt = max(combined.updatedAt ?? updated, updated) }
        if combined.score == nil { combined.score = record.score }
        if combined.authorHash == nil { combined.authorHash = record.authorHash }
        for (name, values) in record.attributes {
            for value in values where !(combined.attributes[name] ?? []).contains(value) {
                combined.attributes[name, default: []].append(value)
            }
        }
        records[record.id] = combined
    }

    /// Hands the file's combined records on, in the order of their first rows.
    mutating func flush(into state: inout StreamState, sink: inout some RecordSink) throws {
        for var record in records.values.sorted(by: { ($0.fileID, $0.line) < ($1.fileID, $1.line) }) {
            if let author = record.authorHash, !record.text.isEmpty {
                record.textFingerprint = RepeatedTexts.fingerprint(authorHash: author, text: record.text)
            }
            try state.offer(record, key: StreamState.Key(record.id), sink: &sink)
            for row in rows[record.id] ?? [] {
                mergedCount += 1
                try sink.storeMerged(MergedDuplicate(recordID: record.id, fileID: row.fileID, line: row.line))
            }
        }
        records = [:]
        rows = [:]
    }

    private static func join(_ first: String, _ second: String) -> String {
        if second.isEmpty || first == second { return first }
        if first.isEmpty { return second }
        return first + "\n\n" + second
    }
}
