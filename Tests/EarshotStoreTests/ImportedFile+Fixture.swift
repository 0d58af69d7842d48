import EarshotStore

extension ImportedFile {
    /// A small Delighted export's file entry, named after its hash, for the store's tests.
    static func fixture(_ sha: String) -> ImportedFile {
        ImportedFile(sha256: sha, path: "/x/\(sha).csv", fileName: "\(sha).csv", byteCount: 10, encoding: "utf-8", delimiter: ",",
                     tool: "delighted", source: "delighted", headerRowCount: 1, columns: ["Id", "Comment"], labels: [],
                     timeZones: [1: "UTC"], ingestedAt: "2026-11-22T00:00:00Z")
    }
}
