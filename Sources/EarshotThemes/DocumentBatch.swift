import EarshotModel

/// Some records' ids and texts as the detector reads them, the texts in one contiguous UTF-8 buffer.
///
/// The themes stage reads millions of records: one `String` per record would hold every text in memory at once,
/// while a batch is tokenized and dropped as soon as the next one is read.
public struct DocumentBatch: Sendable {
    /// The records, in the order their texts were appended.
    public private(set) var ids: [RecordID] = []
    /// Every text's UTF-8 bytes, one after the other.
    private(set) var bytes: [UInt8] = []
    /// Text `i` is `bytes[ends[i - 1]..<ends[i]]` (from 0 for the first).
    private(set) var ends: [Int] = []
    /// Each record's emotion cues when an earlier run found them in the same text, `nil` when they must be found.
    private(set) var knownEmotions: [EmotionSet?] = []

    /// Creates an empty batch.
    public init() {}

    /// The number of records.
    public var count: Int { ends.count }

    /// The number of text bytes.
    public var byteCount: Int { bytes.count }

    /// Appends a record's title and text, joined as ``NormalizedRecord/fullText`` joins them.
    ///
    /// `knownEmotions` are the record's emotion cues when they are known already: the text is then not read for them.
    public mutating func append(
        id: RecordID, title: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>, knownEmotions: EmotionSet? = nil
    ) {
        ids.append(id)
        self.knownEmotions.append(knownEmotions)
        bytes.append(contentsOf: title)
        if !title.isEmpty && !text.isEmpty { bytes.append(UInt8(ascii: "\n")) }
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
    }

    /// Appends a record's full text.
    public mutating func append(id: RecordID, text: String) {
        ids.append(id)
        knownEmotions.append(nil)
        bytes.append(contentsOf: text.utf8)
        ends.append(bytes.count)
    }

    /// Calls `body` with each text's bytes, in order.
    func forEachText(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            for end in ends {
                body(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                start = end
            }
        }
    }

    /// Takes the ids out, so that a worker that needs only the texts is not handed them.
    mutating func removeIDs() -> [RecordID] {
        defer { ids = [] }
        return ids
    }
}
