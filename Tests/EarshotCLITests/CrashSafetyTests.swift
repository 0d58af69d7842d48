import Foundation
import Testing

/// `earshot run` killed with SIGKILL in the middle of each stage, then run again, ends with the same workspace
/// contents and the same report bytes as a run nobody interrupted.
@Suite(.serialized) struct CrashSafetyTests {
    /// A Delighted export big enough that every stage takes a while: 4,000 answers over six weeks.
    static func writeInbox(at folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let comments = [
            "The app crashes on startup after the update", "Export to CSV drops all custom fields",
            "I was charged twice for the monthly plan", "Support took four days to reply to my ticket",
            "Love the clean interface, so easy to use", "Calendar sync stopped working with Outlook",
            "Password reset email never arrives", "The dashboard is slow to load every morning",
        ]
        var lines = ["Response ID,Email,Name,Score,Comment,Created At (UTC),Plan,Country,Delighted Source,Delighted Device Type,Delighted Country"]
        for index in 0..<4_000 {
            let day = 1 + index * 41 / 4_000
            let date = day <= 31 ? String(format: "2026-10-%02d", day) : String(format: "2026-11-%02d", day - 31)
            let comment = "\(comments[index % comments.count]). \(comments[(index * 7 + 3) % comments.count]) (case \(index % 97))"
            lines.append("r\(index),user\(index)@example.com,User \(index),\(index * 13 % 11),\"\(comment)\",\(date) 10:\(String(format: "%02d", index % 60)):00,\(index % 3 == 0 ? "Pro" : "Free"),US,Email,Mobile,US")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("delighted_big.csv"), atomically: true, encoding: .utf8)
    }

