import Foundation

/// Writes files so that a reader sees the old bytes or the new ones, never half of them.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `url`, flushes it, and renames it over `url`.
    ///
    /// - Throws: ``EarshotError`` of kind `ioError` naming the path when the folder cannot be written or the disk is full.
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent().path
        let temporary = "\(folder)/.\(url.lastPathComponent).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw ioError(url, errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0 && rename(temporary, url.path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw ioError(url, failure)
        }
    }

    private static func ioError(_ url: URL, _ code: Int32) -> EarshotError {
        EarshotError(.ioError, "cannot write \(url.path): \(String(cString: strerror(code)))")
    }
}
