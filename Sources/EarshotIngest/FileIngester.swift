import Crypto
import EarshotModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Stage 1, ingest: turns an export file into its header layout and a stream of raw data rows.
///
/// Ingest happens in two steps so the store can skip a file it has already seen before reading any row:
/// ``inspect(path:)`` hashes the file and reads its header; ``readRows(of:_:)`` streams the data rows.
public struct FileIngester: Sendable {
    /// The layout detector, holding the mappings from `earshot.toml`.
    public var detector: LayoutDetector
    /// A separator that overrides detection (`--delimiter`).
    public var delimiterOverride: UInt8?
    /// The read size in bytes.
    public var chunkSize: Int
    /// The longest field accepted.
    public var maxFieldBytes: Int

    /// Creates an ingester.
    public init(
        detector: LayoutDetector = LayoutDetector(), delimiterOverride: UInt8? = nil, chunkSize: Int = 1 << 20,
        maxFieldBytes: Int = 1 << 20
    ) {
        self.detector = detector
        self.delimiterOverride = delimiterOverride
        self.chunkSize = chunkSize
        self.maxFieldBytes = maxFieldBytes
    }

    /// What ``readRows(of:_:)`` hands over.
    public enum Event: Sendable {
        /// A data row, whose field count matches the header.
        case row(CSVRow)
        /// A data row that was set aside: it could not be parsed or its field count is wrong.
        case quarantined(line: Int, column: Int?, reason: String, excerpt: [UInt8])
    }

    /// Reads a file's first bytes and header rows; with `hashing`, also hashes the whole file.
    ///
    /// Without `hashing` the inspection's `sha256` is empty: a caller that knows no stored file has this size can
    /// hash while it ingests (see ``sha256(path:)``) instead of reading the file twice.
    /// - Throws: ``ExportRejection`` when the file is empty or unreadable. An unrecognised layout is not thrown here:
    ///   the inspection's `layout` is `nil`, so the caller can still tell an already-ingested file apart.
    public func inspect(path: String, hashing: Bool = true) throws -> ExportInspection {
        let fileName = (path as NSString).lastPathComponent
        let stamp = FileStamp(path: path)
        let (sha256, byteCount, prefix) = try hashAndPrefix(path: path, prefixOnly: !hashing)
        guard byteCount > 0 else {
            throw ExportRejection(path: path, reason: .empty, message: "the file is empty (0 bytes); there is nothing to ingest")
        }
        let encoding = ExportEncoding.sniff(prefix: prefix)
        if let content = BinaryContent.describe(prefix: prefix, encoding: encoding) {
            throw ExportRejection(path: path, reason: .notText, message: "the file is \(content); Earshot reads CSV text exports")
        }
        var transcoder = Transcoder(encoding: encoding)
        var utf8Prefix: [UInt8] = []
        prefix.dropFirst(encoding.byteOrderMarkLength).withUnsafeBytes { transcoder.transcode($0, into: &utf8Prefix) }
        let delimiter = delimiterOverride ?? DelimiterSniffer.sniff(utf8Prefix: utf8Prefix)

        var headerRows: [[String]] = []
        let reader = CSVReader(delimiter: delimiter, chunkSize: chunkSize, maxFieldBytes: maxFieldBytes)
        do {
            try reader.read(path: path, encoding: encoding) { event in
                if case .row(let row) = event {
                    headerRows.append(row.texts)
                    if headerRows.count == LayoutDetector.maximumHeaderRows { throw StopReading() }
                }
            }
        } catch is StopReading {
        } catch let error as CSVReadError {
            throw ExportRejection(path: path, reason: .unreadable, message: error.reason)
        }
        guard !headerRows.isEmpty else {
            throw ExportRejection(
                path: path, reason: .empty, message: "the file holds no rows, only line breaks or rows that could not be read")
        }
        let layout = detector.detect(fileName: fileName, firstRows: headerRows)
        var info = stat()
        let modifiedAt = stat(path, &info) == 0 ? Int64(info.st_mtim.tv_sec) : 0
        var inspection = ExportInspection(
            path: path, fileName: fileName, sha256: sha256, byteCount: byteCount, encoding: encoding,
            delimiter: delimiter, headerRows: layout.map { Array(headerRows.prefix($0.headerRowCount)) } ?? headerRows,
            layout: layout)
        inspection.modifiedAt = modifiedAt
        inspection.stamp = stamp
        return inspection
    }

