import EarshotModel

/// Consecutive stored rows of one file, copied out of the store so that another thread can normalize them while the
/// reading thread goes on: the store's bytes are valid only during its read callback.
struct RowBatch: Sendable {
    /// How many rows a batch holds: enough that handing it over costs nothing next to normalizing it, few enough
    /// that the batches in flight stay a few megabytes.
    static let capacity = 1024

    let fileID: Int64
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private(set) var lines: [Int] = []

    init(fileID: Int64) {
        self.fileID = fileID
        ends.reserveCapacity(Self.capacity)
        lines.reserveCapacity(Self.capacity)
    }

    var count: Int { lines.count }
    var isFull: Bool { count >= Self.capacity }

    mutating func append(line: Int, encoded: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: encoded)
        ends.append(bytes.count)
        lines.append(line)
    }

    /// Calls `body` with each row's line and encoded bytes, in order.
    func forEachRow(_ body: (_ line: Int, _ encoded: UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { all in
            var start = 0
            for index in 0..<count {
                body(lines[index], UnsafeRawBufferPointer(rebasing: all[start..<ends[index]]))
                start = ends[index]
            }
        }
    }
}

/// What one row became, worked out away from the reading thread; the stream's state (duplicates, counts) is only
/// changed when outcomes are applied, in row order.
enum RowOutcome: Sendable {
    /// A record, with its key in the stream's index, and whether its NPS group column disagreed with its score.
    case record(NormalizedRecord, key: StreamState.Key, groupDisagrees: Bool)
    case rejected(RowRejection)
}
