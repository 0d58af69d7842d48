import EarshotTestSupport
import Foundation
import Testing

/// Runs the built `earshot` binary as cron and users do, checking output and exit codes.
@Suite struct CLITests {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("earshot")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return GoldenFile.repositoryRoot().appendingPathComponent(".build/debug/earshot")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], executable: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryWorkspace() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-cli-\(UUID().uuidString)")
        let result = try run(["init", url.path])
        #expect(result.status == 0)
        return url
    }

    static func fixture(_ relative: String) -> String {
        GoldenFile.repositoryRoot().appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    @Test(arguments: ["init", "ingest", "normalize", "themes", "report", "run", "status", "export"])
    func everySubcommandExplainsItselfWithAnExample(_ command: String) throws {
        let result = try Self.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example"))
        #expect(result.stdout.contains("--workspace"))
    }

    @Test func initCreatesTheWorkspaceLayoutWithOwnerOnlyPermissions() throws {
        let root = try Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["earshot.toml", "earshot.sqlite", "inbox", "reports"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path), "\(name)")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("earshot.sqlite").path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
        let toml = try String(contentsOf: root.appendingPathComponent("earshot.toml"), encoding: .utf8)
        #expect(toml.contains("# [sources.airline_tweets]"))
    }

    @Test func runPrintsTheReportPathsAndASummaryLine() throws {
        let root = try Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Self.run(["run", "--inbox", Self.fixture("sample")], environment: ["EARSHOT_WORKSPACE": root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let paths = result.stdout.split(separator: "\n").map(String.init)
        #expect(paths.count == 3)
        #expect(paths.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        #expect(result.stderr.contains("earshot run: files=6 rows=350 records=368") || result.stderr.contains("earshot run: files=6"))
        // A second run finds nothing new and exits 0.
        let again = try Self.run(["run", "--inbox", Self.fixture("sample"), "--workspace", root.path])
        #expect(again.status == 0)
        #expect(again.stderr.contains("already ingested"))
    }

    @Test func asOfRunsAsOnThatDayAndTheNextNightOnlyAssignsThemes() throws {
        let root = try Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        // Tuesday of 2026-W46: the last complete week is W45, whatever today is.
        let first = try Self.run(["run", "-w", root.path, "--inbox", Self.fixture("sample"), "--as-of", "2026-11-10"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").map { URL(fileURLWithPath: String($0)).lastPathComponent }
            == ["2026-W45.md", "2026-W45.html", "2026-W45.json"])
        // The next night, an edited export of one ticket: merged in and assigned, not rebuilt and detected.
        let tickets = try String(contentsOfFile: Self.fixture("sample/zendesk_tickets.csv"), encoding: .utf8)
        let lines = tickets.split(separator: "\n", omittingEmptySubsequences: false)
        let inbox = root.appendingPathComponent("tuesday")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try (lines[0] + "\n" + lines[1].replacingOccurrences(of: "Empty CSV export", with: "Empty CSV export again") + "\n")
            .write(to: inbox.appendingPathComponent("zendesk-one.csv"), atomically: true, encoding: .utf8)
        let next = try Self.run(["run", "-w", root.path, "--inbox", inbox.path, "--as-of", "2026-11-11", "--log-format", "json", "--log-level", "info"])
        #expect(next.status == 0, "\(next.stderr)")
        let finished = next.stderr.split(separator: "\n").filter { $0.contains("\"Stage finished\"") }
        #expect(finished.contains { $0.contains("\"normalize\"") && $0.contains("\"merge\"") }, "\(finished)")
        #expect(finished.contains { $0.contains("\"themes\"") && $0.contains("\"assign\"") }, "\(finished)")

        let invalid = try Self.run(["run", "-w", root.path, "--as-of", "2026-13-01"])
        #expect(invalid.status == 64)
        #expect(invalid.stderr.contains("--as-of 2026-13-01 is not a day"))
    }

    @Test func jsonLogFormatWritesOneObjectALineEndingWithTheRunSummary() throws {
        let root = try Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Self.run([
            "run", "-w", root.path, "--inbox", Self.fixture("sample"), "--log-format", "json", "--log-level", "info",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let objects = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], "not a JSON object: \(line)")
        }
        #expect(objects.count > 3)
        #expect(objects.allSatisfy { $0["time"]?.hasSuffix("Z") == true && $0["level"] != nil && $0["message"] != nil })
        #expect(objects.contains { $0["message"] == "Stage finished" && $0["stage.name"] == "normalize" })
        let summary = try #require(objects.last)
        #expect(summary["message"] == "earshot run finished")
        #expect(summary["files"] == "6")
        #expect(summary["records"] == "369")
        #expect(summary["quarantined"] == "1")
        #expect(summary["reports"]?.split(separator: " ").count == 3)

        let ragged = try Self.run(["ingest", "-w", root.path, "--log-format", "json", Self.fixture("edge/ragged_rows_delighted.csv")])
        let problem = try #require(ragged.stderr.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }.first { $0["level"] == "error" })
        #expect(problem["file"]?.hasSuffix("ragged_rows_delighted.csv") == true)
        #expect(problem["line"] == "4")
        #expect(problem["column"] == "7")
    }

    @Test func quarantinedRowsExitWith65UnderStrictAndZeroWithout() throws {
        let root = try Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let lenient = try Self.run(["ingest", "-w", root.path, Self.fixture("edge/ragged_rows_delighted.csv")])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("ragged_rows_delighted.csv:4:7: error: row quarantined: expected 11 fields"))
        let strict = try Self.run(["ingest", "-w", root.path, "--strict", Self.fixture("edge/unterminated_quote_zendesk.csv")])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("unterminated_quote_zendesk.csv:7:42: error"))
    }

    @Test func anUnknownExportIsRejectedWithAMappingToEdit() throws {
        let root = try Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Self.run(["ingest", "-w", root.path, Self.fixture("edge/unknown_tool.csv")])
        #expect(result.stdout.contains("rejected"))
        #expect(result.stderr.contains("\"feedback_uid\", \"submitted_on\""))
        #expect(result.stderr.contains("[sources.unknown_tool]"))
        #expect(result.stderr.contains("text = [\"feedback_body\"]"))
    }

    @Test func exitCodesTellCronWhatWentWrong() throws {
        // Not a workspace: 1.
        let missing = try Self.run(["status", "-w", "/nonexistent/earshot"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("earshot init"))

        let root = try Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Self.run(["run", "-w", root.path, "--inbox", Self.fixture("sample")])

        // A report folder that cannot be created: 74.
        let blocker = root.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let io = try Self.run(["report", "-w", root.path, "--output", blocker.appendingPathComponent("sub").path])
        #expect(io.status == 74, "\(io.stderr)")

        // Another run holds the lock: 75, naming the holder.
        let lockPath = root.appendingPathComponent(".earshot.lock").path
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o600)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let locked = try Self.run(["status", "-w", root.path])
        #expect(locked.status == 75)
        #expect(locked.stderr.contains("another earshot run holds the workspace"))

        // A bad argument: 64, from the argument parser.
        let usage = try Self.run(["report", "-w", root.path, "--format", "pdf"])
        #expect(usage.status == 64)
    }

    @Test func statusJSONAccountsForEveryRow() throws {
        let root = try Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Self.run(["ingest", "-w", root.path, Self.fixture("sample"), Self.fixture("edge")])
        _ = try Self.run(["normalize", "-w", root.path])
        let result = try Self.run(["status", "-w", root.path, "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let files = try #require(object?["files"] as? [[String: Any]])
        #expect(files.count == 18)
        for file in files {
            let read = file["rowsRead"] as? Int ?? -1
            let sum = (file["records"] as? Int ?? 0) + (file["mergedDuplicates"] as? Int ?? 0) + (file["quarantined"] as? Int ?? 0)
            #expect(read == sum, "\(file["fileName"] ?? "")")
        }
    }

    @Test func exportThemesWritesTheDocumentedColumns() throws {
        let root = try Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Self.run(["run", "-w", root.path, "--inbox", Self.fixture("sample")])
        let out = root.appendingPathComponent("themes.csv")
        let result = try Self.run(["export", "themes", "-w", root.path, "--format", "csv", "--out", out.path])
        #expect(result.status == 0)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("source_id,source,record_id,theme_id,theme_label,rank,strength,matched_terms\r\n"))
    }
}

@Suite struct MoveProcessedTests {
    @Test func theInboxIsLeftAloneUnlessMoveProcessedIsGivenAndThenOnlyIngestedFilesMove() throws {
        let root = try CLITests.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("incoming")
        let done = root.appendingPathComponent("done")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for name in ["delighted_nps.csv", "zendesk_tickets.csv"] {
            try FileManager.default.copyItem(atPath: CLITests.fixture("sample/\(name)"), toPath: inbox.appendingPathComponent(name).path)
        }
        try FileManager.default.copyItem(atPath: CLITests.fixture("edge/unknown_tool.csv"), toPath: inbox.appendingPathComponent("unknown_tool.csv").path)

        let plain = try CLITests.run(["run", "-w", root.path, "--inbox", inbox.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.path).count == 3, "without the option nothing moves")

        // The two known exports are in the workspace now (found already ingested), so they move; the unknown one stays.
        let moving = try CLITests.run(["run", "-w", root.path, "--inbox", inbox.path, "--move-processed", done.path])
        #expect(moving.status == 0, "\(moving.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.path) == ["unknown_tool.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: done.path).sorted() == ["delighted_nps.csv", "zendesk_tickets.csv"])

        // The same name again never overwrites what was moved before.
        try FileManager.default.copyItem(atPath: CLITests.fixture("sample/delighted_nps.csv"), toPath: inbox.appendingPathComponent("delighted_nps.csv").path)
        let again = try CLITests.run(["run", "-w", root.path, "--inbox", inbox.path, "--move-processed", done.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: done.path).sorted() == ["delighted_nps-2.csv", "delighted_nps.csv", "zendesk_tickets.csv"])
    }
}

@Suite struct FullDiskTests {
    /// A file-size limit (`ulimit -f`, with SIGXFSZ ignored so writes fail with EFBIG as on a full disk) stops the
    /// report half-way through its forms.
    @Test func aReportThatCannotBeWrittenExits74AndLeavesTheOldReportsAndTheWorkspaceAsTheyWere() throws {
        let root = try CLITests.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try CLITests.run(["run", "-w", root.path, "--inbox", CLITests.fixture("sample")])
        #expect(first.status == 0, "\(first.stderr)")
        let reports = root.appendingPathComponent("reports")
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: reports.path) {
                files[name] = try Data(contentsOf: reports.appendingPathComponent(name))
            }
            return files
        }
        // Make the old reports differ from what a new run writes, so a partial write would show.
        for name in try FileManager.default.contentsOfDirectory(atPath: reports.path) {
            try Data("old \(name)\n".utf8).write(to: reports.appendingPathComponent(name))
        }
        let before = try snapshot()
        let statusBefore = try CLITests.run(["status", "-w", root.path, "--format", "json"]).stdout
        let week = try #require(before.keys.first { $0.hasSuffix(".md") }).replacingOccurrences(of: ".md", with: "")

        let limited = try CLITests.run([
            "-c", "trap '' XFSZ; ulimit -f 24; exec \"$0\" \"$@\"", CLITests.binary.path, "report", "-w", root.path, "--week", week,
        ], executable: "/bin/sh")
        #expect(limited.status == 74, "\(limited.stderr)")
        #expect(limited.stderr.contains("cannot write"), "\(limited.stderr)")
        #expect(try snapshot() == before, "no form was replaced and no temporary file was left")
        #expect(try CLITests.run(["status", "-w", root.path, "--format", "json"]).stdout == statusBefore)
    }
}

