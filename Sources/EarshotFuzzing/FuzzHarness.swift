import EarshotIngest
import EarshotModel
import EarshotNormalize
import Foundation

/// One fuzz input through everything that reads untrusted export bytes: encoding and separator detection, the libcsv
/// reader, tool detection, normalization (dates, scores, text cleaning) and personal-data redaction.
///
/// The fuzz executable (`earshot-fuzz`) calls ``exercise(_:in:)`` for every input libFuzzer makes up, and the test
/// suite calls it for every file in `Fixtures/fuzz/crashers/`, so a crash found once stays fixed. Besides not
/// crashing, each input must keep the ingest promise: every data row ends up as a record, a merged duplicate, a
/// rejected row or a quarantined row. A broken promise stops the process, which libFuzzer reports as a finding.
public enum FuzzHarness {
    /// File names the input is saved under, picked by its first byte: some tools are told apart by name only.
    static let fileNames = [
        "export.csv", "reviews_com.tandem.app_202611.csv", "hubspot-crm-exports-all-tickets-2026-11-09.csv",
        "jira_export_all_fields.csv", "app_reviews.csv", "responses.tsv",
    ]

    /// A mapping, so mapped (non-built-in) exports are normalized too.
    static let mapping = SourceMapping(
        name: "fuzz_mapped", requiredColumns: ["id", "text"], kind: .review, idColumn: "id", createdAtColumn: "date",
        titleColumn: "title", textColumns: ["text"], scoreColumn: "score", scale: .oneToFive, attributeColumns: ["plan"])

    /// Runs one input and checks the row accounting.
    ///
    /// - Parameters:
    ///   - bytes: The would-be export file.
    ///   - folder: A writable folder for the input file: the reader works on files, as `earshot ingest` does.
    /// - Returns: What happened, for tests.
    @discardableResult
    public static func exercise(_ bytes: UnsafeRawBufferPointer, in folder: String) -> FuzzOutcome {
        let name = fileNames[Int(bytes.first ?? 0) % fileNames.count]
        let path = (folder as NSString).appendingPathComponent("\(getpid())-\(name)")
        // Plain open and write: FileManager's atomic write costs a temporary file and a rename on every input.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0, bytes.isEmpty || write(descriptor, bytes.baseAddress, bytes.count) == bytes.count else {
            fatalError("cannot write the fuzz input to \(path)")
        }
        close(descriptor)
        defer { unlink(path) }
        return exercise(path: path)
    }

    /// Runs one input file; see ``exercise(_:in:)``.
    @discardableResult
    public static func exercise(path: String) -> FuzzOutcome {
        // A small limit, so inputs of a few KiB reach the oversized-field path too.
        let ingester = FileIngester(detector: LayoutDetector(mappings: [mapping]), chunkSize: 64, maxFieldBytes: 512)
        var outcome = FuzzOutcome()
        let inspection: ExportInspection
        do {
            inspection = try ingester.inspect(path: path)
        } catch {
            outcome.rejection = "\(error)"
            return outcome
        }
        guard let layout = inspection.layout else {
            outcome.rejection = FileIngester.unknownLayoutRejection(for: inspection).message
            return outcome
        }
        var rows = MemoryRowSource()
        let dataRows: Int
        do {
            dataRows = try ingester.readRows(of: inspection) { event in
                switch event {
                case .row(let row):
                    rows.rows.append((row.line, row.encoded))
                    if rows.rows.count <= 16 { exerciseFieldParsers(row.texts.prefix(12)) }
                case .quarantined(let line, _, _, _):
                    outcome.quarantinedLines.append(line)
                }
            }
        } catch {
            outcome.rejection = "\(error)"
            return outcome
        }
        precondition(dataRows == rows.rows.count + outcome.quarantinedLines.count, "ingest lost or invented rows")
        outcome.rows = rows.rows.count

        let file = ExportFile(
            id: 1, fileName: inspection.fileName, tool: layout.tool?.rawValue, source: layout.sourceName,
            columns: layout.columns, labels: layout.labels, timeZones: layout.timeZones,
            mapping: layout.mappingName == nil ? nil : mapping)
        var sink = CollectingRecordSink()
        do {
            let summary = try RecordNormalizer(authorSalt: [1, 2, 3]).normalize(files: [file], rows: rows, into: &sink)
            precondition(
                summary.records + summary.merged + summary.rejected == rows.rows.count,
                "normalize lost or invented rows: \(rows.rows.count) in, \(summary.records) records, \(summary.merged) merged, \(summary.rejected) rejected")
            outcome.records = summary.records
        } catch {
            outcome.rejection = "\(error)"
        }
        for record in sink.records.values {
            _ = PersonalDataRedactor.redact(record.text)
        }
        return outcome
    }

    /// The field-level parsers on the first fields of the first rows: normalization only sees the columns its plan
    /// picks, and running them on every field would halve the executions a second for little new coverage.
    private static func exerciseFieldParsers(_ fields: ArraySlice<String>) {
        let cleaner = TextCleaner()
        for field in fields {
            _ = cleaner.clean(field)
            _ = PersonalDataRedactor.redact(field)
            _ = DateParser.parse(field, order: .monthFirst)
            _ = DateParser.parse(field, order: .dayFirst)
            _ = ScoreParser.leadingNumber(field)
            for scale in ScoreScale.allCases { _ = ScoreParser.score(field, scale: scale) }
        }
    }
}

/// What ``FuzzHarness`` saw for one input.
public struct FuzzOutcome: Sendable, Hashable {
    /// Why the file or its normalization was refused, when it was; a refusal is a fine outcome.
    public var rejection: String?
    /// Data rows read.
    public var rows = 0
    /// Lines of quarantined rows.
    public var quarantinedLines: [Int] = []
    /// Records made.
    public var records = 0
}
