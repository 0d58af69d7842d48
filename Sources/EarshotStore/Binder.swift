import EarshotModel
import GRDB
import GRDBSQLite

/// Binds values to a statement's parameters in order, with SQLite's C API: the bulk writers bind millions of rows.
struct Binder {
    let handle: OpaquePointer
    var index: Int32 = 1

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func text(_ value: String?) {
        if var value {
            value.withUTF8 { bindText($0) }
        } else {
            sqlite3_bind_null(handle, index)
        }
        index += 1
    }

    /// Binds a record id as its ``RecordID/description`` spells it, built in `scratch` rather than as a new string:
    /// the bulk writers bind one per row.
    mutating func recordID(_ id: RecordID, scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: id.source.utf8)
        scratch.append(UInt8(ascii: ":"))
        scratch.append(contentsOf: id.sourceID.utf8)
        scratch.withUnsafeBufferPointer { bindText($0) }
        index += 1
    }

    /// Binds UTF-8 bytes as text to the current parameter; SQLite copies them.
    private func bindText(_ buffer: UnsafeBufferPointer<UInt8>) {
        _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self),
                              Int32(buffer.count), Self.transient)
    }

    mutating func int(_ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        index += 1
    }

    mutating func double(_ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        index += 1
    }

    /// Runs the statement, which returns no rows.
    func step() throws {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
    }
}
