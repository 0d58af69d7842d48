import Foundation

/// Text handed over in pieces, written in order to a file descriptor in writes of about a megabyte: an export of
/// millions of rows goes out as it is made, never whole in memory, in few system calls.
public enum PieceWriter {
    /// How many bytes are gathered before each write.
    static let bufferBytes = 1 << 20

    /// Calls `produce` with a function that takes the pieces, and writes them to `descriptor`.
    ///
    /// - Throws: what `produce` throws, or ``EarshotError`` of kind `ioError` naming `name` when a write fails.
    public static func write(
        to descriptor: Int32, naming name: String, _ produce: (_ write: (String) throws -> Void) throws -> Void
    ) throws {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(bufferBytes * 2)
        func flush() throws {
            let failure = writeAll(buffer, to: descriptor)
            if failure != 0 { throw writeError(name, failure) }
            buffer.removeAll(keepingCapacity: true)
        }
        try produce { piece in
            buffer.append(contentsOf: piece.utf8)
            if buffer.count >= bufferBytes { try flush() }
        }
        try flush()
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

    /// The error for a failed write of `name`, with the system's reason.
    static func writeError(_ name: String, _ code: Int32) -> EarshotError {
        EarshotError(.ioError, "cannot write \(name): \(String(cString: strerror(code)))")
    }
}
