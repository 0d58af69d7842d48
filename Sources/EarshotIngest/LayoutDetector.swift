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
        if let tool = ticketOrReviewTool(names: names, set: set) {
            return ExportLayout(tool: tool, mappingName: nil, headerRowCount: 1, columns: header,
                                timeZones: zones(for: tool, names))
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

    /// The support, review and NPS tools recognised by a single header row, most specific fingerprint first.
    private func ticketOrReviewTool(names: [String], set: Set<String>) -> KnownTool? {
        if set.contains("issue key") && (set.contains("summary") || set.contains("issue id")) { return .jira }
        if set.contains("ticket id") && set.contains("subject")
            && (set.contains("first response time (in hrs)") || set.contains("created time") || set.contains("resolution time (in hrs)"))
        {
            return .freshdesk
        }
        if set.contains("ticket id") && set.contains("ticket name") { return .hubSpot }
        if set.contains("ticket id") && names.contains(where: { $0.hasPrefix("ticket created - ") }) { return .zendeskExplore }
        if set.contains("case number") && (set.contains("subject") || set.contains("date/time opened")) { return .salesforce }
        if set.isSuperset(of: ["id", "casenumber", "createddate"]) { return .salesforce }
        if set.isSuperset(of: ["conversation_id", "message_body"]) { return .intercom }
        if set.contains("conversation id") && (set.contains("mailbox") || set.contains("customer email")) { return .helpScout }
        if set.contains("package name") && set.contains("star rating") { return .googlePlay }
        if set.contains("reviewernickname") && set.contains("rating") { return .appStore }
        if set.contains("review id") && set.contains("review stars") { return .trustpilot }
        if set.contains("request_id") && set.contains("star_rating") { return .medallia }
        if set.contains("score") && (set.contains("end user email") || set.contains("end_user_email")) { return .wootric }
        return nil
    }

    /// The zones a tool's documentation gives for its date columns, plus any column whose name says `(UTC)`.
    private func zones(for tool: KnownTool, _ names: [String]) -> [Int: String] {
        var zones = utcColumns(names)
        for (index, name) in names.enumerated() {
            switch tool {
            case .intercom where name.hasSuffix("_at"): zones[index] = "UTC"
            case .medallia where name.hasSuffix("_at"): zones[index] = "UTC"
            case .salesforce where name.hasSuffix("date") && !name.contains(" ") || name == "systemmodstamp": zones[index] = "UTC"
            default: break
            }
        }
        return zones
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
