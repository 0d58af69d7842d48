import EarshotModel
import Foundation

/// Works out a ``ColumnPlan`` from a file's header, its tool's rules and, for survey tools, a sample of its values.
///
/// Survey exports (Qualtrics, SurveyMonkey, Typeform, Google Forms) have one column per question, named by the
/// question, so the planner reads their values: a 0–10 integer column whose question mentions recommending is the
/// NPS score; free-text columns (long, varied values) are the customer's words; short columns with few distinct
/// values become attributes. Contact columns (e-mail, name, IP, location) are never kept.
public struct ColumnPlanner: Sendable {
    /// Creates a planner.
    public init() {}

    /// Plans a file's columns.
    ///
    /// - Parameters:
    ///   - file: The file's header and tool.
    ///   - sample: Up to a few thousand of its data rows, as text.
    /// - Throws: ``ColumnPlanError`` when a required column (the creation date) cannot be found.
    public func plan(for file: ExportFile, sample: [[String]]) throws -> ColumnPlan {
        let names = file.columns.map(HeaderName.normalize)
        if let mapping = file.mapping { return try mapped(mapping, names: names, file: file) }

        let export = PlanningContext(file: file, names: names, sample: sample)
        switch file.tool {
        case "zendesk": return try planZendesk(export)
        case "delighted": return try planDelighted(export)
        case "qualtrics": return try planQualtrics(export)
        case "surveymonkey": return try planSurveyMonkey(export)
        case "typeform": return try planTypeform(export)
        case "msforms": return try planMicrosoftForms(export)
        case "googleforms": return try planGoogleForms(export)
        case "freshdesk": return try planFreshdesk(export)
        case "intercom": return try planIntercom(export)
        case "helpscout": return try planHelpScout(export)
        case "jira": return try planJira(export)
        case "salesforce": return try planSalesforce(export)
        case "hubspot": return try planHubSpot(export)
        case "zendeskexplore": return try planZendeskExplore(export)
        case "googleplay": return try planGooglePlay(export)
        case "appstore": return try planAppStore(export)
        case "trustpilot": return try planTrustpilot(export)
        case "wootric": return try planWootric(export)
        case "medallia": return try planMedallia(export)
        default:
            throw ColumnPlanError(fileName: file.fileName, message: "no column rules for tool '\(file.tool ?? "none")'")
        }
    }

    /// The attribute columns among `wanted` that the file has, named after themselves.
    func attributes(_ wanted: [String], _ names: [String], separator: MultiValueSeparator? = nil) -> [AttributeColumn] {
        wanted.compactMap { name in names.firstIndex(of: name).map { AttributeColumn(name, $0, separator: separator) } }
    }

    private func mapped(_ mapping: SourceMapping, names: [String], file: ExportFile) throws -> ColumnPlan {
        func index(_ name: String?, _ role: String) throws -> Int? {
            guard let name else { return nil }
            guard let found = names.firstIndex(of: HeaderName.normalize(name)) else {
                throw ColumnPlanError(
                    fileName: file.fileName,
                    message: "the mapping [sources.\(mapping.name)] names \(role) column '\(name)', which the file does not have; its columns are: \(file.columns.joined(separator: ", "))")
            }
            return found
        }
        let created = try index(mapping.createdAtColumn, "created_at")!
        let order: DayMonthOrder? = switch mapping.createdAtFormat {
        case "day-first", "dmy": .dayFirst
        case "month-first", "mdy": .monthFirst
        default: nil
        }
        var plan = ColumnPlan(
            kind: mapping.kind, id: try index(mapping.idColumn, "id"), createdAt: created,
            createdAtZone: mapping.timeZone ?? file.timeZones[created], createdAtOrder: order,
            updatedAt: try index(mapping.updatedAtColumn, "updated_at"), title: try index(mapping.titleColumn, "title"),
            text: try mapping.textColumns.compactMap { try index($0, "text") },
            score: try index(mapping.scoreColumn, "score").map { ($0, mapping.scale ?? .zeroToTen) },
            attributes: try mapping.attributeColumns.compactMap { name in
                try index(name, "attribute").map { AttributeColumn(name, $0, separator: mapping.multiValueSeparators[name]) }
            })
        plan.author = try index(mapping.authorColumn, "author")
        plan.reply = try mapping.replyColumns.compactMap { try index($0, "reply") }
        return plan
    }

