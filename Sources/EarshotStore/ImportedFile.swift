import EarshotModel
import Foundation
import GRDB

/// One ingested export file, as the `importedFile` table holds it.
public struct ImportedFile: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    /// The workspace id.
    public var id: Int64?
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    /// The path it was ingested from.
    public var path: String
    /// The file name.
    public var fileName: String
    /// Its size in bytes.
    public var byteCount: Int64
    /// Its modification time when ingested, in seconds since 1970 UTC: the date of records whose export has none.
    public var modifiedAt: Int64
    /// Its detected encoding (`utf-8`, `utf-16le`…).
    public var encoding: String
    /// Its field separator.
    public var delimiter: String
    /// The built-in tool that produced it, if one was recognised.
    public var tool: String?
    /// The source name its records carry (the tool or the mapping name).
    public var source: String
    /// How many header rows it has.
    public var headerRowCount: Int
    /// Column names, JSON array.
    public var columns: String
    /// Second header names (question text, sub-headers), JSON array.
    public var labels: String
    /// Time zones named by the header, JSON object from column index to IANA name.
    public var timeZones: String
    /// Data rows read (records + merged duplicates + quarantined rows, once normalized).
    public var rowCount: Int
    /// When it was ingested (ISO 8601 UTC); workspace bookkeeping, never shown in reports.
    public var ingestedAt: String

    /// Creates a file row.
    public init(
        id: Int64? = nil, sha256: String, path: String, fileName: String, byteCount: Int64, modifiedAt: Int64 = 0, encoding: String,
        delimiter: String, tool: String?, source: String, headerRowCount: Int, columns: [String], labels: [String],
        timeZones: [Int: String], rowCount: Int = 0, ingestedAt: String
    ) {
        self.id = id
        self.sha256 = sha256
        self.path = path
        self.fileName = fileName
        self.byteCount = byteCount
        self.modifiedAt = modifiedAt
        self.encoding = encoding
        self.delimiter = delimiter
        self.tool = tool
        self.source = source
        self.headerRowCount = headerRowCount
        self.columns = JSONText.encode(columns)
        self.labels = JSONText.encode(labels)
        self.timeZones = JSONText.encode(Dictionary(uniqueKeysWithValues: timeZones.map { (String($0.key), $0.value) }))
        self.rowCount = rowCount
        self.ingestedAt = ingestedAt
    }

    /// The column names.
    public var columnNames: [String] { JSONText.decode([String].self, from: columns) ?? [] }
    /// The second header names.
    public var labelNames: [String] { JSONText.decode([String].self, from: labels) ?? [] }
    /// The time zones named by the header, by column index.
    public var columnTimeZones: [Int: String] {
        let raw = JSONText.decode([String: String].self, from: timeZones) ?? [:]
        return Dictionary(uniqueKeysWithValues: raw.compactMap { key, value in Int(key).map { ($0, value) } })
    }
}

/// Small JSON helpers for the text columns that hold arrays and objects; keys are sorted so bytes are stable.
enum JSONText {
    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from text: String) -> Value? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
