import Foundation

/// Expands the paths given to `ingest` into the export files to read.
enum InputFiles {
    /// The extensions taken from folders.
    static let extensions: Set<String> = ["csv", "tsv", "txt"]

    /// Files as given, and the `.csv`/`.tsv`/`.txt` files inside folders (recursively, hidden files skipped), each list
    /// sorted by path so the ingest order does not depend on the file system.
    static func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw EarshotError(.ioError, "\(path): no such file or folder")
            }
            guard isDirectory.boolValue else {
                result.append(path)
                continue
            }
            var found: [String] = []
            var visited = Set<String>()
            func walk(_ folder: String) {
                let resolved = (folder as NSString).resolvingSymlinksInPath
                guard visited.insert(resolved).inserted else { return }  // a symlink loop ends here
                guard let entries = try? manager.contentsOfDirectory(atPath: folder) else { return }
                for entry in entries.sorted() where !entry.hasPrefix(".") {
                    let child = (folder as NSString).appendingPathComponent(entry)
                    var childIsDirectory: ObjCBool = false
                    guard manager.fileExists(atPath: child, isDirectory: &childIsDirectory) else { continue }
                    if childIsDirectory.boolValue {
                        walk(child)
                    } else if extensions.contains((entry as NSString).pathExtension.lowercased()) {
                        found.append(child)
                    }
                }
            }
            walk(path)
            result.append(contentsOf: found.sorted())
        }
        return result
    }
}
