import EarshotModel

/// Finds exact repeats: the same words from the same author less than a day apart.
///
/// Customers paste the same complaint into a form twice, or a widget submits twice; such a record is flagged, not
/// dropped, so counts can leave it out while nothing is lost. Of a group of repeats the earliest (then the smallest
/// id) is the original; every later one within 24 hours of an earlier one is flagged, whatever order rows came in.
public enum RepeatedTexts {
    /// One record as the check needs it.
    public struct Candidate: Sendable, Hashable {
        /// The record.
        public var id: RecordID
        /// When it was written.
        public var createdAt: Int64
        /// Its author's hash.
        public var authorHash: String
        /// Its cleaned text.
        public var text: String

        /// Creates a candidate.
        public init(id: RecordID, createdAt: Int64, authorHash: String, text: String) {
            self.id = id
            self.createdAt = createdAt
            self.authorHash = authorHash
            self.text = text
        }
    }

    /// The ids of the records that repeat an earlier one.
    public static func repeats(among candidates: [Candidate]) -> Set<RecordID> {
        var groups: [String: [Candidate]] = [:]
        for candidate in candidates where !candidate.text.isEmpty {
            groups[candidate.authorHash + "\u{1F}" + candidate.text, default: []].append(candidate)
        }
        var flagged = Set<RecordID>()
        for group in groups.values where group.count > 1 {
            let ordered = group.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            for index in 1..<ordered.count where ordered[index].createdAt - ordered[index - 1].createdAt < 86_400 {
                flagged.insert(ordered[index].id)
            }
        }
        return flagged
    }

    /// The fingerprint of an author's text: equal for equal (author, text) pairs, and the same on every machine and
    /// run (it is stored), so it is not `Hasher`. Eight bytes at a time: it runs over every record's text.
    public static func fingerprint(authorHash: String, text: String) -> Int64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func mix(_ word: UInt64) {
            state = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
            state ^= state >> 31
        }
        func absorb(_ string: String) {
            var copy = string
            copy.withUTF8 { bytes in
                let raw = UnsafeRawBufferPointer(bytes)
                var index = 0
                while index + 8 <= raw.count {
                    mix(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    index += 8
                }
                var tail: UInt64 = 0
                var shift: UInt64 = 0
                while index < raw.count {
                    tail |= UInt64(raw[index]) << shift
                    shift += 8
                    index += 1
                }
                mix(tail ^ (UInt64(raw.count) << 56))
            }
        }
        absorb(authorHash)
        absorb(text)
        return Int64(bitPattern: state)
    }
}