    /// The next night's export: `new` answers from 2026-11-11, and newer versions (other words and scores) of the
    /// first `edited` answers of ``writeInbox(at:)``.
    static func writeNextNight(at folder: URL, new: Int = 3_000, edited: Int = 1_000) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var lines = ["Response ID,Email,Name,Score,Comment,Created At (UTC),Plan,Country,Delighted Source,Delighted Device Type,Delighted Country"]
        for index in 0..<edited {
            let day = 1 + index * 41 / 4_000
            lines.append("r\(index),user\(index)@example.com,User \(index),\(index % 4),\"Changed my answer: the invoice was wrong again (case \(index % 31))\",2026-10-\(String(format: "%02d", day)) 10:\(String(format: "%02d", index % 60)):00,Pro,US,Email,Mobile,US")
        }
        for index in 0..<new {
            lines.append("n\(index),late\(index)@example.com,Late \(index),\(index % 11),\"Sync stopped working after the update, and support never replied (case \(index % 53))\",2026-11-11 \(String(format: "%02d", index % 24)):\(String(format: "%02d", index % 60)):00,Free,US,Email,Mobile,US")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("delighted_next.csv"), atomically: true, encoding: .utf8)
    }

    /// A workspace whose runs assign new records rather than detect themes, however many are new.
    static func initAssigning(_ workspace: URL) throws {
        #expect(try CLITests.run(["init", workspace.path]).status == 0)
        let toml = workspace.appendingPathComponent("earshot.toml")
        let text = try String(contentsOf: toml, encoding: .utf8)
        #expect(text.contains("rediscover_share = 0.1"))
        try text.replacingOccurrences(of: "rediscover_share = 0.1", with: "rediscover_share = 1.0")
            .write(to: toml, atomically: true, encoding: .utf8)
    }

    /// What a run leaves behind that must not depend on interruptions: the records, assignments and weekly figures
    /// as exported, every file's accounting, and the report bytes.
    static func contents(of workspace: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for table in ["records", "themes", "theme-weeks"] {
            let export = try CLITests.run(["export", table, "-w", workspace.path, "--format", "csv"])
            #expect(export.status == 0, "\(export.stderr)")
            result["export \(table)"] = Data(export.stdout.utf8)
        }
        let status = try CLITests.run(["status", "-w", workspace.path, "--format", "json"])
        var object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        object["stages"] = nil  // stage versions count the runs, and an interrupted run is one more
        result["status"] = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let reports = workspace.appendingPathComponent("reports")
        for name in try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted() where !name.hasPrefix(".") {
            result["report \(name)"] = try Data(contentsOf: reports.appendingPathComponent(name))
        }
        return result
    }

    /// Starts `earshot run` with JSON logs, waits for the log line `message` (and `stage`), waits `delay` more,
    /// and kills it with SIGKILL. Returns whether the kill landed before the run finished.
    static func killRun(workspace: URL, inbox: URL, message: String, stage: String?, delay: TimeInterval) throws -> Bool {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = ["run", "-w", workspace.path, "--inbox", inbox.path, "--log-format", "json", "--log-level", "info"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var buffer = Data()
        var seen = false
        while !seen {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            for line in String(decoding: buffer, as: UTF8.self).split(separator: "\n") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String] else { continue }
                if object["message"] == message, stage == nil || object["stage.name"] == stage { seen = true }
            }
        }
        if seen {
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
        }
        _ = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    /// ``killRun(workspace:inbox:message:stage:delay:)`` in a new workspace that `prepare` sets up, tried again in
    /// another when the stage finished before the kill landed (the report stage of a small inbox takes tens of
    /// milliseconds on a busy machine), each time killing sooner after the log line. Returns the last workspace and
    /// whether the kill landed in it.
    static func killRunUntilItLands(
        named name: String, in root: URL, inbox: URL, message: String, stage: String?, delay: TimeInterval,
        prepare: (URL) throws -> Void
    ) throws -> (workspace: URL, killed: Bool) {
        let delays = [delay, delay / 4, 0, 0]
        var attempt = 0
        while true {
            let workspace = root.appendingPathComponent("\(name)-\(attempt)")
            try prepare(workspace)
            let killed = try killRun(workspace: workspace, inbox: inbox, message: message, stage: stage, delay: delays[attempt])
            attempt += 1
            if killed || attempt == delays.count { return (workspace, killed) }
        }
    }

    /// Runs `earshot run` again over `inbox` and expects the workspace to end as `expected`.
    static func expectRerunEndsAs(_ expected: [String: Data], workspace: URL, inbox: URL, after point: String) throws {
        let rerun = try CLITests.run(["run", "-w", workspace.path, "--inbox", inbox.path])
        #expect(rerun.status == 0, "rerun after a kill during \(point): \(rerun.stderr)")
        let actual = try contents(of: workspace)
        #expect(actual.keys.sorted() == expected.keys.sorted(), "after a kill during \(point)")
        for key in expected.keys.sorted() {
            #expect(actual[key] == expected[key], "\(key) differs after a kill during \(point)")
        }
    }

    @Test func aRunKilledInAnyStageAndRunAgainEndsAsIfNothingHappened() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        try Self.writeInbox(at: inbox)

        let reference = root.appendingPathComponent("reference")
        #expect(try CLITests.run(["init", reference.path]).status == 0)
        let clean = try CLITests.run(["run", "-w", reference.path, "--inbox", inbox.path])
        #expect(clean.status == 0, "\(clean.stderr)")
        let expected = try Self.contents(of: reference)
        #expect(expected.keys.filter { $0.hasPrefix("report ") }.count == 3, "the clean run wrote its three reports")

        let points: [(name: String, message: String, stage: String?, delay: TimeInterval)] = [
            ("ingest", "File ingest started", nil, 0.05),
            ("normalize", "Stage started", "normalize", 0.3),
            ("themes", "Stage started", "themes", 0.3),
            ("report", "Stage started", "report", 0.05),
        ]
        for point in points {
            let (workspace, killed) = try Self.killRunUntilItLands(
                named: "killed-\(point.name)", in: root, inbox: inbox, message: point.message, stage: point.stage,
                delay: point.delay
            ) { workspace throws in
                #expect(try CLITests.run(["init", workspace.path]).status == 0)
            }
            #expect(killed, "the run was killed during \(point.name)")
            try Self.expectRerunEndsAs(expected, workspace: workspace, inbox: inbox, after: point.name)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("reports").path)
                .filter { !$0.hasSuffix(".md") && !$0.hasSuffix(".html") && !$0.hasSuffix(".json") }
            #expect(leftovers.isEmpty, "a temporary report file was left after a kill during \(point.name): \(leftovers)")
        }
    }

    @Test func theNextNightsRunKilledWhileMergingAssigningOrReportingEndsAsIfNothingHappened() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-crash-next-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let firstNight = root.appendingPathComponent("first")
        let nextNight = root.appendingPathComponent("next")
        try Self.writeInbox(at: firstNight)
        try Self.writeNextNight(at: nextNight)

        let reference = root.appendingPathComponent("reference")
        try Self.initAssigning(reference)
        #expect(try CLITests.run(["run", "-w", reference.path, "--inbox", firstNight.path]).status == 0)
        let clean = try CLITests.run(["run", "-w", reference.path, "--inbox", nextNight.path, "--log-format", "json", "--log-level", "info"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stderr.contains("\"stage.mode\":\"merge\"") && clean.stderr.contains("\"stage.mode\":\"assign\""),
                "the next night did not merge and assign: the test would show nothing about it")
        let expected = try Self.contents(of: reference)

        let points: [(name: String, stage: String, delay: TimeInterval)] = [
            ("normalize", "normalize", 0.05), ("themes", "themes", 0.02), ("report", "report", 0.02),
        ]
        for point in points {
            let (workspace, killed) = try Self.killRunUntilItLands(
                named: "killed-next-\(point.name)", in: root, inbox: nextNight, message: "Stage started",
                stage: point.stage, delay: point.delay
            ) { workspace throws in
                try Self.initAssigning(workspace)
                #expect(try CLITests.run(["run", "-w", workspace.path, "--inbox", firstNight.path]).status == 0)
            }
            #expect(killed, "the next night's run was killed during \(point.name)")
            try Self.expectRerunEndsAs(expected, workspace: workspace, inbox: nextNight, after: "the next night's \(point.name)")
        }
    }
}