    /// The rejection for a file whose layout nobody recognised: its header and a mapping block ready to edit.
    public static func unknownLayoutRejection(for inspection: ExportInspection) -> ExportRejection {
        let header = inspection.headerRows.first ?? []
        let name = inspection.fileName.split(separator: ".").first.map {
            String($0).lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.reduce("") { $0 + String($1) }
        } ?? "my_export"
        var taken = Set<String>()
        // Normalized once, and only the first 200 columns: the guesses scan them four times over, and a header of
        // 100,000 columns would otherwise take minutes to turn into an error message.
        let candidates = header.prefix(200).map { ($0, HeaderName.normalize($0)) }
        func guess(_ words: [String]) -> String {
            let found = candidates.first { column, normalized in
                !taken.contains(column) && words.contains { normalized.contains($0) }
            }?.0
            if let found { taken.insert(found) }
            return found ?? "COLUMN"
        }
        let idGuess = guess(["id", "uid", "key", "number"])
        let dateGuess = guess(["date", "time", "created", "submitted", "posted"])
        let scoreGuess = guess(["score", "rating", "stars"])
        let textGuess = guess(["comment", "text", "body", "feedback", "review", "description"])
        // A header of 100,000 columns would make a message nobody reads; the first 50 identify the export.
        var quoted = header.prefix(50).map { name in
            let shown = name.count > 80 ? name.prefix(80) + "…" : Substring(name)
            return "\"\(shown.replacingOccurrences(of: "\"", with: "\\\""))\""
        }
        if header.count > 50 { quoted.append("… and \(header.count - 50) more") }
        let template = """
            [sources.\(name)]
            files = "\(inspection.fileName)"
            kind = "survey"                  # nps | csat | ticket | survey | review
            id = "\(idGuess)"
            created_at = "\(dateGuess)"
            text = ["\(textGuess)"]
            # score = "\(scoreGuess)"      # with scale = "0-10" | "1-5"
            # attributes = []
            """
        return ExportRejection(
            path: inspection.path, reason: .unknownLayout,
            message: """
                no built-in tool and no mapping in earshot.toml recognises this export.
                Its header (\(header.count) columns, \(inspection.encoding.rawValue), separator '\(inspection.delimiterName)'):
                  \(quoted.joined(separator: ", "))
                Add a mapping like this one to earshot.toml, edit the column names, and ingest again:

                \(template)
                """)
    }

    /// Streams the data rows of an inspected file, checking each row's field count against the header.
    ///
    /// - Returns: The number of data rows read (rows handed over plus rows quarantined).
    @discardableResult
    public func readRows(of inspection: ExportInspection, _ handle: (Event) throws -> Void) throws -> Int {
        guard let layout = inspection.layout else { throw FileIngester.unknownLayoutRejection(for: inspection) }
        let expected = layout.columns.count
        let reader = CSVReader(delimiter: inspection.delimiter, chunkSize: chunkSize, maxFieldBytes: maxFieldBytes)
        var headerRowsLeft = layout.headerRowCount
        var dataRows = 0
        do {
            try reader.read(path: inspection.path, encoding: inspection.encoding) { event in
                switch event {
                case .row(let row):
                    if headerRowsLeft > 0 {
                        headerRowsLeft -= 1
                        return
                    }
                    if row.fieldCount < expected, layout.tool == .salesforce, ReportFooter.isSalesforceFooter(row.texts) {
                        return  // "Grand Totals (N records)", "Confidential Information…": the report's footer, not data
                    }
                    dataRows += 1
                    if row.fieldCount == expected {
                        try handle(.row(row))
                    } else {
                        let column = min(row.fieldCount, expected) + 1
                        try handle(.quarantined(
                            line: row.line, column: column,
                            reason: "expected \(expected) fields as in the header, found \(row.fieldCount)",
                            excerpt: Array(row.encoded.prefix(1024))))
                    }
                case .problem(let problem):
                    if headerRowsLeft > 0 { headerRowsLeft -= 1 }
                    dataRows += 1
                    try handle(.quarantined(line: problem.line, column: problem.column, reason: problem.reason, excerpt: problem.excerpt))
                }
            }
        } catch let error as CSVReadError {
            throw ExportRejection(path: inspection.path, reason: .unreadable, message: error.reason)
        }
        try Self.checkUnchanged(inspection)
        return dataRows
    }

    /// Throws when the file is no longer the one that was inspected: it grew, shrank, was replaced or was deleted.
    ///
    /// - Throws: ``ExportRejection`` with reason `changedWhileReading` and a sentence that says what to do.
    public static func checkUnchanged(_ inspection: ExportInspection) throws {
        guard let before = inspection.stamp else { return }
        guard let now = FileStamp(path: inspection.path) else {
            throw ExportRejection(
                path: inspection.path, reason: .changedWhileReading,
                message: "the file was deleted or moved while it was read; nothing from it was stored")
        }
        guard now == before else {
            let sizes = now.byteCount == before.byteCount ? "" : " (\(before.byteCount) bytes when reading began, \(now.byteCount) now)"
            throw ExportRejection(
                path: inspection.path, reason: .changedWhileReading,
                message: "the file changed while it was read\(sizes), as if a program were still writing it; nothing from it was stored. Run again once the export is complete")
        }
    }

    /// The SHA-256 of a file's bytes, lowercase hex.
    public func sha256(path: String) throws -> String {
        try hashAndPrefix(path: path, prefixOnly: false).0
    }

    private func hashAndPrefix(path: String, prefixOnly: Bool) throws -> (String, Int64, [UInt8]) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            throw ExportRejection(path: path, reason: .unreadable, message: "cannot open the file: \(String(cString: strerror(code)))")
        }
        defer { close(descriptor) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var prefix: [UInt8] = []
        var total: Int64 = 0
        while true {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, chunkSize) }
            if got < 0 {
                if errno == EINTR { continue }
                let code = errno
                throw ExportRejection(path: path, reason: .unreadable, message: "cannot read the file: \(String(cString: strerror(code)))")
            }
            if got == 0 { break }
            if prefix.count < 65_536 { prefix.append(contentsOf: buffer[0..<min(got, 65_536 - prefix.count)]) }
            total += Int64(got)
            if prefixOnly {
                if prefix.count >= 65_536 {
                    var info = stat()
                    guard fstat(descriptor, &info) == 0 else { break }
                    return ("", Int64(info.st_size), prefix)
                }
                continue
            }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
        }
        if prefixOnly { return ("", total, prefix) }
        let digest = hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        return (digest, total, prefix)
    }
}

private struct StopReading: Error {}