    func inferSurvey(
        file: ExportFile, names: [String], sample: [[String]], id: Int?, created: Int?, metadata: Set<String>,
        exclusions: [RowExclusion]
    ) -> ColumnPlan {
        var score: (Int, ScoreScale)?
        var text: [Int] = []
        var attributes: [AttributeColumn] = []
        let labels = file.labels.map(HeaderName.normalize)
        for (index, name) in names.enumerated() {
            if metadata.contains(name) || name.hasPrefix("custom data") || name.hasSuffix("_nps_group") || name.contains("(group)") { continue }
            let question = index < labels.count ? name + " " + labels[index] : name
            let values = sample.compactMap { index < $0.count ? $0[index].trimmingCharacters(in: .whitespacesAndNewlines) : nil }
                .filter { !$0.isEmpty }
            guard !values.isEmpty else { continue }
            let numbers = values.compactMap(ScoreParser.leadingNumber)
            let isNumeric = numbers.count * 10 >= values.count * 9
            let distinct = Set(values).count
            let averageLength = Double(values.reduce(0) { $0 + $1.count }) / Double(values.count)
            let hasGroupColumn = names.contains(name + "_nps_group")
            if score == nil, isNumeric, numbers.allSatisfy({ (0...10).contains($0) }),
                hasGroupColumn || question.contains("recommend") || question.contains("likely")
            {
                score = (index, .zeroToTen)
            } else if score == nil, isNumeric, numbers.allSatisfy({ (1...5).contains($0) }),
                ["satisf", "rate", "rating", "stars", "happy"].contains(where: question.contains)
            {
                score = (index, .oneToFive)
            } else if !isNumeric, let separator = multiValueSeparator(values) {
                attributes.append(AttributeColumn(attributeName(file.columns[index]), index, separator: separator))
            } else if !isNumeric, averageLength >= 12, distinct * 2 > values.count || distinct > 20 {
                text.append(index)
            } else if distinct <= 20, !name.contains("email"), !name.contains("name") {
                attributes.append(AttributeColumn(attributeName(file.columns[index]), index))
            }
        }
        let kind: SourceKind = score?.1 == .zeroToTen ? .nps : (score?.1 == .oneToFive ? .csat : .survey)
        return ColumnPlan(
            kind: kind, id: id, createdAt: created, createdAtZone: created.flatMap { file.timeZones[$0] },
            text: text, score: score.map { ($0.0, $0.1) }, attributes: Array(attributes.prefix(20)), exclusions: exclusions)
    }

    /// The separator of a multi-select column: most values hold it, and split on it they are a few short choices
    /// (`Mobile app;Invoices;`). Free text with the odd semicolon is not split.
    private func multiValueSeparator(_ values: [String]) -> MultiValueSeparator? {
        for separator in [MultiValueSeparator.semicolon, .comma] {
            let character = Character(Unicode.Scalar(separator.byte))
            let holding = values.filter { $0.contains(character) }
            guard holding.count * 10 >= values.count * 3 else { continue }
            let parts = values.flatMap { $0.split(separator: character).map { $0.trimmingCharacters(in: .whitespaces) } }
                .filter { !$0.isEmpty }
            let distinct = Set(parts)
            let averageLength = Double(parts.reduce(0) { $0 + $1.count }) / Double(max(parts.count, 1))
            if distinct.count <= 20, averageLength <= 30, distinct.count * 2 <= parts.count { return separator }
        }
        return nil
    }

    /// A short attribute name from a header: tags and markdown removed, at most 60 characters.
    func attributeName(_ header: String) -> String {
        let cleaned = HeaderName.normalize(header)
        return cleaned.count > 60 ? String(cleaned.prefix(57)) + "..." : cleaned
    }
}

/// What the per-tool planning rules read: the file, its normalized column names and a sample of its rows.
struct PlanningContext {
    let file: ExportFile
    let names: [String]
    let sample: [[String]]

    /// The first of `candidates` (normalized names) the file has.
    func column(_ candidates: String...) -> Int? {
        for candidate in candidates { if let index = names.firstIndex(of: candidate) { return index } }
        return nil
    }

    /// A column the plan cannot do without.
    func required(_ index: Int?, _ what: String) throws -> Int {
        guard let index else {
            throw ColumnPlanError(fileName: file.fileName, message: "no \(what) column was found among: \(file.columns.joined(separator: ", "))")
        }
        return index
    }
}
