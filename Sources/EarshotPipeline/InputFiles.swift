import Foundation

/// Expands the paths given to `ingest` into the export files to read.
enum InputFiles {
    /// The extensions taken from folders.
    static let extensions: Set<String> = ["csv", "tsv", "txt"]

    /// Files as given, and the `.csv`/`.tsv`/`.txt` files inside folders (recursively, hidden files skipped), each list
    /// sorted by path so the ingest order does not depend on the file system. A folder reached twice through
    /// symbolic links is walked once, so a link loop ends the walk instead of recursing forever.
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
            var visited = Set<FolderIdentity>()
            func walk(_ folder: String) {
                // A folder is known by its device and inode, not its path: `resolvingSymlinksInPath` leaves a link to
                // `.` or `..` as it is, so a path key let such a loop run 40 levels deep, listing every file each time.
                var info = stat()
                guard stat(folder, &info) == 0,
                    visited.insert(FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted
                else { return }
                guard let entries = try? manager.contentsOfDirectory(atPath: folder) else { return }
                for entry in entries.sorted() where !entry.hasPrefix(".") {
                    let child = (folder as NSString).appendingPathComponent(entry)
                    let isExport = extensions.contains((entry as NSString).pathExtension.lowercased())
                    var childIsDirectory: ObjCBool = false
                    guard manager.fileExists(atPath: child, isDirectory: &childIsDirectory) else {
                        // A symbolic link that loops or points nowhere: listed anyway, so ingest reports it instead of
                        // a file silently missing from the run.
                        if isExport, (try? manager.destinationOfSymbolicLink(atPath: child)) != nil { found.append(child) }
                        continue
                    }
                    if childIsDirectory.boolValue {
                        walk(child)
                    } else if isExport {
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

/// A folder's identity on disk, whatever path led to it.
private struct FolderIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
}
