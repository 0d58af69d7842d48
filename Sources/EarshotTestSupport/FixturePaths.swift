import Foundation

/// Locates the repository's top-level `Fixtures/` folder from the source tree, so tests need no bundle resources.
///
/// The repository root is found by walking up from this file (via `#filePath`) until a folder holds
/// `Package.swift`.
public enum FixturePaths {
    /// The repository root: the nearest folder above this source file that contains `Package.swift`.
    public static let repositoryRoot: URL = {
        let fileManager = FileManager.default
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while true {
            if fileManager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.standardizedFileURL
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path {
                fatalError("FixturePaths: no folder containing Package.swift above \(#filePath)")
            }
            directory = parent
        }
    }()

    /// The `Fixtures/` folder at the repository root.
    public static var root: URL { repositoryRoot.appendingPathComponent("Fixtures", isDirectory: true) }

    /// The URL of a fixture, given relative to `Fixtures/` (`"sample/delighted_nps.csv"`).
    public static func url(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }

    /// The file-system path of a fixture, given relative to `Fixtures/`.
    public static func path(_ relative: String) -> String {
        url(relative).path
    }
}