@Suite struct ThemesCommandTests {
    /// The languages are told from the records by default: the command says which it read them in.
    @Test func themesSaysWhichLanguagesItReadTheRecordsIn() throws {
        let root = try CLITests.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLITests.run(["run", "-w", root.path, "--inbox", CLITests.fixture("sample")]).status == 0)
        let themes = try CLITests.run(["themes", "-w", root.path])
        #expect(themes.status == 0, "\(themes.stderr)")
        let lines = themes.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("themes: ") == true)
        #expect(lines.dropFirst().first == "languages: english")
    }
}

@Suite struct ProgressBarTests {
    @Test func aTerminalSeesAProgressBarAndCronSeesNone() throws {
        let root = try CLITests.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        // script(1) gives earshot a pseudo-terminal for stderr, as a person at a shell has.
        let command = "\(CLITests.binary.path) run -w \(root.path) --inbox \(CLITests.fixture("sample"))"
        let terminal = try CLITests.run(["-qfec", command, "/dev/null"], environment: ["TERM": "xterm"], executable: "/usr/bin/script")
        #expect(terminal.status == 0, "\(terminal.stdout)")
        #expect(terminal.stdout.contains("\r"), "the bar is redrawn in place")
        for stage in ["ingest", "normalize", "themes"] {
            #expect(terminal.stdout.range(of: #"\#(stage) +\[#+\] +100%.*done in"#, options: .regularExpression) != nil,
                    "\(stage) ends with a full bar")
        }
        #expect(terminal.stdout.contains("rows/s") || terminal.stdout.contains("records/s") || terminal.stdout.contains("done in"))

        let cronWorkspace = try CLITests.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: cronWorkspace) }
        let cron = try CLITests.run(["run", "-w", cronWorkspace.path, "--inbox", CLITests.fixture("sample")])
        #expect(cron.status == 0)
        #expect(cron.stderr.contains("earshot run: files=6"), "every stage ran")
        #expect(!cron.stderr.contains("\r"), "no progress bar when stderr is not a terminal")
        #expect(!cron.stderr.contains("done in"))
    }
}
