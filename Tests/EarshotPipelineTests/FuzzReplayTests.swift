import EarshotFuzzing
import EarshotTestSupport
import Foundation
import Testing

/// Inputs of the libFuzzer target (`Scripts/fuzz.sh`), replayed through its own entry, ``FuzzHarness``.
@Suite struct FuzzReplayTests {
    @Test func everyCrasherStaysFixed() throws {
        // Each file is an input that once crashed the fuzz target or broke the row accounting, kept after the fix.
        for path in try Self.files(in: "fuzz/crashers") { FuzzHarness.exercise(path: path) }
    }

    @Test func corpusSampleRunsClean() throws {
        // A fixed sample of the corpus: all of it takes tens of seconds in a debug build, and the fuzzer runs it anyway.
        let files = try Self.files(in: "fuzz/corpus")
        #expect(!files.isEmpty)
        for path in files.prefix(16) { FuzzHarness.exercise(path: path) }
    }

    /// The files of a fixture folder, sorted by name; none when the folder does not exist.
    static func files(in relative: String) throws -> [String] {
        let folder = FixturePaths.url(relative)
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0).path }
    }
}
