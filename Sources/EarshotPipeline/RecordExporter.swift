import EarshotModel
import EarshotStore
import Foundation

/// Writes the workspace's records or theme assignments as CSV or JSON Lines.
///
/// CSV cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) are prefixed
/// with `'`, so opening an export never executes customer text.
public struct RecordExporter: Sendable {
    /// The output forms.
    public enum Format: String, Sendable, CaseIterable {
        /// RFC 4180 CSV with a header row.
        case csv
        /// One JSON object per line.
        case jsonl
    }

    /// What to export.
    public enum Table: String, Sendable, CaseIterable {
        /// One row per record.
        case records
        /// One row per (record, theme), rank 1 being the record's strongest theme.
        case themes
    }

    let store: StageStore

    /// Creates an exporter over a store.
    public init(store: StageStore) {
        self.store = store
    }

    /// The export as text.
    public func export(_ table: Table, format: Format) throws -> String {
        let (columns, rows) = try self.rows(table)
        switch format {
        case .csv:
            var lines = [columns.map(csvCell).joined(separator: ",")]
            for row in rows { lines.append(row.map { csvCell(neutralize($0)) }.joined(separator: ",")) }
            return lines.joined(separator: "\r\n") + "\r\n"
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try rows.map { row in
                let object = Dictionary(uniqueKeysWithValues: zip(columns, row))
                return String(decoding: try encoder.encode(object), as: UTF8.self)
            }.joined(separator: "\n") + (rows.isEmpty ? "" : "\n")
        }
    }

    private func rows(_ table: Table) throws -> ([String], [[String]]) {
        let records = try store.records()
        switch table {
        case .records:
            let columns = ["record_id", "source", "source_id", "tool", "kind", "created_at", "week", "score", "scale",
                           "nps_category", "title", "text", "reply", "attributes", "repeated_text"]
            let rows = records.map { record -> [String] in
                let attributes = record.attributes.keys.sorted().map { "\($0)=\(record.attributes[$0]!.joined(separator: "|"))" }
                    .joined(separator: "; ")
                return [record.id.description, record.id.source, record.id.sourceID, record.tool, record.kind.rawValue,
                        CivilDateTime(secondsSinceEpoch: record.createdAt).isoUTCTimestamp, record.week.description, record.score.map { format($0.value) } ?? "",
                        record.score?.scale.rawValue ?? "", record.score?.npsCategory?.rawValue ?? "", record.title,
                        record.text, record.reply, attributes, record.isRepeatedText ? "yes" : ""]
            }
            return (columns, rows)
        case .themes:
            let model = try store.themeModel()
            let labels = Dictionary(uniqueKeysWithValues: model.themes.map { ($0.id, $0.label) })
            let columns = ["source_id", "source", "record_id", "theme_id", "theme_label", "rank", "strength", "matched_terms"]
            let rows = model.assignments.map { assignment -> [String] in
                [assignment.recordID.sourceID, assignment.recordID.source, assignment.recordID.description, assignment.themeID,
                 labels[assignment.themeID] ?? "", String(assignment.rank), format(assignment.strength),
                 assignment.matchedTerms.joined(separator: "; ")]
            }
            return (columns, rows)
        }
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.3f", value)
    }

    /// `'` before a cell a spreadsheet would read as a formula.
    func neutralize(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
        return "'" + cell
    }

    private func csvCell(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
