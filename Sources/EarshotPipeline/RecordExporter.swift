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
        /// One row per (theme, week): volume, share, NPS groups and impact, sources, emotions and the tested verdict.
        case themeWeeks = "theme-weeks"
    }

    let store: StageStore

    /// Creates an exporter over a store.
    public init(store: StageStore) {
        self.store = store
    }

    /// The export as text.
    public func export(_ table: Table, format: Format) throws -> String {
        var text = ""
        try export(table, format: format) { text += $0 }
        return text
    }

    /// Hands the export to `write` in pieces, in order: the header, then each row as it is made. An export of
    /// millions of assignments written this way never holds more than one row's text at a time.
    public func export(_ table: Table, format: Format, to write: (String) throws -> Void) throws {
        let columns = Self.columns(of: table)
        switch format {
        case .csv:
            try write(columns.map(csvCell).joined(separator: ",") + "\r\n")
            try forEachRow(table) { row in
                var line = ""
                for (index, cell) in row.enumerated() {
                    if index > 0 { line += "," }
                    line += csvCell(neutralize(cell))
                }
                try write(line + "\r\n")
            }
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try forEachRow(table) { row in
                let object = Dictionary(uniqueKeysWithValues: zip(columns, row))
                try write(String(decoding: try encoder.encode(object), as: UTF8.self) + "\n")
            }
        }
    }

    private static func columns(of table: Table) -> [String] {
        switch table {
        case .records:
            ["record_id", "source", "source_id", "tool", "kind", "created_at", "week", "score", "scale",
             "nps_category", "title", "text", "reply", "attributes", "repeated_text", "emotions"]
        case .themes:
            ["source_id", "source", "record_id", "theme_id", "theme_label", "rank", "strength", "matched_terms"]
        case .themeWeeks:
            ["theme_id", "theme_label", "week", "volume", "week_records", "share", "promoters", "passives",
             "detractors", "detractor_share", "nps_impact", "nps_gain_if_detractors_passive", "sources",
             "frustration", "confusion", "urgency", "delight", "verdict", "baseline_volume",
             "baseline_records", "p_value", "q_value"]
        }
    }

    /// Calls `body` with each row's cells, in the order of ``columns(of:)``.
    private func forEachRow(_ table: Table, _ body: ([String]) throws -> Void) throws {
        switch table {
        case .records:
            let emotions = try store.recordEmotions()
            try store.forEachRecord { record in
                let attributes = record.attributes.keys.sorted().map { "\($0)=\(record.attributes[$0]!.joined(separator: "|"))" }
                    .joined(separator: "; ")
                try body([record.id.description, record.id.source, record.id.sourceID, record.tool, record.kind.rawValue,
                          CivilDateTime(secondsSinceEpoch: record.createdAt).isoUTCTimestamp, record.week.description,
                          record.score.map { format($0.value) } ?? "", record.score?.scale.rawValue ?? "",
                          record.score?.npsCategory?.rawValue ?? "", record.title, record.text, record.reply, attributes,
                          record.isRepeatedText ? "yes" : "",
                          (emotions[record.id] ?? []).emotions.map(\.rawValue).joined(separator: "; ")])
            }
        case .themes:
            let active = try store.storedThemes().filter(\.isActive)
            let labels = Dictionary(uniqueKeysWithValues: active.map { ($0.theme.id, $0.theme.label) })
            try store.forEachAssignment { assignment in
                try body([assignment.recordID.sourceID, assignment.recordID.source, assignment.recordID.description,
                          assignment.themeID, labels[assignment.themeID] ?? "", String(assignment.rank),
                          format(assignment.strength), assignment.matchedTerms.joined(separator: "; ")])
            }
        case .themeWeeks:
            let labels = Dictionary(uniqueKeysWithValues: try store.storedThemes().map { ($0.theme.id, $0.theme.label) })
            for figure in try store.themeWeeks() {
                try body([figure.themeID, labels[figure.themeID] ?? "", figure.week.description, String(figure.volume),
                          String(figure.weekRecords), format(figure.share), String(figure.promoters), String(figure.passives),
                          String(figure.detractors), figure.detractorShare.map(format) ?? "", figure.npsImpact.map(format) ?? "",
                          figure.npsGainIfDetractorsPassive.map(format) ?? "",
                          figure.sources.map { "\($0.source)=\($0.records)" }.joined(separator: "; "),
                          String(figure.emotions.frustration), String(figure.emotions.confusion), String(figure.emotions.urgency),
                          String(figure.emotions.delight), figure.trend.verdict.rawValue, String(figure.trend.baselineVolume),
                          String(figure.trend.baselineRecords), String(format: "%.6g", figure.trend.pValue),
                          String(format: "%.6g", figure.trend.qValue)])
            }
        }
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.3f", value)
    }

    /// `'` before a cell a spreadsheet would read as a formula. A plain negative number (`-12.5`) is data, not a
    /// formula, and stays as it is so figures remain numbers.
    func neutralize(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
        if first == "-", Self.isPlainNumber(cell.utf8.dropFirst()) { return cell }
        return "'" + cell
    }

    /// Digits with at most one `.` between digits: nothing a spreadsheet could evaluate.
    private static func isPlainNumber(_ bytes: Substring.UTF8View) -> Bool {
        var digits = 0
        var dots = 0
        var previousWasDigit = false
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                previousWasDigit = true
            } else if byte == 0x2E && previousWasDigit && dots == 0 {
                dots += 1
                previousWasDigit = false
            } else {
                return false
            }
        }
        return digits > 0 && previousWasDigit
    }

    private func csvCell(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
