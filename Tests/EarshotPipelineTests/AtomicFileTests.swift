import Foundation
import Testing

@testable import EarshotPipeline

/// A run killed while writing its reports leaves temporary files that nothing else would remove.
@Suite struct AtomicFileTests {
    @Test func writingRemovesTheTemporariesOfKilledWritersOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A process that has exited, as a killed run has.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let abandoned = ".report.md.\(finished.processIdentifier).tmp"
        let live = ".report.md.1.tmp"  // process 1 is always running
        let otherFile = ".summary.md.\(finished.processIdentifier).tmp"
        for name in [abandoned, live, otherFile] {
            try Data("half written".utf8).write(to: folder.appendingPathComponent(name))
        }

        try AtomicFile.write(Data("# Report\n".utf8), to: folder.appendingPathComponent("report.md"))

        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == [live, otherFile, "report.md"].sorted())
        #expect(try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8) == "# Report\n")
    }

    @Test func aFileWrittenInPiecesHoldsThemAllAndAFailedOneLeavesTheOldFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("themes.csv")
        // More than two buffers' worth, in pieces of a line each.
        let lines = (0..<60_000).map { "zendesk:\($0),T0001,1,0.5,\"refund, charge\"\r\n" }
        try AtomicFile.write(to: file) { write in
            for line in lines { try write(line) }
        }
        let written = try Data(contentsOf: file)
        #expect(written.count > 2 * PieceWriter.bufferBytes)
        // Compared outside the expectation: on a mismatch, Swift Testing would diff the megabytes byte by byte.
        let holdsEveryPiece = written == Data(lines.joined().utf8)
        #expect(holdsEveryPiece, "the file is not the pieces in order")

        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: file) { write in
                for line in lines { try write(line) }
                throw Interrupted()
            }
        }
        let keptOldBytes = try Data(contentsOf: file) == written
        #expect(keptOldBytes, "a failed write changed the file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["themes.csv"])
    }
}
