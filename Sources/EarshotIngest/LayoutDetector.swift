import EarshotModel
import Foundation

/// Recognises the tool behind an export from its first rows, or the `earshot.toml` mapping that claims it.
public struct LayoutDetector: Sendable {
    /// The mappings from `earshot.toml`, tried before the built-in fingerprints.
    public var mappings: [SourceMapping]

    /// Creates a detector.
    public init(mappings: [SourceMapping] = []) {
        self.mappings = mappings
    }

    /// The most header rows any layout has; the reader buffers this many rows before deciding.
    public static let maximumHeaderRows = 3

    /// Decides the layout from the file name and the first rows (at most ``maximumHeaderRows``).
    ///
    /// - Returns: The layout, or `nil` when neither a mapping nor a fingerprint matches.
    public func detect(fileName: String, firstRows: [[String]]) -> ExportLayout? {
        guard let header = firstRows.first else { return nil }
        let names = header.map(HeaderName.normalize)
        if let mapping = matchingMapping(fileName: fileName, normalizedHeader: names) {
            let count = max(1, mapping.headerRowCount)
            return ExportLayout(tool: nil, mappingName: mapping.name, headerRowCount: count, columns: header)
        }
        let set = Set(names)
        if set.isSuperset(of: ["startdate", "enddate", "status"]) || (names.first == "v1" && set.contains("v10")) {
            return qualtrics(firstRows)
        }
        if set.isSuperset(of: ["respondent id", "collector id"]) || names.first == "respondentid" || names.first == "respondent id" {
            return surveyMonkey(firstRows)
        }
        if names.first == "#" && set.contains("submit date (utc)") {
            return ExportLayout(tool: .typeform, mappingName: nil, headerRowCount: 1, columns: header,
                                timeZones: utcColumns(names))
        }
        if Array(names.prefix(3)) == ["id", "start time", "completion time"] {
            return ExportLayout(tool: .microsoftForms, mappingName: nil, headerRowCount: 1, columns: header)
        }
        if names.first == "timestamp" {
            return ExportLayout(tool: .googleForms, mappingName: nil, headerRowCount: 1, columns: header)
        }
        if set.contains("summation column")
            || set.isSuperset(of: ["id", "subject", "requester", "created at", "updated at"])
        {
            return ExportLayout(tool: .zendesk, mappingName: nil, headerRowCount: 1, columns: header)
        }
        if set.isSuperset(of: ["score", "comment"])
            && (set.contains("response id") || names.contains { $0.hasPrefix("delighted ") })
        {
            return ExportLayout(tool: .delighted, mappingName: nil, headerRowCount: 1, columns: header,
                                timeZones: utcColumns(names))
        }
        return nil
    }

    private func matchingMapping(fileName: String, normalizedHeader: [String]) -> SourceMapping? {
        let header = Set(normalizedHeader)
        return mappings.first { mapping in
            if let pattern = mapping.filePattern {
                return fnmatch(pattern, fileName, 0) == 0
            }
            return !mapping.requiredColumns.isEmpty
                && header.isSuperset(of: mapping.requiredColumns.map(HeaderName.normalize))
        }
    }

    /// Columns whose name says `(UTC)`.
    private func utcColumns(_ names: [String]) -> [Int: String] {
        var zones: [Int: String] = [:]
        for (index, name) in names.enumerated() where name.hasSuffix("(utc)") { zones[index] = "UTC" }
        return zones
    }

    private func qualtrics(_ rows: [[String]]) -> ExportLayout {
        let header = rows[0]
        let labels = rows.count > 1 ? rows[1] : []
        let third = rows.count > 2 ? rows[2] : []
        let isCurrent = third.first.map { $0.hasPrefix("{\"ImportId\"") || $0.hasPrefix("{'ImportId'") } ?? false
        var zones: [Int: String] = [:]
        if isCurrent {
            for (index, cell) in third.enumerated() {
                guard let data = cell.data(using: .utf8),
                    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let zone = object["timeZone"] as? String
                else { continue }
                zones[index] = zone
            }
            return ExportLayout(tool: .qualtrics, mappingName: nil, headerRowCount: 3, columns: header,
                                labels: labels, timeZones: zones)
        }
        // Legacy: row 1 holds V1…V10 codes; row 2 holds the real names (ResponseID, StartDate…).
        return ExportLayout(tool: .qualtrics, mappingName: nil, headerRowCount: 2, columns: labels.isEmpty ? header : labels,
                            labels: header)
    }

    private func surveyMonkey(_ rows: [[String]]) -> ExportLayout {
        let questions = rows[0]
        let subheaders = rows.count > 1 ? rows[1] : []
        var columns: [String] = []
        var carried = ""
        for (index, question) in questions.enumerated() {
            if !question.trimmingCharacters(in: .whitespaces).isEmpty { carried = question }
            let sub = index < subheaders.count ? subheaders[index] : ""
            let normalizedSub = HeaderName.normalize(sub)
            let isPlainAnswer = normalizedSub.isEmpty || normalizedSub == "response" || normalizedSub == "open-ended response"
            columns.append(isPlainAnswer ? carried : "\(carried) - \(sub)")
        }
        return ExportLayout(tool: .surveyMonkey, mappingName: nil, headerRowCount: 2, columns: columns, labels: subheaders)
    }
}
