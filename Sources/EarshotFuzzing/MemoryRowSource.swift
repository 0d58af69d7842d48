import EarshotNormalize

/// Ingested rows kept in memory, standing in for the workspace's `rawRow` table.
struct MemoryRowSource: StoredRowSource {
    var rows: [(line: Int, encoded: [UInt8])] = []

    func forEachRow(
        ofFile fileID: Int64?, limit: Int?, _ body: (_ fileID: Int64, _ line: Int, _ encoded: UnsafeRawBufferPointer) throws -> Void
    ) throws {
        for row in rows.prefix(limit ?? rows.count) {
            try row.encoded.withUnsafeBytes { try body(1, row.line, $0) }
        }
    }
}
