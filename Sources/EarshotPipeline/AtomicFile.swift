import Foundation

/// Writes files so that a reader sees the old bytes or the new ones, never half of them.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `url`, flushes it, and renames it over `url`.
    ///
    /// - Throws: ``EarshotError`` of kind `ioError` naming the path when the folder cannot be written or the disk is full.
    public static func write(_ data: Data, to url: URL) throws {
        try write([(data, url)])
    }

    /// Writes several files as one: every temporary file is written and flushed first, and only when all are on disk
    /// are they renamed into place, so a full disk leaves the old set of files, not a mix of old and new.
    ///
    /// - Throws: ``EarshotError`` of kind `ioError` naming the first path that could not be written.
    public static func write(_ files: [(data: Data, url: URL)]) throws {
        for (_, url) in files { removeAbandonedTemporaries(of: url) }
        var temporaries: [String] = []
        func removeTemporaries() { for path in temporaries { unlink(path) } }
        for (data, url) in files {
            let temporary = temporaryPath(of: url)
            let failure = writeFlushed(data, to: temporary)
            if failure != 0 {
                unlink(temporary)
                removeTemporaries()
                throw ioError(url, failure)
            }
            temporaries.append(temporary)
        }
        for (temporary, file) in zip(temporaries, files) where rename(temporary, file.url.path) != 0 {
            let failure = errno
            removeTemporaries()
            throw ioError(file.url, failure)
        }
    }

    /// Where this process writes `url` before renaming it: `.NAME.PID.tmp` beside it.
    private static func temporaryPath(of url: URL, process: pid_t = getpid()) -> String {
        "\(url.deletingLastPathComponent().path)/.\(url.lastPathComponent).\(process).tmp"
    }

    /// Removes the temporary files that writers of `url` killed before their rename left beside it. Nothing else
    /// would ever remove them: a killed process runs no cleanup. A file whose process is still alive (another
    /// writer of the same path, right now) is left alone.
    static func removeAbandonedTemporaries(of url: URL) {
        let folder = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            guard let process = pid_t(name.dropFirst(prefix.count).dropLast(".tmp".count)), process != getpid(),
                kill(process, 0) != 0, errno == ESRCH
            else { continue }
            unlink(temporaryPath(of: url, process: process))
        }
    }

    /// Writes a file from the pieces `produce` hands to its argument, in order (gathered by ``PieceWriter``), then
    /// flushes it and renames it over `url` as ``write(_:to:)`` does. When `produce` throws, the temporary file is
    /// removed, `url` keeps its old bytes and the error goes on.
    ///
    /// - Throws: ``EarshotError`` of kind `ioError` naming the path when the folder cannot be written or the disk is full.
    public static func write(to url: URL, _ produce: (_ write: (String) throws -> Void) throws -> Void) throws {
        removeAbandonedTemporaries(of: url)
        let temporary = temporaryPath(of: url)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw ioError(url, errno) }
        do {
            try PieceWriter.write(to: descriptor, naming: url.path, produce)
            if fsync(descriptor) != 0 { throw ioError(url, errno) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        if rename(temporary, url.path) != 0 {
            let failure = errno
            unlink(temporary)
            throw ioError(url, failure)
        }
    }

    /// Writes and fsyncs a new owner-only file; returns 0 or the errno of the failure.
    private static func writeFlushed(_ data: Data, to path: String) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return errno }
        var failure = PieceWriter.writeAll(data, to: descriptor)
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        return failure
    }

    private static func ioError(_ url: URL, _ code: Int32) -> EarshotError {
        PieceWriter.writeError(url.path, code)
    }
}
