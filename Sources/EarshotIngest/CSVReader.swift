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
/// reader always knows the line a row starts on. Unquoted fields keep their spaces (libcsv trims them by default;
/// Earshot keeps rows byte-faithful).
///
/// Memory is bounded by the chunk size and ``maxFieldBytes``, never by the file: a field that outgrows the limit is
/// read past, not kept (libcsv's buffer is emptied whenever it passes the limit), and a row longer than
/// ``maxRowBytes`` stops being kept too. Such a row, and a row holding a NUL byte, is reported as a ``Problem`` with
/// its line and column when it ends. A quoted field that is never closed does not lose the rest of the file: the row
/// is reported and reading resumes on the line after the one it started on.
public struct CSVReader: Sendable {
    /// A row the reader could not turn into fields.
    public struct Problem: Sendable, Hashable {
        /// The line the row starts on.
        public var line: Int
        /// The 1-based column of the field that went wrong, when one did.
        public var column: Int?
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

    /// What a read cost, for tests and benchmarks that check memory stays bounded.
    public struct Statistics: Sendable, Hashable {
        /// The largest row or field buffer the reader held, in bytes (libcsv's field buffer or the row being built).
        public var peakBufferBytes = 0
        /// Passes over the file: one, plus one for each unclosed quote recovered from.
        public var passes = 0
    }

    /// The field separator byte.
    public var delimiter: UInt8
    /// The read size in bytes.
    public var chunkSize: Int
    /// The longest field accepted; a longer one is reported as a problem with its line number.
    public var maxFieldBytes: Int
    /// The longest row accepted, all fields together: 16 fields at the limit, so wide exports (Jira has hundreds of
    /// columns) pass, while a row of a million small fields cannot take unbounded memory.
    public var maxRowBytes: Int { maxFieldBytes.multipliedReportingOverflow(by: 16).overflow ? .max : maxFieldBytes * 16 }

    /// Creates a reader.
    public init(delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20, maxFieldBytes: Int = 1 << 20) {
        self.delimiter = delimiter
        self.chunkSize = max(chunkSize, 1)
        self.maxFieldBytes = max(maxFieldBytes, 1)
    }

    /// Reads every row of a file.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - encoding: Its encoding; a byte-order mark is skipped.
    ///   - handle: Called for each row or problem, in file order. Throwing stops the read.
    /// - Returns: What the read cost.
    /// - Throws: ``CSVReadError`` when the file cannot be opened or read, or what `handle` throws.
    @discardableResult
    public func read(path: String, encoding: ExportEncoding, _ handle: (Event) throws -> Void) throws -> Statistics {
        var resume = Resume()
        var recoveries = 0
        var statistics = Statistics()
        while true {
            let outcome = try readPass(path: path, encoding: encoding, from: resume, statistics: &statistics, handle)
            guard let (broken, next) = outcome else { return statistics }
            try handle(.problem(broken))
            recoveries += 1
            resume = next
            if recoveries > 10_000 {
                throw CSVReadError(path: path, reason: "more than 10,000 unreadable rows; the file does not look like CSV")
            }
        }
    }

    /// Where a pass starts: lines up to `skipThrough` are counted but not parsed.
    ///
    /// In a UTF-8 file the pass seeks to the start of the broken row's line, so recovering from an unclosed quote costs
    /// one read of the rest of the file, not of all of it; other encodings are transcoded, so their passes count lines
    /// from the start.
    private struct Resume {
        var skipThrough = 0
        var byteOffset: Int64 = 0
        var line = 1
    }

