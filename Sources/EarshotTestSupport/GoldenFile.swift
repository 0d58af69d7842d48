import Foundation

/// Compares text with a golden file under `Fixtures/golden/`, re-recording it when `RECORD_GOLDENS=1` is set.
///
/// A recording never passes: it returns a failure message, so a fresh golden is always looked at before it is trusted.
public enum GoldenFile {
    /// `nil` when `actual` equals the golden file; otherwise a message with a line diff.
    public static func mismatch(_ actual: String, golden relativePath: String, filePath: String = #filePath) -> String? {
        let url = repositoryRoot(from: filePath).appendingPathComponent("Fixtures/golden").appendingPathComponent(relativePath)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" || expected == nil {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return "recorded a new golden file at \(url.path); check it and run the tests again"
        }
        guard let expected, expected != actual else { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for index in 0..<max(expectedLines.count, actualLines.count) where diff.count < 40 {
            let old = index < expectedLines.count ? String(expectedLines[index]) : nil
            let new = index < actualLines.count ? String(actualLines[index]) : nil
            if old != new {
                if let old { diff.append("-\(index + 1): \(old)") }
                if let new { diff.append("+\(index + 1): \(new)") }
            }
        }
        return "\(relativePath) differs from its golden file (RECORD_GOLDENS=1 re-records):\n" + diff.joined(separator: "\n")
    }

    /// The folder holding `Package.swift`, found by walking up from a source file.
    public static func repositoryRoot(from filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}
