import EarshotModel
import EarshotPipeline
import EarshotTestSupport
import Foundation
import Testing

/// The three forms as a reader's tools see them: the JSON against its published schema, and the HTML in a real
/// browser with hostile customer text and a hostile taxonomy name.
@Suite struct ReportFormsTests {
    /// Written as HTML entities, as a help-desk export does with typed angle brackets: the cleaner decodes them, so
    /// the records really hold these tags as text, and only the report's escaping stands between them and a browser.
    static let hostile = [
        "Login broken &lt;script&gt;alert('x')&lt;/script&gt; please help, login fails every morning",
        "Login fails &lt;img src=x onerror=alert(1)&gt; again and again, login is broken",
        "Login &quot;&gt;&lt;svg onload=alert(1)&gt; still broken after the reset, login fails",
        "Login page: &lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt; here, login fails too",
    ]
    static let hostileThemeName = "<img src=y onerror=alert(2)> Login"

    /// A workspace fed a Delighted export of hostile comments over two weeks, with a hostile pinned theme name.
    static func hostileReport() throws -> (context: PipelineTestContext, reports: [URL]) {
        let configuration = """
            [[themes.pin]]
            name = "\(hostileThemeName.replacingOccurrences(of: "\"", with: "\\\""))"
            keywords = ["login"]
            """
        let context = try PipelineTestContext(configuration: configuration)
        var rows: [[String]] = []
        for index in 0..<24 {
            let week = index < 12 ? "2026-11-03" : "2026-11-10"
            rows.append(["id\(index)", "\(index % 11)", hostile[index % hostile.count] + " (\(index))", "\(week) 10:\(10 + index):00", "Pro"])
        }
        let export = context.root.appendingPathComponent("delighted_hostile.csv")
        try PipelineTestContext.writeCSV(header: ["Response ID", "Score", "Comment", "Created At (UTC)", "Plan"], rows: rows, to: export)
        _ = try context.pipeline.ingest(paths: [export.path])
        _ = try context.pipeline.normalize()
        try context.pipeline.detectThemes()
        let reports = try context.pipeline.writeReport(week: ISOWeek("2026-W46"), formats: ReportFormat.allCases, now: PipelineTestContext.now)
        return (context, reports)
    }

    @Test func theJSONFormFollowsItsPublishedSchema() throws {
        let (context, reports) = try Self.hostileReport()
        let schema = GoldenFile.repositoryRoot().appendingPathComponent("docs/report.schema.json").path
        var documents = try reports.filter { $0.pathExtension == "json" }.map(\.path)
        let sample = try PipelineTestContext()
        documents += try sample.pipeline.run(inbox: URL(fileURLWithPath: PipelineTestContext.fixture("sample")), now: PipelineTestContext.now)
            .reports.filter { $0.pathExtension == "json" }.map(\.path)
        #expect(documents.count == 2)
        // jsonschema (PyPI) is the reference validator; Scripts/bootstrap.sh installs it.
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            failures = [f"{path}: {error.json_path}: {error.message}" for path in sys.argv[2:] for error in validator.iter_errors(json.load(open(path)))]
            print("\\n".join(failures[:20]))
            sys.exit(1 if failures else 0)
            """
        let result = try Self.run("/usr/bin/env", ["python3", "-c", script, schema] + documents)
        #expect(result.status == 0, "the report JSON does not follow docs/report.schema.json:\n\(result.output)")
        let json = try String(contentsOf: try #require(reports.first { $0.pathExtension == "json" }), encoding: .utf8)
        #expect(json.contains("\"schemaVersion\" : \(WeeklyReport.currentSchemaVersion)"))
        withExtendedLifetime(context) {}
    }

    @Test func chromiumRendersTheHTMLAndShowsHostileTextOnlyAsText() throws {
        let (context, reports) = try Self.hostileReport()
        let html = try #require(reports.first { $0.pathExtension == "html" })
        let chromium = try #require(Self.chromium(), "headless Chromium is needed: Scripts/bootstrap.sh installs it (apt-get install chromium)")
        let profile = context.root.appendingPathComponent("chromium-profile").path
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)", "--no-first-run"]
        let dom = try Self.run(chromium, flags + ["--dump-dom", html.absoluteString])
        #expect(dom.status == 0, "\(dom.output.suffix(2000))")
        let serialized = dom.output.lowercased()
        #expect(serialized.contains("<h1>customer feedback, week 2026-w46</h1>"), "the page rendered")
        #expect(!serialized.contains("<script"), "no script element came from customer text")
        #expect(!serialized.contains("<img"), "no image element came from customer text or a theme name")
        #expect(!serialized.contains("<a href=\"javascript:"), "no javascript: link")
        let handlers = try NSRegularExpression(pattern: #"<[^>]*\son[a-z]+\s*="#)
        let range = NSRange(serialized.startIndex..., in: serialized)
        #expect(handlers.firstMatch(in: serialized, range: range) == nil, "no element has an event handler attribute")
        #expect(serialized.contains("&lt;script&gt;alert('x')&lt;/script&gt;"), "the hostile text is shown as text")
        #expect(serialized.contains("&lt;img src=x onerror=alert(1)&gt;"), "the hostile text is shown as text")
        #expect(serialized.contains("\"&gt;&lt;svg onload=alert(1)&gt;"), "the hostile text is shown as text")
        #expect(serialized.contains("&lt;img src=y onerror=alert(2)&gt; login"), "the hostile theme name is shown as text")
        #expect(serialized.contains("<svg"), "the charts rendered")

        let screenshot = context.root.appendingPathComponent("report.png")
        let shot = try Self.run(chromium, flags + ["--hide-scrollbars", "--window-size=1100,2000", "--screenshot=\(screenshot.path)", html.absoluteString])
        #expect(shot.status == 0, "\(shot.output.suffix(2000))")
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG screenshot")
        #expect(png.count > 20_000, "the screenshot is not blank")
    }

    static func chromium() -> String? {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in ["/usr/bin", "/usr/local/bin", "/snap/bin"] {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
