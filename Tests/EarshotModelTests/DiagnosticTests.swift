import EarshotModel
import Testing

@Suite struct DiagnosticTests {
    @Test func descriptionIsCompilerStyle() {
        let located = Diagnostic(.warning, "ambiguous date", at: SourceLocation(file: "export.csv", line: 42, column: 3))
        #expect(located.description == "export.csv:42:3: warning: ambiguous date")
        let lineOnly = Diagnostic(.error, "bad row", at: SourceLocation(file: "a.csv", line: 7))
        #expect(lineOnly.description == "a.csv:7: error: bad row")
        let columnOnly = Diagnostic(.note, "n", at: SourceLocation(file: "a.csv", column: 2))
        #expect(columnOnly.description == "a.csv:2: note: n")
        #expect(Diagnostic(.note, "plain").description == "note: plain")
    }

    @Test func severitiesAreOrdered() {
        #expect(Diagnostic.Severity.note < .warning)
        #expect(Diagnostic.Severity.warning < .error)
        #expect([Diagnostic.Severity.error, .note, .warning].sorted() == [.note, .warning, .error])
        #expect([Diagnostic.Severity.note, .error, .warning].max() == .error)
    }

    @Test func accumulatingCollectorKeepsEmissionOrder() {
        let collector = AccumulatingDiagnosticCollector()
        collector.emit(Diagnostic(.note, "one"))
        collector.emit(Diagnostic(.error, "two"))
        #expect(collector.diagnostics.map(\.message) == ["one", "two"])
        #expect(collector.diagnostics.map(\.severity) == [.note, .error])
    }
}
