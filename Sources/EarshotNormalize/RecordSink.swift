import EarshotModel

/// Where the normalize stage puts what it makes, as it makes it, so that millions of records never sit in memory.
public protocol RecordSink {
    /// Stores a record; `replacing` says an older version with the same id was stored before and must go.
    mutating func store(_ record: NormalizedRecord, replacing: Bool) throws
    /// Notes a row that became part of another record (an older version, or one more row of the same ticket).
    mutating func storeMerged(_ duplicate: MergedDuplicate) throws
    /// Notes a row that could not become a record.
    mutating func storeRejected(_ rejection: RowRejection) throws
    /// The version of a record stored before this run, when the run merges new files into stored records
    /// (``RecordNormalizer/mergesWithStoredRecords``): its tool's updated-at and the file and line it came from.
    func storedVersion(of id: RecordID) throws -> (updatedAt: Int64?, fileID: Int64, line: Int)?
}

extension RecordSink {
    /// No stored records: a rebuild starts from an empty table.
    public func storedVersion(of id: RecordID) throws -> (updatedAt: Int64?, fileID: Int64, line: Int)? { nil }
}

/// A sink that keeps everything in memory: for tests and small runs.
public struct CollectingRecordSink: RecordSink {
    /// Records by id.
    public private(set) var records: [RecordID: NormalizedRecord] = [:]
    /// Merged rows, in arrival order.
    public private(set) var merged: [MergedDuplicate] = []
    /// Rejected rows, in arrival order.
    public private(set) var rejected: [RowRejection] = []

    /// Creates an empty sink.
    public init() {}

    public mutating func store(_ record: NormalizedRecord, replacing: Bool) throws { records[record.id] = record }
    public mutating func storeMerged(_ duplicate: MergedDuplicate) throws { merged.append(duplicate) }
    public mutating func storeRejected(_ rejection: RowRejection) throws { rejected.append(rejection) }
}
