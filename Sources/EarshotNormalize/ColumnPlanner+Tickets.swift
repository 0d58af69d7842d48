import EarshotModel
import Foundation

/// Support tools: ticket exports with an id, a subject and a body; replies and comments kept apart where the export separates them.
extension ColumnPlanner {
    func planZendesk(_ export: PlanningContext) throws -> ColumnPlan {
        let text = export.names.indices.filter { export.names[$0].hasPrefix("description") || export.names[$0] == "comment" || export.names[$0] == "body" }
        var attributes: [AttributeColumn] = []
        for name in ["status", "priority", "ticket type", "group", "via", "organization"] {
            if let index = export.column(name) { attributes.append(AttributeColumn(name, index)) }
        }
        if let tags = export.column("tags") { attributes.append(AttributeColumn("tags", tags, separator: .space)) }
        for (index, name) in export.names.enumerated() where name.hasSuffix("[list]") {
            attributes.append(AttributeColumn(String(name.dropLast(6).trimmingCharacters(in: .whitespaces)), index))
        }
        var plan = ColumnPlan(
            kind: .ticket, id: try export.required(export.column("id"), "Id"), createdAt: try export.required(export.column("created at"), "Created at"),
            updatedAt: export.column("updated at"), title: export.column("subject"), text: text,
            score: export.column("satisfaction score").map { ($0, .goodBad) }, attributes: attributes)
        plan.author = export.column("requester email", "requester", "requester id")
        return plan
    }

    func planZendeskExplore(_ export: PlanningContext) throws -> ColumnPlan {
        let created = try export.required(
            export.column("ticket created - timestamp", "ticket created - date", "ticket created - month") ?? export.names.firstIndex { $0.hasPrefix("ticket created") },
            "Ticket created - Date")
        let kept = export.names.indices.filter { index in
            let name = export.names[index]
            return name.hasPrefix("ticket ") && !name.contains(" - ") && !["ticket id", "ticket subject"].contains(name)
        }
        var plan = ColumnPlan(
            kind: .ticket, id: try export.required(export.column("ticket id"), "Ticket ID"), createdAt: created,
            title: export.column("ticket subject"), text: [],
            attributes: kept.map { AttributeColumn(String(export.names[$0].dropFirst(7)), $0) })
        plan.combinesRows = true
        plan.author = export.column("requester email", "requester name")
        return plan
    }

    func planFreshdesk(_ export: PlanningContext) throws -> ColumnPlan {
        var plan = ColumnPlan(
            kind: .ticket, id: try export.required(export.column("ticket id"), "Ticket ID"),
            createdAt: try export.required(export.column("created time"), "Created time"), updatedAt: export.column("last update time"),
            title: export.column("subject"), text: export.column("description").map { [$0] } ?? [],
            attributes: attributes(["status", "priority", "source", "type", "group", "product", "survey results", "company name"], export.names)
                + attributes(["tags"], export.names, separator: .comma))
        plan.author = export.column("email", "requester email", "contact id", "full name")
        return plan
    }

    func planIntercom(_ export: PlanningContext) throws -> ColumnPlan {
        var plan = ColumnPlan(
            kind: .ticket, id: try export.required(export.column("conversation_id"), "conversation_id"),
            createdAt: try export.required(export.column("conversation_created_at", "message_created_at"), "conversation_created_at"),
            createdAtZone: "UTC", text: [try export.required(export.column("message_body"), "message_body")],
            attributes: attributes(["conversation_state", "app_name"], export.names)
                + attributes(["conversation_tags", "message_author_companies"], export.names, separator: .comma))
        plan.combinesRows = true
        if let role = export.column("message_author_type") {
            plan.messageAuthorRole = (role, ["user", "lead", "contact", "customer"])
        }
        plan.author = export.column("message_author_email", "message_author_user_id", "message_author_id")
        return plan
    }

    func planHelpScout(_ export: PlanningContext) throws -> ColumnPlan {
        var plan = ColumnPlan(
            kind: .ticket, id: try export.required(export.column("conversation id", "id"), "Conversation ID"),
            createdAt: try export.required(export.column("created at", "created"), "Created At"),
            updatedAt: export.column("modified at", "updated at"), title: export.column("subject"),
            text: [export.column("preview", "body", "thread")].compactMap { $0 },
            attributes: attributes(["status", "mailbox", "type"], export.names) + attributes(["tags"], export.names, separator: .comma))
        plan.author = export.column("customer email", "customer id", "customer name")
        return plan
    }

    func planJira(_ export: PlanningContext) throws -> ColumnPlan {
        let commentColumns = export.names.indices.filter { export.names[$0] == "comment" }
        var plan = ColumnPlan(
            kind: .ticket, id: try export.required(export.column("issue key"), "Issue key"),
            createdAt: try export.required(export.column("created"), "Created"), updatedAt: export.column("updated"),
            title: export.column("summary"), text: export.column("description").map { [$0] } ?? [],
            score: export.column("satisfaction", "custom field (satisfaction)").map { ($0, .oneToFive) },
            attributes: attributes(["issue type", "status", "priority", "resolution", "project key", "custom field (request type)", "components"], export.names)
                + export.names.indices.filter { export.names[$0] == "labels" }.map { AttributeColumn("labels", $0, separator: .space) })
        plan.comments = CommentColumns(columns: commentColumns, customerAccount: export.column("reporter id"))
        plan.author = export.column("reporter id", "reporter")
        return plan
    }

    func planSalesforce(_ export: PlanningContext) throws -> ColumnPlan {
        // Two layouts: a report export (column labels, US-locale dates) and an object export (API export.names, UTC).
        if let caseID = export.column("id"), export.names.contains("casenumber") {
            let created = try export.required(export.column("createddate"), "CreatedDate")
            var plan = ColumnPlan(
                kind: .ticket, id: caseID, createdAt: created, createdAtZone: "UTC", updatedAt: export.column("lastmodifieddate"),
                title: export.column("subject"), text: export.column("description").map { [$0] } ?? [],
                attributes: attributes(["type", "status", "reason", "origin", "priority"], export.names))
            plan.exclusions = export.column("isdeleted").map { [RowExclusion(column: $0, values: ["1", "true"], reason: "a deleted Salesforce case")] } ?? []
            plan.author = export.column("suppliedemail", "contactid")
            return plan
        }
        var plan = ColumnPlan(
            kind: .ticket, id: try export.required(export.column("case number", "case id"), "Case Number"),
            createdAt: try export.required(export.column("date/time opened", "opened date", "created date"), "Date/Time Opened"),
            updatedAt: export.column("last modified date", "date/time last modified"), title: export.column("subject"),
            text: export.column("description").map { [$0] } ?? [],
            attributes: attributes(["status", "priority", "case origin", "type", "case reason", "account name"], export.names))
        plan.author = export.column("contact email", "web email", "contact name")
        return plan
    }

    func planHubSpot(_ export: PlanningContext) throws -> ColumnPlan {
        var plan = ColumnPlan(
            kind: .ticket, id: try export.required(export.column("ticket id", "record id"), "Ticket ID"),
            createdAt: try export.required(export.column("create date", "created date"), "Create date"),
            updatedAt: export.column("last modified date", "last activity date"), title: export.column("ticket name"),
            text: export.column("ticket description", "description").map { [$0] } ?? [],
            attributes: attributes(["ticket status", "pipeline", "priority", "source", "category"], export.names))
        plan.author = export.column("contact email", "associated contact")
        return plan
    }
}
