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

    mutating func store(_ record: NormalizedRecord, replacing: Bool) throws { try writer.store(record, replacing: replacing) }
    mutating func storeMerged(_ duplicate: MergedDuplicate) throws { try writer.storeMerged(duplicate) }
    mutating func storeRejected(_ rejection: RowRejection) throws { try writer.storeRejected(rejection) }
}
