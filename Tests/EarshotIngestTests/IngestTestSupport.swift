import EarshotIngest
import EarshotModel
import EarshotTestSupport
import Foundation
import Testing

/// What `FileIngester.readRows` or `CSVReader.read` handed over, in a comparable form.
enum Collected: Equatable, CustomStringConvertible {
    case row(line: Int, fields: [[UInt8]])
    case quarantined(line: Int, column: Int?)

    var line: Int {
        switch self {
        case .row(let line, _), .quarantined(let line, _): line
        }
    }

    var row: [String]? {
        if case .row(_, let fields) = self { return fields.map(TextDecoding.string(fromPossiblyLegacyBytes:)) }
        return nil
    }

    var description: String {
        switch self {
        case .row(let line, let fields): "row@\(line)(\(fields.count) fields)"
        case .quarantined(let line, let column): "quarantined@\(line):\(column.map(String.init) ?? "-")"
        }
    }
}

/// Mappings for the two fixtures no built-in tool recognises.
enum TestMappings {
    static let appReviews = SourceMapping(
        name: "app_reviews", filePattern: "app_reviews*.csv", kind: .review, idColumn: "review_id",
        createdAtColumn: "posted", createdAtFormat: "day-first", titleColumn: "title", textColumns: ["body"],
        scoreColumn: "stars", scale: .oneToFive, attributeColumns: ["app_version", "country"])
    static let feedback = SourceMapping(
        name: "feedback", requiredColumns: ["feedback_uid", "feedback_body"], kind: .survey, idColumn: "feedback_uid",
        createdAtColumn: "submitted_on", textColumns: ["feedback_body"])
    static let all = [appReviews, feedback]
}

/// The normalized header name of the id column of each tool's fixture, `nil` when there is none.
func idColumnName(for entry: FixtureManifest.Entry) -> String? {
    if entry.path.hasPrefix("mapped/") { return "review_id" }
    switch entry.tool {
    case "qualtrics": return "responseid"
    case "surveymonkey": return "respondent id"
    case "typeform": return "#"
    case "zendesk", "msforms": return "id"
    case "delighted": return "response id"
    case "googleforms": return nil
    default: return entry.path == "edge/unknown_tool.csv" ? "feedback_uid" : nil
    }
}

extension FileIngester {
    /// Inspects and reads a whole file, returning the inspection, the events and `readRows`'s count.
    func collect(_ path: String) throws -> (inspection: ExportInspection, events: [Collected], count: Int) {
        let inspection = try inspect(path: path)
        var events: [Collected] = []
        let count = try readRows(of: inspection) { event in
            switch event {
            case .row(let row): events.append(.row(line: row.line, fields: row.fields))
            case .quarantined(let line, let column, _, _): events.append(.quarantined(line: line, column: column))
            }
        }
        return (inspection, events, count)
    }
}

extension CSVReader {
    /// Reads a whole file into comparable events (problems become `quarantined` with no column).
    func collect(_ path: String, encoding: ExportEncoding = .utf8) throws -> [Collected] {
        var events: [Collected] = []
        try read(path: path, encoding: encoding) { event in
            switch event {
            case .row(let row): events.append(.row(line: row.line, fields: row.fields))
            case .problem(let problem): events.append(.quarantined(line: problem.line, column: nil))
            }
        }
        return events
    }
}

/// A folder under the temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes bytes to a file in the folder and returns its path.
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
