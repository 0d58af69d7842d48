import EarshotModel
import EarshotNormalize
import EarshotStore

/// The workspace's raw rows as the normalizer reads them.
struct StoreRowSource: StoredRowSource {
    let reader: RawRowReader

    func forEachRow(
        ofFile fileID: Int64?, limit: Int?, _ body: (_ fileID: Int64, _ line: Int, _ encoded: UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try reader.forEachRow(ofFile: fileID, limit: limit, body)
    }
}

/// The normalizer's output, written straight into the workspace.
struct StoreRecordSink: RecordSink {
    var writer: RecordWriter
    /// Told every 2,000 rows accounted for, against the rows the workspace holds.
    var progress: (any ProgressObserver)?
    var expectedRows: Int
    private var rowsSeen = 0

    init(writer: RecordWriter, progress: (any ProgressObserver)? = nil, expectedRows: Int = 0) {
        self.writer = writer
        self.progress = progress
        self.expectedRows = expectedRows
    }

    mutating func store(_ record: NormalizedRecord, replacing: Bool) throws {
        try writer.store(record, replacing: replacing)
        counted()
    }

    mutating func storeMerged(_ duplicate: MergedDuplicate) throws {
        try writer.storeMerged(duplicate)
        counted()
    }

    mutating func storeRejected(_ rejection: RowRejection) throws {
        try writer.storeRejected(rejection)
        counted()
    }

    func storedVersion(of id: RecordID) throws -> (updatedAt: Int64?, fileID: Int64, line: Int)? {
        try writer.storedVersion(of: id).map { ($0.updatedAt, $0.fileID, $0.line) }
    }

    private mutating func counted() {
        rowsSeen += 1
        guard let progress, rowsSeen % 2_000 == 0 else { return }
        progress.update(StageProgress(stage: "normalize", done: rowsSeen, unit: "rows",
                                      fraction: expectedRows > 0 ? Double(rowsSeen) / Double(expectedRows) : nil))
    }
}
