import CLibCSV
import EarshotModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the rows of a CSV file through libcsv's push parser.
///
/// The file is read in fixed-size chunks, transcoded to UTF-8 and fed to libcsv one physical line at a time, so the
/// reader always knows the line a row starts on and memory stays bounded by the chunk size and the longest row,
/// never by the file size. Unquoted fields keep their spaces (libcsv trims them by default; Earshot keeps rows
/// byte-faithful).
///
/// A quoted field that is never closed, or a field longer than ``maxFieldBytes``, does not lose the rest of the
/// file: the row is reported as a ``Problem`` and reading resumes on the next line.
public struct CSVReader: Sendable {
    /// A row the reader could not turn into fields.
    public struct Problem: Sendable, Hashable {
        /// The line the row starts on.
        public var line: Int
        /// What went wrong, as a sentence.
        public var reason: String
        /// The start of the row's text, for the quarantine (at most 1 KiB).
        public var excerpt: [UInt8]
    }

    /// What the reader hands to its caller, in file order.
    public enum Event: Sendable {
        /// A complete row.
        case row(CSVRow)
        /// A row that could not be parsed; reading went on after it.
        case problem(Problem)
    }

    /// The field separator byte.
    public var delimiter: UInt8
    /// The read size in bytes.
    public var chunkSize: Int
    /// The longest field accepted; a longer one is reported as a problem with its line number.
    public var maxFieldBytes: Int

    /// Creates a reader.
    public init(delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20, maxFieldBytes: Int = 32 << 20) {
        self.delimiter = delimiter
        self.chunkSize = chunkSize
        self.maxFieldBytes = maxFieldBytes
    }

    /// Reads every row of a file.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - encoding: Its encoding; a byte-order mark is skipped.
    ///   - handle: Called for each row or problem, in file order. Throwing stops the read.
    /// - Throws: ``CSVReadError`` when the file cannot be opened or read, or what `handle` throws.
    public func read(path: String, encoding: ExportEncoding, _ handle: (Event) throws -> Void) throws {
        var resumeAfterLine = 0
        var recoveries = 0
        while true {
            let outcome = try readPass(path: path, encoding: encoding, skippingThrough: resumeAfterLine, handle)
            guard let broken = outcome else { return }
            try handle(.problem(broken))
            recoveries += 1
            resumeAfterLine = broken.line
            if recoveries > 10_000 {
                throw CSVReadError(path: path, reason: "more than 10,000 unreadable rows; the file does not look like CSV")
            }
        }
    }