    /// One pass over the file. Returns the broken row, if any, and where the next pass starts.
    private func readPass(
        path: String, encoding: ExportEncoding, from resume: Resume, statistics: inout Statistics,
        _ handle: (Event) throws -> Void
    ) throws -> (Problem, Resume)? {
        statistics.passes += 1
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
        // libcsv grows its buffer 128 bytes at a time by default; 64 KiB steps make a 1 MiB field 16 reallocations.
        csv_set_blk_size(&parser, 64 << 10)
        csv_set_delim(&parser, delimiter)
        csv_set_space_func(&parser, neverSpace)

        // A raw pointer, not a class reference: libcsv calls back once per field, and class property access would pay
        // Swift's dynamic exclusivity checks on every call.
        let state = UnsafeMutablePointer<ParseState>.allocate(capacity: 1)
        state.initialize(to: ParseState(maxFieldBytes: maxFieldBytes, maxRowBytes: maxRowBytes))
        defer {
            let peak = max(csv_get_buffer_size(&parser), state.pointee.largestPayload)
            statistics.peakBufferBytes = max(statistics.peakBufferBytes, peak)
            state.deinitialize(count: 1)
            state.deallocate()
        }
        let context = UnsafeMutableRawPointer(state)
        var transcoder = Transcoder(encoding: encoding)
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var utf8: [UInt8] = []
        var bomToSkip = encoding.byteOrderMarkLength
        var line = 1
        // The file offset of the bytes `feed` is given, known only while chunks pass through untouched.
        var fedOffset: Int64 = 0
        var rowStartOffset: Int64 = 0
        if resume.byteOffset > 0, transcoder.isIdentity, lseek(descriptor, off_t(resume.byteOffset), SEEK_SET) >= 0 {
            bomToSkip = 0
            line = resume.line
            fedOffset = resume.byteOffset
        }
        let skipLine = resume.skipThrough
        // Rows end at LF or CRLF, except in old Mac files that use a lone CR: decided from the first chunk.
        var lineBreak: UInt8?

        func drain() throws {
            for event in state.pointee.completed { try handle(event) }
            state.pointee.completed.removeAll(keepingCapacity: true)
        }

        func feed(_ bytes: UnsafeRawBufferPointer) throws {
            var start = 0
            let count = bytes.count
            guard let base = bytes.baseAddress else { return }
            while start < count {
                if lineBreak == nil {
                    let hasLF = memchr(base, 0x0A, count) != nil
                    lineBreak = hasLF || memchr(base, 0x0D, count) == nil ? 0x0A : 0x0D
                }
                // Between rows (libcsv's ROW_NOT_BEGUN) a run of empty lines is only counted: fed to libcsv line by
                // line, a file of a million empty lines costs a million calls.
                if line > skipLine, parser.pstate == 0 {
                    let bytes = base.assumingMemoryBound(to: UInt8.self)
                    while start < count, bytes[start] == 0x0A || bytes[start] == 0x0D {
                        if bytes[start] == lineBreak { line += 1 }
                        start += 1
                    }
                    if start == count { break }
                }
                let newline = memchr(base + start, Int32(lineBreak!), count - start)
                let end = newline.map { base.distance(to: UnsafeRawPointer($0)) + 1 } ?? count
                if line > skipLine {
                    if state.pointee.awaitingRowStart, containsContent(base + start, end - start) {
                        state.pointee.awaitingRowStart = false
                        state.pointee.rowStartLine = line
                        rowStartOffset = fedOffset + Int64(start)
                    }
                    state.pointee.currentLine = line
                    let consumed = csv_parse(&parser, base + start, end - start, appendField, endRow, context)
                    if consumed != end - start {
                        throw CSVReadError(
                            path: path,
                            reason: "libcsv stopped at line \(line): \(String(cString: csv_strerror(csv_error(&parser))))")
                    }
                    if parser.entry_pos > maxFieldBytes { state.pointee.discardOversizedField(&parser) }
                    if !state.pointee.completed.isEmpty { try drain() }
                }
                if newline != nil { line += 1 }
                start = end
            }
            fedOffset += Int64(count)
        }

        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, chunkSize) }
            if got < 0 {
                if errno == EINTR { continue }
                let code = errno
                throw CSVReadError(path: path, reason: "cannot read the file: \(String(cString: strerror(code)))", errno: code)
            }
            if got == 0 { break }
            let skip = min(bomToSkip, got)
            bomToSkip -= skip
            fedOffset += Int64(skip)
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
        if !transcoder.isIdentity {
            transcoder.finish(into: &utf8)
            if !utf8.isEmpty { try utf8.withUnsafeBytes { try feed($0) } }
        }
        // pstate 2 is libcsv's FIELD_BEGUN: still inside a quoted field when the file ended.
        if parser.pstate == 2 && parser.quoted != 0 {
            let start = state.pointee.rowStartLine
            let problem = Problem(
                line: start, column: state.pointee.fieldCount + 1,
                reason: "a quoted field opened on line \(start) is never closed (the file may be cut short); the row was set aside and reading went on at the next line",
                excerpt: printable(state.pointee.partialRowExcerpt(parser)))
            let next = transcoder.isIdentity
                ? Resume(skipThrough: start, byteOffset: rowStartOffset, line: start) : Resume(skipThrough: start)
            return (problem, next)
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
    let maxRowBytes: Int
    var payload: [UInt8] = [0]
    /// The largest row payload built, for ``CSVReader/Statistics``.
    var largestPayload = 0
    var fieldCount = 0
    var completed: [CSVReader.Event] = []
    var currentLine = 1
    var rowStartLine = 1
    var awaitingRowStart = true
    /// Why the current row will be set aside, once something in it went wrong; its later fields are not kept.
    var rowProblem: (column: Int, reason: String, excerpt: [UInt8])?

    init(maxFieldBytes: Int, maxRowBytes: Int) {
        self.maxFieldBytes = maxFieldBytes
        self.maxRowBytes = maxRowBytes
        payload.reserveCapacity(4096)
    }

    /// Sets the current row aside, keeping the first reason and the row's start for the quarantine.
    mutating func setAside(column: Int, reason: String, excerpt: [UInt8]) {
        if rowProblem == nil { rowProblem = (column, reason, printable(Array(excerpt.prefix(1024)))) }
    }

    /// Marks the row as oversized and empties libcsv's field buffer, so a huge field streams through bounded memory.
    ///
    /// The last byte is kept: in libcsv's "quote might end the field" state it is that quote, which libcsv removes
    /// from the buffer when the field ends (`entry_pos -= 1`), so an empty buffer would underflow.
    mutating func discardOversizedField(_ parser: inout csv_parser) {
        if rowProblem == nil {
            setAside(column: fieldCount + 1, reason: oversizedFieldReason, excerpt: partialRowExcerpt(parser))
        }
        guard let buffer = parser.entry_buf, parser.entry_pos > 1 else { return }
        buffer[0] = buffer[parser.entry_pos - 1]
        parser.entry_pos = 1
    }

    var oversizedFieldReason: String {
        "the field is longer than the \(maxFieldBytes)-byte limit (ingest.max_field_bytes in earshot.toml)"
    }

    /// The text of a row cut short: its complete fields, then the start of the field libcsv was still reading.
    ///
    /// Built only when a row goes wrong, so the reader never copies every row just in case.
    func partialRowExcerpt(_ parser: csv_parser?) -> [UInt8] {
        var fields: [[UInt8]] = []
        var index = 1
        while index < payload.count, fields.count < fieldCount {
            var length = 0
            var shift = 0
            while index < payload.count, shift < 63 {
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
        if let parser, let buffer = parser.entry_buf, parser.entry_pos > 0, excerpt.count < 1024 {
            if !fields.isEmpty { excerpt.append(UInt8(ascii: ",")) }
            excerpt.append(contentsOf: UnsafeBufferPointer(start: buffer, count: min(parser.entry_pos, 1024 - excerpt.count)))
        }
        return excerpt
    }
}

/// An excerpt with NUL bytes shown as `?`: the quarantine stores it as text, which C-string code would cut at a NUL.
private func printable(_ excerpt: [UInt8]) -> [UInt8] {
    excerpt.contains(0) ? excerpt.map { $0 == 0 ? UInt8(ascii: "?") : $0 } : excerpt
}

/// libcsv's space test; Earshot keeps every byte of unquoted fields.
private func neverSpace(_ byte: UInt8) -> Int32 { 0 }

/// libcsv field callback: `void (*cb1)(void *field, size_t length, void *context)`.
private func appendField(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    let state = context!.assumingMemoryBound(to: ParseState.self)
    state.pointee.fieldCount += 1
    // The row is set aside when it ends; its fields need not be kept.
    guard state.pointee.rowProblem == nil else { return }
    let column = state.pointee.fieldCount
    func setAside(_ reason: String) {
        var excerpt = state.pointee.partialRowExcerpt(nil)
        if !excerpt.isEmpty { excerpt.append(UInt8(ascii: ",")) }
        if let field { excerpt.append(contentsOf: UnsafeRawBufferPointer(start: field, count: min(length, 1024))) }
        state.pointee.setAside(column: column, reason: reason, excerpt: excerpt)
    }
    if length > state.pointee.maxFieldBytes {
        // The field grew past the limit within one call, so the buffer check between calls never saw it.
        return setAside(state.pointee.oversizedFieldReason)
    }
    if state.pointee.payload.count + length > state.pointee.maxRowBytes {
        return setAside("the row is longer than \(state.pointee.maxRowBytes) bytes (16 times ingest.max_field_bytes)")
    }
    if length > 0, let field, memchr(field, 0, length) != nil {
        // NUL is never text in an export; it marks a damaged file, and C-string code downstream would cut the text there.
        return setAside("the field holds a NUL byte (0x00); the file is damaged or not text")
    }
    RowEncoding.appendVarint(length, to: &state.pointee.payload)
    if length > 0, let field {
        state.pointee.payload.append(contentsOf: UnsafeRawBufferPointer(start: field, count: length))
    }
}

/// libcsv row callback: `void (*cb2)(int terminator, void *context)`.
private func endRow(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    let state = context!.assumingMemoryBound(to: ParseState.self)
    state.pointee.largestPayload = max(state.pointee.largestPayload, state.pointee.payload.count)
    if let problem = state.pointee.rowProblem {
        state.pointee.completed.append(.problem(CSVReader.Problem(
            line: state.pointee.rowStartLine, column: problem.column, reason: problem.reason, excerpt: problem.excerpt)))
        state.pointee.rowProblem = nil
    } else {
        var encoded = state.pointee.payload
        if state.pointee.fieldCount < 0x80 {
            encoded[0] = UInt8(state.pointee.fieldCount)
        } else {
            var prefix: [UInt8] = []
            RowEncoding.appendVarint(state.pointee.fieldCount, to: &prefix)
            encoded.replaceSubrange(0..<1, with: prefix)
        }
        state.pointee.completed.append(.row(CSVRow(line: state.pointee.rowStartLine, fieldCount: state.pointee.fieldCount, encoded: encoded)))
    }
    state.pointee.payload.removeAll(keepingCapacity: true)
    state.pointee.payload.append(0)
    state.pointee.fieldCount = 0
    state.pointee.awaitingRowStart = true
}
