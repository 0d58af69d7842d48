import Foundation

/// The facts `Fixtures/MANIFEST.json` records about each fixture file, for tests to assert.
public struct FixtureManifest: Sendable, Hashable, Codable {
    /// One fixture file.
    public struct Entry: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The path relative to `Fixtures/` (`sample/qualtrics_nps_3header.csv`).
        public var path: String
        /// The tool that produced the export (`qualtrics`…), or `nil` when no built-in tool should recognise it.
        public var tool: String?
        /// The encoding name (`utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `windows-1252`).
        public var encoding: String
        /// The field separator as text (`,`, `;`), or `nil` for an empty file.
        public var delimiter: String?
        /// The record terminator (`lf`, `crlf`), or `nil` for an empty file.
        public var lineEnding: String?
        /// Whether the last record ends with a line ending.
        public var finalNewline: Bool
        /// How many header rows the file has.
        public var headerRows: Int
        /// How many data rows the file intends (including Qualtrics preview rows and rows that are broken).
        public var dataRows: Int
        /// The id of the first data row, when the tool has an id column.
        public var firstId: String?
        /// The id of the last data row, when the tool has an id column.
        public var lastId: String?
        /// The free-text answer or ticket body of the first data row, exactly as the cell decodes.
        public var firstText: String?
        /// How many Qualtrics `Survey Preview` rows the data rows include, when stated.
        public var previewRows: Int?
        /// Physical line numbers (1-based, counting header lines) of rows that cannot be read as the header says.
        public var badRows: [Int]

        /// The fixture's URL.
        public var url: URL { FixturePaths.url(path) }

        /// The fixture's file name (`qualtrics_nps_3header.csv`).
        public var fileName: String { url.lastPathComponent }

        /// The separator as one byte, when there is one.
        public var delimiterByte: UInt8? { delimiter.flatMap { $0.utf8.count == 1 ? $0.utf8.first : nil } }

        public var description: String { path }

        /// Creates an entry.
        public init(
            path: String, tool: String?, encoding: String, delimiter: String?, lineEnding: String?, finalNewline: Bool,
            headerRows: Int, dataRows: Int, firstId: String?, lastId: String?, firstText: String?,
            previewRows: Int? = nil, badRows: [Int] = []
        ) {
            self.path = path
            self.tool = tool
            self.encoding = encoding
            self.delimiter = delimiter
            self.lineEnding = lineEnding
            self.finalNewline = finalNewline
            self.headerRows = headerRows
            self.dataRows = dataRows
            self.firstId = firstId
            self.lastId = lastId
            self.firstText = firstText
            self.previewRows = previewRows
            self.badRows = badRows
        }

        private enum CodingKeys: String, CodingKey {
            case path, tool, encoding, delimiter, lineEnding, finalNewline, headerRows, dataRows, firstId, lastId
            case firstText, previewRows, badRows
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            path = try container.decode(String.self, forKey: .path)
            tool = try container.decodeIfPresent(String.self, forKey: .tool)
            encoding = try container.decode(String.self, forKey: .encoding)
            delimiter = try container.decodeIfPresent(String.self, forKey: .delimiter)
            lineEnding = try container.decodeIfPresent(String.self, forKey: .lineEnding)
            finalNewline = try container.decodeIfPresent(Bool.self, forKey: .finalNewline) ?? true
            headerRows = try container.decode(Int.self, forKey: .headerRows)
            dataRows = try container.decode(Int.self, forKey: .dataRows)
            firstId = try container.decodeIfPresent(String.self, forKey: .firstId)
            lastId = try container.decodeIfPresent(String.self, forKey: .lastId)
            firstText = try container.decodeIfPresent(String.self, forKey: .firstText)
            previewRows = try container.decodeIfPresent(Int.self, forKey: .previewRows)
            badRows = try container.decodeIfPresent([Int].self, forKey: .badRows) ?? []
        }
    }

    /// Every fixture, in manifest order.
    public var entries: [Entry]

    /// Creates a manifest from entries.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    public init(from decoder: any Decoder) throws {
        entries = try decoder.singleValueContainer().decode([Entry].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }

    /// The URL of `Fixtures/MANIFEST.json`.
    public static var url: URL { FixturePaths.url("MANIFEST.json") }

    /// Reads and decodes `Fixtures/MANIFEST.json`.
    public static func load() throws -> FixtureManifest {
        try JSONDecoder().decode(FixtureManifest.self, from: Data(contentsOf: url))
    }

    /// The manifest, or a crash with the reason when the file is missing or malformed (for `@Test(arguments:)`).
    public static let shared: FixtureManifest = {
        do {
            return try load()
        } catch {
            fatalError("FixtureManifest: cannot read \(url.path): \(error)")
        }
    }()

    /// The entry for a path relative to `Fixtures/`.
    public func entry(_ path: String) -> Entry? {
        entries.first { $0.path == path }
    }

    /// Every entry, the usual argument list of a parameterised test.
    public static var all: [Entry] { shared.entries }
}