    /// One pass over the file; lines up to `skipLine` are counted but not parsed. Returns the broken row, if any.
    private func readPass(
        path: String, encoding: ExportEncoding, skippingThrough skipLine: Int, _ handle: (Event) throws -> Void
    ) throws -> Problem? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            throw CSVReadError(path: path, reason: "cannot open the file: \(String(cString: strerror(code)))", errno: code)
        }
        defer { close(descriptor) }

        var parser = csv_parser()
        guard csv_init(&parser, 0) == 0 else {
            throw CSVReadError(path: path, reason: "libcsv could not be initialised")
        }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter)
        csv_set_space_func(&parser, neverSpace)

        // A raw pointer, not a class reference: libcsv calls back once per field, and class property access would pay
        // Swift's dynamic exclusivity checks on every call.
        let state = UnsafeMutablePointer<ParseState>.allocate(capacity: 1)
        state.initialize(to: ParseState(maxFieldBytes: maxFieldBytes))
        defer {
            state.deinitialize(count: 1)
            state.deallocate()
        }
        let context = UnsafeMutableRawPointer(state)
        var transcoder = Transcoder(encoding: encoding)
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var utf8: [UInt8] = []
        var bomToSkip = encoding.byteOrderMarkLength
        var line = 1
        var broken: Problem?
        // Rows end at LF or CRLF, except in old Mac files that use a lone CR: decided from the first chunk.
        var lineBreak: UInt8?

        func drain() throws {
            for row in state.pointee.completed {
                if row.fieldCount < 0 {
                    try handle(.problem(Problem(
                        line: row.line, reason: "a field is longer than the \(maxFieldBytes)-byte limit (see ingest.max_field_bytes)",
                        excerpt: Array(row.encoded.prefix(1024)))))
                } else {
                    try handle(.row(row))
                }
            }
            state.pointee.completed.removeAll(keepingCapacity: true)
        }

        func feed(_ bytes: UnsafeRawBufferPointer) throws {
            var start = 0
            let count = bytes.count
            let base = bytes.baseAddress!
            while start < count, broken == nil {
                if lineBreak == nil {
                    let hasLF = memchr(base, 0x0A, count) != nil
                    lineBreak = hasLF || memchr(base, 0x0D, count) == nil ? 0x0A : 0x0D
                }
                let newline = memchr(base + start, Int32(lineBreak!), count - start)
                let end = newline.map { base.distance(to: UnsafeRawPointer($0)) + 1 } ?? count
                if line > skipLine {
                    if state.pointee.awaitingRowStart, containsContent(base + start, end - start) {
                        state.pointee.awaitingRowStart = false
                        state.pointee.rowStartLine = line
                    }
                    state.pointee.currentLine = line
                    let consumed = csv_parse(&parser, base + start, end - start, appendField, endRow, context)
                    if consumed != end - start {
                        throw CSVReadError(
                            path: path,
                            reason: "libcsv stopped at line \(line): \(String(cString: csv_strerror(csv_error(&parser))))")
                    }
                    if parser.entry_pos > maxFieldBytes {
                        broken = Problem(
                            line: state.pointee.rowStartLine,
                            reason: "a field is longer than the \(maxFieldBytes)-byte limit (see ingest.max_field_bytes)",
                            excerpt: state.pointee.partialRowExcerpt(parser))
                    }
                    if !state.pointee.completed.isEmpty { try drain() }
                }
                if newline != nil { line += 1 }
                start = end
            }
        }

        while broken == nil {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, chunkSize) }
            if got < 0 {
                if errno == EINTR { continue }
                let code = errno
                throw CSVReadError(path: path, reason: "cannot read the file: \(String(cString: strerror(code)))", errno: code)
            }
            if got == 0 { break }
            let skip = min(bomToSkip, got)
            bomToSkip -= skip
            try chunk.withUnsafeBytes { raw in
                let piece = UnsafeRawBufferPointer(rebasing: raw[skip..<got])
                if transcoder.isIdentity {
                    try feed(piece)
                } else {
                    transcoder.transcode(piece, into: &utf8)
                    try utf8.withUnsafeBytes { try feed($0) }
                }
            }
        }
        if let broken { return broken }
        if !transcoder.isIdentity {
            transcoder.finish(into: &utf8)
            if !utf8.isEmpty { try utf8.withUnsafeBytes { try feed($0) } }
            if let broken { return broken }
        }
        // pstate 2 is libcsv's FIELD_BEGUN: still inside a quoted field when the file ended.
        if parser.pstate == 2 && parser.quoted != 0 {
            return Problem(
                line: state.pointee.rowStartLine,
                reason: "a quoted field opened on line \(state.pointee.rowStartLine) is never closed; the row was set aside and reading went on at the next line",
                excerpt: state.pointee.partialRowExcerpt(parser))
        }
        csv_fini(&parser, appendField, endRow, context)
        try drain()
        return nil
    }
}

/// Whether a line holds anything but line-ending bytes (libcsv skips empty lines).
private func containsContent(_ start: UnsafeRawPointer, _ count: Int) -> Bool {
    let bytes = start.assumingMemoryBound(to: UInt8.self)
    for index in 0..<count where bytes[index] != 0x0A && bytes[index] != 0x0D { return true }
    return false
}

