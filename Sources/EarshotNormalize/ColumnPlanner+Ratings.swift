import EarshotModel
import Foundation

/// NPS, CSAT and review tools: a score on its scale, a comment, and the tool's own id.
extension ColumnPlanner {
    func planDelighted(_ export: PlanningContext) throws -> ColumnPlan {
        let created = try export.required(export.column("created at (utc)", "created at", "created_at", "date", "response date"), "Created At")
        let skip: Set<String> = ["response id", "id", "email", "name", "score", "comment", "created at (utc)", "created at",
                                 "created_at", "updated at", "delighted page url", "delighted referrer url", "delighted source url", "permalink"]
        let attributes = export.names.indices.filter { !skip.contains(export.names[$0]) }.map { AttributeColumn(attributeName(export.file.columns[$0]), $0) }
        var plan = ColumnPlan(
            kind: .nps, id: export.column("response id", "id"), createdAt: created, createdAtZone: export.file.timeZones[created],
            updatedAt: export.column("updated at"), text: [try export.required(export.column("comment"), "Comment")],
            score: export.column("score").map { ($0, .zeroToTen) }, attributes: attributes)
        plan.author = export.column("email", "person id", "name")
        return plan
    }

    func planWootric(_ export: PlanningContext) throws -> ColumnPlan {
        var properties: [AttributeColumn] = []
        for (index, name) in export.names.enumerated() {
            if name.hasSuffix("_array") {
                properties.append(AttributeColumn(String(name.dropLast(6)), index, separator: .comma))
            } else if name.hasSuffix("_amount") || name.hasSuffix("_date") {
                properties.append(AttributeColumn(String(name.dropLast(name.hasSuffix("_date") ? 5 : 7)), index))
            }
        }
        let core: Set<String> = ["response id", "id", "end user email", "email", "score", "comment", "text", "created at", "updated at",
                                 "survey type", "tags", "end user id"]
        let plain = export.names.indices.filter { !core.contains(export.names[$0]) && !properties.map(\.column).contains($0) }
        var plan = ColumnPlan(
            kind: .nps, id: export.column("response id", "id"), createdAt: try export.required(export.column("created at", "created_at"), "Created At"),
            createdAtZone: "UTC", updatedAt: export.column("updated at", "updated_at"),
            text: [try export.required(export.column("comment", "text"), "Comment")], score: export.column("score").map { ($0, .zeroToTen) },
            attributes: attributes(["survey type"], export.names) + attributes(["tags"], export.names, separator: .comma)
                + plain.map { AttributeColumn(attributeName(export.file.columns[$0]), $0) } + properties)
        plan.author = export.column("end user email", "email", "end user id")
        return plan
    }

    func planMedallia(_ export: PlanningContext) throws -> ColumnPlan {
        let received = try export.required(export.column("response_received_at"), "response_received_at")
        let text = [export.column("comments"), export.column("additional_question_response")].compactMap { $0 }
        var plan = ColumnPlan(
            kind: .csat, id: try export.required(export.column("request_id"), "request_id"), createdAt: received, createdAtZone: "UTC",
            text: text, score: export.column("star_rating").map { ($0, .oneToFive) },
            attributes: attributes(["channel", "brand", "team_leader", "reward_name"], export.names)
                + attributes(["areas_for_improvement", "tags"], export.names, separator: .semicolon))
        plan.exclusions = [RowExclusion(column: received, values: [], reason: "a Medallia survey request that was never answered")]
        plan.author = export.column("request_sent_to", "customer_name")
        return plan
    }

    func planGooglePlay(_ export: PlanningContext) throws -> ColumnPlan {
        var plan = ColumnPlan(
            kind: .review, id: try export.required(export.column("review link"), "Review Link"),
            createdAt: try export.required(export.column("review submit date and time"), "Review Submit Date and Time"),
            createdAtZone: "UTC", updatedAt: export.column("review last update date and time"), title: export.column("review title"),
            text: [try export.required(export.column("review text"), "Review Text")],
            score: export.column("star rating").map { ($0, .oneToFive) },
            attributes: attributes(["app version name", "reviewer language", "device"], export.names))
        plan.idExtraction = .queryParameter("reviewId")
        plan.reply = export.column("developer reply text").map { [$0] } ?? []
        return plan
    }

    func planAppStore(_ export: PlanningContext) throws -> ColumnPlan {
        var plan = ColumnPlan(
            kind: .review, id: try export.required(export.column("id"), "id"), createdAt: try export.required(export.column("createddate"), "createdDate"),
            createdAtZone: "UTC", title: export.column("title"), text: [try export.required(export.column("body"), "body")],
            score: export.column("rating").map { ($0, .oneToFive) }, attributes: attributes(["territory", "appversion", "app version"], export.names))
        plan.author = export.column("reviewernickname")
        return plan
    }

    func planTrustpilot(_ export: PlanningContext) throws -> ColumnPlan {
        var plan = ColumnPlan(
            kind: .review, id: try export.required(export.column("review id"), "Review Id"),
            createdAt: try export.required(export.column("review created (utc)"), "Review Created (UTC)"), createdAtZone: "UTC",
            title: export.column("review title"), text: [try export.required(export.column("review content"), "Review Content")],
            score: export.column("review stars").map { ($0, .oneToFive) },
            attributes: attributes(["source of review", "review language", "location name"], export.names) + attributes(["tags"], export.names, separator: .comma))
        plan.reply = export.column("company response").map { [$0] } ?? []
        plan.author = export.column("review consumer user id", "review user email", "review username")
        return plan
    }
}
