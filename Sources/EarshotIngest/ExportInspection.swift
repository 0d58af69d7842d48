import EarshotModel

/// What Earshot learns about an export before reading its data: identity, encoding, separator and layout.
public struct ExportInspection: Sendable, Hashable {
    /// The path as the user gave it.
    public var path: String
    /// The file name, without folders.
    public var fileName: String
    /// The SHA-256 of the file's bytes, lowercase hex; two files with the same hash are the same export.
    public var sha256: String
    /// The file's size in bytes.
    public var byteCount: Int64
    /// The file's modification time, seconds since 1970 UTC.
    public var modifiedAt: Int64 = 0
    /// The detected encoding.
    public var encoding: ExportEncoding
    /// The field separator, detected or given.
    public var delimiter: UInt8
    /// The header rows as read, before any combination.
    public var headerRows: [[String]]
    /// The layout, or `nil` when no mapping or fingerprint recognised the file.
    public var layout: ExportLayout?
    /// The file's stamp before it was first read; ``FileIngester/readRows(of:_:)`` rejects the file when it changed.
    public var stamp: FileStamp?

    /// Creates an inspection.
    public init(
        path: String, fileName: String, sha256: String, byteCount: Int64, encoding: ExportEncoding, delimiter: UInt8,
        headerRows: [[String]], layout: ExportLayout?
    ) {
        self.path = path
        self.fileName = fileName
        self.sha256 = sha256
        self.byteCount = byteCount
        self.encoding = encoding
        self.delimiter = delimiter
        self.headerRows = headerRows
        self.layout = layout
    }

    /// The separator as text, for messages (`,`, `;`, `tab`).
    public var delimiterName: String { delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter)) }
}