/// The mutable state libcsv's callbacks write to, reached through its `void *` context.
private struct ParseState {
    let maxFieldBytes: Int
    var hasOversizedField = false
    var payload: [UInt8] = [0]
    var fieldCount = 0
    var completed: [CSVRow] = []
    var currentLine = 1
    var rowStartLine = 1
    var awaitingRowStart = true

    init(maxFieldBytes: Int) {
        self.maxFieldBytes = maxFieldBytes
        payload.reserveCapacity(4096)
    }

    /// The text of a row cut short: its complete fields, then the start of the field libcsv was still reading.
    ///
    /// Built only when a row goes wrong, so the reader never copies every row just in case.
    func partialRowExcerpt(_ parser: csv_parser) -> [UInt8] {
        var fields: [[UInt8]] = []
        var index = 1
        while index < payload.count, fields.count < fieldCount {
            var length = 0
            var shift = 0
            while index < payload.count {
                let byte = payload[index]
                index += 1
                length |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            fields.append(Array(payload[index..<min(index + length, payload.count)]))
            index += length
        }
        var excerpt = Array(fields.joined(separator: [UInt8(ascii: ",")]).prefix(1024))
        if let buffer = parser.entry_buf, parser.entry_pos > 0, excerpt.count < 1024 {
            if !fields.isEmpty { excerpt.append(UInt8(ascii: ",")) }
            excerpt.append(contentsOf: UnsafeBufferPointer(start: buffer, count: min(parser.entry_pos, 1024 - excerpt.count)))
        }
        return excerpt
    }
}

/// libcsv's space test; Earshot keeps every byte of unquoted fields.
private func neverSpace(_ byte: UInt8) -> Int32 { 0 }

/// libcsv field callback: `void (*cb1)(void *field, size_t length, void *context)`.
private func appendField(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    let state = context!.assumingMemoryBound(to: ParseState.self)
    if length > state.pointee.maxFieldBytes {
        // Keep the start of the field for the quarantine; the row is reported as a problem when it ends.
        state.pointee.hasOversizedField = true
        RowEncoding.appendVarint(min(length, 512), to: &state.pointee.payload)
        if let field { state.pointee.payload.append(contentsOf: UnsafeRawBufferPointer(start: field, count: min(length, 512))) }
        state.pointee.fieldCount += 1
        return
    }
    RowEncoding.appendVarint(length, to: &state.pointee.payload)
    if length > 0, let field {
        state.pointee.payload.append(contentsOf: UnsafeRawBufferPointer(start: field, count: length))
    }
    state.pointee.fieldCount += 1
}

/// libcsv row callback: `void (*cb2)(int terminator, void *context)`.
private func endRow(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    let state = context!.assumingMemoryBound(to: ParseState.self)
    var encoded = state.pointee.payload
    if state.pointee.fieldCount < 0x80 {
        encoded[0] = UInt8(state.pointee.fieldCount)
    } else {
        var prefix: [UInt8] = []
        RowEncoding.appendVarint(state.pointee.fieldCount, to: &prefix)
        encoded.replaceSubrange(0..<1, with: prefix)
    }
    if state.pointee.hasOversizedField {
        // A negative field count marks the row as a problem for the reading loop, which reports it in order.
        let text = CSVRow(line: 0, fieldCount: state.pointee.fieldCount, encoded: encoded).fields.joined(separator: [UInt8(ascii: ",")])
        state.pointee.completed.append(CSVRow(line: state.pointee.rowStartLine, fieldCount: -1, encoded: Array(text)))
        state.pointee.hasOversizedField = false
    } else {
        state.pointee.completed.append(CSVRow(line: state.pointee.rowStartLine, fieldCount: state.pointee.fieldCount, encoded: encoded))
    }
    state.pointee.payload.removeAll(keepingCapacity: true)
    state.pointee.payload.append(0)
    state.pointee.fieldCount = 0
    state.pointee.awaitingRowStart = true
}
