import EarshotModel
import EarshotNormalize
import EarshotTestSupport
import Foundation

/// A minimal RFC 4180 reader for UTF-8 fixtures (this target does not depend on EarshotIngest).
///
/// Rows carry the physical line they start on; a CR right before a record-ending LF is dropped, while CR and LF inside
/// quotes are kept; empty lines are skipped, as libcsv does.
enum TestCSV {
    static func parse(_ input: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) -> [(line: Int, fields: [[UInt8]])] {
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var rows: [(line: Int, fields: [[UInt8]])] = []
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var inQuotes = false
        var afterQuote = false
        var rowHasContent = false
        var line = 1
        var rowLine = 1
        let quote = UInt8(ascii: "\"")
        var index = bytes.startIndex
        func endRow() {
            if rowHasContent {
                fields.append(field)
                rows.append((rowLine, fields))
            }
            fields = []
            field = []
            rowHasContent = false
            afterQuote = false
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            if inQuotes {
                if byte == quote {
                    if index < bytes.endIndex, bytes[index] == quote {
                        field.append(quote)
                        index = bytes.index(after: index)
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case 0x0A:
                endRow()
                line += 1
            case 0x0D where index < bytes.endIndex && bytes[index] == 0x0A:
                continue
            case delimiter:
                if !rowHasContent { rowHasContent = true; rowLine = line }
                fields.append(field)
                field = []
                afterQuote = false
            case quote where field.isEmpty && !afterQuote:
                if !rowHasContent { rowHasContent = true; rowLine = line }
                inQuotes = true
            default:
                if !rowHasContent { rowHasContent = true; rowLine = line }
                field.append(byte)
            }
        }
        endRow()
        return rows
    }
}

/// An export file and its data rows, ready for ``RecordNormalizer``.
struct TestExport {
    var file: ExportFile
    var rows: [(line: Int, fields: [[UInt8]])]

    /// Loads a UTF-8 fixture: the first row names the columns; for a 3-row Qualtrics header the second row gives the
    /// labels and the third the `timeZone`s, as the layout detector reads them.
    static func fixture(
        _ relative: String, id: Int64, tool: String?, source: String? = nil, headerRows: Int = 1,
        mapping: SourceMapping? = nil
    ) throws -> TestExport {
        let all = TestCSV.parse(Array(try Data(contentsOf: FixturePaths.url(relative))))
        let header = all.prefix(headerRows).map { $0.fields.map { String(decoding: $0, as: UTF8.self) } }
        var timeZones: [Int: String] = [:]
        if headerRows == 3 {
            for (index, cell) in header[2].enumerated() {
                if let object = try? JSONSerialization.jsonObject(with: Data(cell.utf8)) as? [String: Any],
                    let zone = object["timeZone"] as? String
                {
                    timeZones[index] = zone
                }
            }
        } else {
            for (index, name) in header[0].enumerated() where HeaderName.normalize(name).hasSuffix("(utc)") {
                timeZones[index] = "UTC"
            }
        }
        let file = ExportFile(
            id: id, fileName: FixturePaths.url(relative).lastPathComponent, tool: tool,
            source: source ?? mapping?.name ?? tool ?? "unknown", columns: header[0],
            labels: headerRows > 1 ? header[1] : [], timeZones: timeZones, mapping: mapping)
        return TestExport(file: file, rows: Array(all.dropFirst(headerRows)))
    }

    /// An in-memory export: `columns` and text rows starting on line 2.
    static func memory(
        id: Int64, fileName: String = "memory.csv", tool: String?, source: String, columns: [String],
        timeZones: [Int: String] = [:], mapping: SourceMapping? = nil, rows: [[String]]
    ) -> TestExport {
        let file = ExportFile(
            id: id, fileName: fileName, tool: tool, source: source, columns: columns, timeZones: timeZones, mapping: mapping)
        return TestExport(file: file, rows: rows.enumerated().map { ($0.offset + 2, $0.element.map { Array($0.utf8) }) })
    }
}

extension RecordNormalizer {
    /// Normalizes exports held in memory, feeding rows in the given file order.
    func normalize(_ exports: [TestExport]) throws -> NormalizationResult {
        try normalize(files: exports.map(\.file), rows: MemoryRows(exports: exports))
    }
}

/// Rows held in memory, encoded as the workspace stores them.
struct MemoryRows: StoredRowSource {
    var exports: [TestExport]

    func forEachRow(
        ofFile fileID: Int64?, limit: Int?, _ body: (_ fileID: Int64, _ line: Int, _ encoded: UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var remaining = limit ?? .max
        for export in exports where fileID == nil || export.file.id == fileID {
            for row in export.rows {
                guard remaining > 0 else { return }
                remaining -= 1
                try RowEncoding.encode(row.fields).withUnsafeBytes { try body(export.file.id, row.line, $0) }
            }
        }
    }
}

/// Seconds since 1970 UTC of a UTC wall-clock time.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Int64 {
    CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)!.secondsSinceEpochAsUTC
}

/// Mappings used by the normalize tests.
enum TestMappings {
    static func appReviews(format: String = "day-first") -> SourceMapping {
        SourceMapping(
            name: "app_reviews", filePattern: "app_reviews*.csv", kind: .review, idColumn: "review_id",
            createdAtColumn: "posted", createdAtFormat: format, titleColumn: "title", textColumns: ["body"],
            scoreColumn: "stars", scale: .oneToFive, attributeColumns: ["app_version", "country"])
    }

    static func simple(name: String = "simple", format: String = "auto", timeZone: String? = nil, text: String = "text") -> SourceMapping {
        SourceMapping(
            name: name, requiredColumns: ["id"], kind: .survey, idColumn: "id", createdAtColumn: "date",
            createdAtFormat: format, timeZone: timeZone, textColumns: [text])
    }
}
