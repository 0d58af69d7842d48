import EarshotModel
import Foundation

/// Survey tools: one column per question, so most of the plan is inferred from the values (see ``ColumnPlanner``).
extension ColumnPlanner {
    func planQualtrics(_ export: PlanningContext) throws -> ColumnPlan {
        let created = try export.required(export.column("recordeddate", "recorded date", "enddate", "end date", "startdate"), "RecordedDate")
        let metadata: Set<String> = ["startdate", "enddate", "status", "ipaddress", "progress", "duration (in seconds)", "finished",
            "recordeddate", "responseid", "recipientlastname", "recipientfirstname", "recipientemail", "externalreference",
            "externaldatareference", "locationlatitude", "locationlongitude", "locationaccuracy", "distributionchannel",
            "userlanguage", "responseset", "name", "emailaddress", "ipaddress", "q_recaptchascore"]
        let exclusions = export.column("status").map {
            [RowExclusion(column: $0, values: ["survey preview", "spam", "1", "8"], reason: "Qualtrics survey preview or spam, not a response")]
        } ?? []
        var plan = inferSurvey(file: export.file, names: export.names, sample: export.sample, id: export.column("responseid"), created: created,
                               metadata: metadata, exclusions: exclusions)
        plan.author = export.column("recipientemail", "externalreference", "externaldatareference")
        if let score = plan.score?.column {
            plan.npsGroup = export.names.firstIndex { $0 == export.names[score] + "_nps_group" }
        }
        return plan
    }

    func planSurveyMonkey(_ export: PlanningContext) throws -> ColumnPlan {
        let created = export.column("end date", "enddate", "start date", "startdate")
        let metadata: Set<String> = ["respondent id", "respondentid", "collector id", "collectorid", "start date", "startdate",
            "end date", "enddate", "ip address", "email address", "first name", "last name", "lastname", "custom data",
            "custom data 1"]
        var plan = inferSurvey(file: export.file, names: export.names, sample: export.sample, id: export.column("respondent id", "respondentid"),
                               created: created, metadata: metadata, exclusions: [])
        plan.author = export.column("email address")
        return plan
    }

    func planTypeform(_ export: PlanningContext) throws -> ColumnPlan {
        let created = try export.required(export.column("submit date (utc)"), "Submit Date (UTC)")
        let metadata: Set<String> = ["#", "start date (utc)", "stage date (utc)", "submit date (utc)", "network id", "response type", "ending"]
        var plan = inferSurvey(file: export.file, names: export.names, sample: export.sample, id: 0, created: created, metadata: metadata, exclusions: [])
        plan.createdAtFallback = export.column("start date (utc)")
        return plan
    }

    func planMicrosoftForms(_ export: PlanningContext) throws -> ColumnPlan {
        let created = try export.required(export.column("completion time", "start time"), "Completion time")
        let metadata: Set<String> = ["id", "start time", "completion time", "email", "name", "last modified time", "total points", "quiz feedback"]
        var plan = inferSurvey(file: export.file, names: export.names, sample: export.sample, id: export.column("id"), created: created, metadata: metadata, exclusions: [])
        plan.updatedAt = export.column("last modified time")
        if let email = export.column("email"), !export.sample.allSatisfy({ email < $0.count && ["anonymous", ""].contains($0[email].lowercased()) }) {
            plan.author = email
        }
        return plan
    }

    func planGoogleForms(_ export: PlanningContext) throws -> ColumnPlan {
        let metadata: Set<String> = ["timestamp", "email address", "score"]
        var plan = inferSurvey(file: export.file, names: export.names, sample: export.sample, id: nil, created: 0, metadata: metadata, exclusions: [])
        plan.author = export.column("email address")
        return plan
    }
}
