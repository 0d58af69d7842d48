import EarshotModel

/// The stored raw rows, readable more than once: the whole workspace, or one file.
public protocol StoredRowSource {
    /// Calls `body` with each stored row (its file, line and ``RowEncoding`` bytes) in storage order: every file
    /// when `fileID` is `nil`, else only that file's rows, at most `limit` of them.
    func forEachRow(
        ofFile fileID: Int64?, limit: Int?, _ body: (_ fileID: Int64, _ line: Int, _ encoded: UnsafeRawBufferPointer) throws -> Void
    ) throws
}
