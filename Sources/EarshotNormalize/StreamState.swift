import EarshotModel

/// The record ids seen so far and where their winning versions came from.
struct StreamState {
    struct Key: Hashable, Sendable {
        var high: UInt64
        var low: UInt64

        init(high: UInt64, low: UInt64) {
            self.high = high
            self.low = low
        }

        init(_ id: RecordID) {
            var first: UInt64 = 0xcbf2_9ce4_8422_2325
            var second: UInt64 = 0x84_222_325_cbf2_9ce4
            for byte in id.description.utf8 {
                first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                second = (second &+ UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15
                second ^= second >> 29
            }
            high = first
            low = second
        }
    }

    struct Version {
        var updatedAt: Int64?
        var fileID: Int64
        var line: Int
    }

    var index = RecordIndex()
    var mergedCount = 0
    var rejectedCount = 0
    var fingerprints = FingerprintSet()
    var repeatedFingerprints = Set<Int64>()
    var groupDisagreements: [Int64: Int] = [:]
    /// Whether records are compared with the sink's stored versions (a nightly merge) as well as with this run's.
    var mergesWithStored = false

    /// Keeps the newer of a record and the version stored before: by the tool's updated-at when both have one and
    /// they differ, else the later export, then the later line.
    /// `key` is `Key(record.id)`, worked out by the caller (on the thread that made the record).
    mutating func offer(_ record: NormalizedRecord, key: Key, sink: inout some RecordSink) throws {
        let version = Version(updatedAt: record.updatedAt, fileID: record.fileID, line: record.line)
        if let fingerprint = record.textFingerprint, !fingerprints.insert(fingerprint) || mergesWithStored {
            // A merged-in record may repeat a stored one: all its fingerprints are checked.
            repeatedFingerprints.insert(fingerprint)
        }
        var previous = index[key]
        if previous == nil, mergesWithStored, let stored = try sink.storedVersion(of: record.id) {
            previous = Version(updatedAt: stored.updatedAt, fileID: stored.fileID, line: stored.line)
        }
        guard let existing = previous else {
            index[key] = version
            try sink.store(record, replacing: false)
            return
        }
        mergedCount += 1
        if Self.isNewer(version, than: existing) {
            index[key] = version
            try sink.storeMerged(MergedDuplicate(recordID: record.id, fileID: existing.fileID, line: existing.line))
            try sink.store(record, replacing: true)
        } else {
            index[key] = existing
            try sink.storeMerged(MergedDuplicate(recordID: record.id, fileID: record.fileID, line: record.line))
        }
    }

    static func isNewer(_ candidate: Version, than existing: Version) -> Bool {
        if let new = candidate.updatedAt, let old = existing.updatedAt, new != old { return new > old }
        return (candidate.fileID, candidate.line) > (existing.fileID, existing.line)
    }
}
