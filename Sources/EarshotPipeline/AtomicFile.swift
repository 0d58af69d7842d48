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
            let temporary = "\(url.deletingLastPathComponent().path)/.\(url.lastPathComponent).\(getpid()).tmp"
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
            unlink("\(folder)/\(name)")
        }
    }

    /// Writes a file from the pieces `produce` hands to its argument, in order, then flushes it and renames it over
    /// `url` as ``write(_:to:)`` does. Pieces are gathered into writes of about a megabyte, so a large export is never
    /// whole in memory. When `produce` throws, the temporary file is removed, `url` keeps its old bytes and the error
    /// goes on.
    ///
    /// - Throws: ``EarshotError`` of kind `ioError` naming the path when the folder cannot be written or the disk is full.
    public static func write(to url: URL, _ produce: (_ write: (String) throws -> Void) throws -> Void) throws {
        removeAbandonedTemporaries(of: url)
        let temporary = "\(url.deletingLastPathComponent().path)/.\(url.lastPathComponent).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw ioError(url, errno) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.pieceBytes * 2)
        do {
            try produce { piece in
                buffer.append(contentsOf: piece.utf8)
                guard buffer.count >= Self.pieceBytes else { return }
                let failure = writeAll(buffer, to: descriptor)
                if failure != 0 { throw ioError(url, failure) }
                buffer.removeAll(keepingCapacity: true)
            }
            var failure = writeAll(buffer, to: descriptor)
            if failure == 0 && fsync(descriptor) != 0 { failure = errno }
            if failure != 0 { throw ioError(url, failure) }
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

    /// How many bytes ``write(to:_:)`` gathers before each write: about a megabyte, few system calls and little
    /// memory.
    public static let pieceBytes = 1 << 20

    /// Writes and fsyncs a new owner-only file; returns 0 or the errno of the failure.
    private static func writeFlushed(_ data: Data, to path: String) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return errno }
        var failure = data.withUnsafeBytes { writeAll($0, to: descriptor) }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        return failure
    }

    /// Writes every byte of `bytes` to `descriptor`; returns 0 or the errno of the failure.
    static func writeAll(_ bytes: some ContiguousBytes, to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
    }

    private static func ioError(_ url: URL, _ code: Int32) -> EarshotError {
        EarshotError(.ioError, "cannot write \(url.path): \(String(cString: strerror(code)))")
    }
}
