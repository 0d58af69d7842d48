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
        func column(_ candidates: String...) -> Int? {
            for candidate in candidates { if let index = names.firstIndex(of: candidate) { return index } }
            return nil
        }
        func required(_ index: Int?, _ what: String) throws -> Int {
            guard let index else {
                throw ColumnPlanError(fileName: file.fileName, message: "no \(what) column was found among: \(file.columns.joined(separator: ", "))")
            }
            return index
        }
        if let mapping = file.mapping { return try mapped(mapping, names: names, file: file) }

        switch file.tool {
        case "zendesk":
            let text = names.indices.filter { names[$0].hasPrefix("description") || names[$0] == "comment" || names[$0] == "body" }
            var attributes: [(String, Int)] = []
            for name in ["status", "priority", "tags", "ticket type", "group", "via", "organization"] {
                if let index = column(name) { attributes.append((name, index)) }
            }
            for (index, name) in names.enumerated() where name.hasSuffix("[list]") {
                attributes.append((String(name.dropLast(6).trimmingCharacters(in: .whitespaces)), index))
            }
            return ColumnPlan(
                kind: .ticket, id: try required(column("id"), "Id"), createdAt: try required(column("created at"), "Created at"),
                createdAtZone: nil, createdAtOrder: nil, updatedAt: column("updated at"), title: column("subject"), text: text,
                score: column("satisfaction score").map { ($0, .goodBad) }, attributes: attributes, exclusion: nil)
        case "delighted":
            let created = try required(column("created at (utc)", "created at", "created_at", "date", "response date"), "Created At")
            let skip: Set<String> = ["response id", "id", "email", "name", "score", "comment", "created at (utc)", "created at",
                                     "created_at", "updated at", "delighted page url", "delighted referrer url", "delighted source url", "permalink"]
            let attributes = names.indices.filter { !skip.contains(names[$0]) }.map { (attributeName(file.columns[$0]), $0) }
            return ColumnPlan(
                kind: .nps, id: column("response id", "id"), createdAt: created, createdAtZone: file.timeZones[created],
                createdAtOrder: nil, updatedAt: column("updated at"), title: nil,
                text: [try required(column("comment"), "Comment")], score: column("score").map { ($0, .zeroToTen) },
                attributes: attributes, exclusion: nil)
        case "qualtrics":
            let created = try required(column("recordeddate", "recorded date", "enddate", "end date", "startdate"), "RecordedDate")
            let metadata: Set<String> = ["startdate", "enddate", "status", "ipaddress", "progress", "duration (in seconds)", "finished",
                "recordeddate", "responseid", "recipientlastname", "recipientfirstname", "recipientemail", "externalreference",
                "externaldatareference", "locationlatitude", "locationlongitude", "locationaccuracy", "distributionchannel",
                "userlanguage", "responseset", "name", "emailaddress", "ipaddress", "q_recaptchascore"]
            let exclusion = column("status").map {
                ($0, Set(["survey preview", "spam", "1", "8"]), "Qualtrics survey preview or spam, not a response")
            }
            return inferSurvey(file: file, names: names, sample: sample, id: column("responseid"), created: created,
                               metadata: metadata, exclusion: exclusion)
        case "surveymonkey":
            let created = column("end date", "enddate", "start date", "startdate")
            let metadata: Set<String> = ["respondent id", "respondentid", "collector id", "collectorid", "start date", "startdate",
                "end date", "enddate", "ip address", "email address", "first name", "last name", "lastname", "custom data",
                "custom data 1"]
            return inferSurvey(file: file, names: names, sample: sample, id: column("respondent id", "respondentid"),
                               created: created, metadata: metadata, exclusion: nil)
        case "typeform":
            let created = try required(column("submit date (utc)"), "Submit Date (UTC)")
            let metadata: Set<String> = ["#", "start date (utc)", "stage date (utc)", "submit date (utc)", "network id", "response type", "ending"]
            var plan = inferSurvey(file: file, names: names, sample: sample, id: 0, created: created, metadata: metadata, exclusion: nil)
            plan.createdAtFallback = column("start date (utc)")
            return plan
        case "msforms":
            let created = try required(column("completion time", "start time"), "Completion time")
            let metadata: Set<String> = ["id", "start time", "completion time", "email", "name", "last modified time", "total points", "quiz feedback"]
            return inferSurvey(file: file, names: names, sample: sample, id: column("id"), created: created, metadata: metadata, exclusion: nil)
        case "googleforms":
            let metadata: Set<String> = ["timestamp", "email address", "score"]
            return inferSurvey(file: file, names: names, sample: sample, id: nil, created: 0, metadata: metadata, exclusion: nil)
        default:
            throw ColumnPlanError(fileName: file.fileName, message: "no column rules for tool '\(file.tool ?? "none")'")
        }
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
        return ColumnPlan(
            kind: mapping.kind, id: try index(mapping.idColumn, "id"), createdAt: created,
            createdAtZone: mapping.timeZone ?? file.timeZones[created], createdAtOrder: order,
            updatedAt: try index(mapping.updatedAtColumn, "updated_at"), title: try index(mapping.titleColumn, "title"),
            text: try mapping.textColumns.compactMap { try index($0, "text") },
            score: try index(mapping.scoreColumn, "score").map { ($0, mapping.scale ?? .zeroToTen) },
            attributes: try mapping.attributeColumns.compactMap { name in try index(name, "attribute").map { (name, $0) } },
            exclusion: nil)
    }

    private func inferSurvey(
        file: ExportFile, names: [String], sample: [[String]], id: Int?, created: Int?, metadata: Set<String>,
        exclusion: (Int, Set<String>, String)?
    ) -> ColumnPlan {
        var score: (Int, ScoreScale)?
        var text: [Int] = []
        var attributes: [(String, Int)] = []
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
            } else if !isNumeric, averageLength >= 12, distinct * 2 > values.count || distinct > 20 {
                text.append(index)
            } else if distinct <= 20, !name.contains("email"), !name.contains("name") {
                attributes.append((attributeName(file.columns[index]), index))
            }
        }
        let kind: SourceKind = score?.1 == .zeroToTen ? .nps : (score?.1 == .oneToFive ? .csat : .survey)
        return ColumnPlan(
            kind: kind, id: id, createdAt: created, createdAtZone: created.flatMap { file.timeZones[$0] }, createdAtOrder: nil,
            updatedAt: nil, title: nil, text: text, score: score.map { ($0.0, $0.1) }, attributes: Array(attributes.prefix(20)),
            exclusion: exclusion.map { ($0.0, $0.1, $0.2) })
    }

    /// A short attribute name from a header: tags and markdown removed, at most 60 characters.
    private func attributeName(_ header: String) -> String {
        let cleaned = HeaderName.normalize(header)
        return cleaned.count > 60 ? String(cleaned.prefix(57)) + "..." : cleaned
    }
}
