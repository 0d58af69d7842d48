#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What tells one version of a file from another without reading it: device, inode, size and modification time.
///
/// Ingest takes a stamp before it reads a file and compares it afterwards. An export that another program is still
/// writing, or that is replaced or deleted meanwhile, would otherwise be stored half-read under a hash of different
/// bytes, and the rows that came later would then be skipped as "already ingested" forever.
public struct FileStamp: Sendable, Hashable, Codable {
    /// The device and inode: a file replaced by a rename has a new inode.
    public var device: UInt64
    /// See ``device``.
    public var inode: UInt64
    /// The size in bytes.
    public var byteCount: Int64
    /// The modification time, in nanoseconds since 1970.
    public var modifiedAtNanoseconds: Int64

    /// The stamp of the file at `path` now, or `nil` when it does not exist or cannot be examined.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        byteCount = Int64(info.st_size)
        modifiedAtNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
