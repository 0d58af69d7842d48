import Foundation

/// One run at a time per workspace: an advisory `flock` on `.earshot.lock`, released by the kernel when the process
/// ends, so a lock left by a dead process never blocks the next run.
public final class WorkspaceLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock or fails at once.
    ///
    /// - Throws: ``EarshotError`` of kind `locked`, naming the holder's pid and start time, when another run holds it.
    public init(workspace root: URL, now: Date = Date()) throws {
        let path = root.appendingPathComponent(".earshot.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT, 0o600)
        guard descriptor >= 0 else {
            throw EarshotError(.ioError, "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            throw EarshotError(.locked, "another earshot run holds the workspace \(root.path) (\(holder.isEmpty ? "holder unknown" : holder)); try again when it has finished")
        }
        let stamp = ISO8601DateFormatter().string(from: now)
        let text = "pid \(getpid()), started \(stamp)\n"
        ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
