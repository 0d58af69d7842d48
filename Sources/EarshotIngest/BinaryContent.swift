/// Tells a file that is not text at all (a workbook or an archive saved as `.csv`, a zero-filled file left by a crash)
/// from a CSV export with a few bad bytes.
///
/// Such a file is rejected whole with a sentence that names what it looks like, instead of being parsed into
/// thousands of quarantined rows of noise.
enum BinaryContent {
    /// What the file's first bytes look like when they are not text, or `nil` when they may be.
    ///
    /// - Parameters:
    ///   - prefix: The file's first bytes (ingest passes up to 64 KiB).
    ///   - encoding: The sniffed encoding; UTF-16 text is full of NUL bytes, so only 8-bit encodings are judged.
    static func describe(prefix: [UInt8], encoding: ExportEncoding) -> String? {
        let signatures: [(bytes: [UInt8], name: String)] = [
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (an Excel .xlsx workbook saved under a .csv name?)"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an old Excel .xls or other Office file"),
            ([0x1F, 0x8B], "a gzip-compressed file"),
            (Array("%PDF".utf8), "a PDF document"),
            (Array("SQLite format 3".utf8), "an SQLite database"),
        ]
        if let match = signatures.first(where: { prefix.starts(with: $0.bytes) }) { return match.name }
        guard encoding != .utf16LE, encoding != .utf16BE, !prefix.isEmpty else { return nil }
        // Text has tabs and line breaks but hardly any other control bytes; a few stray ones (under 2%) are left to the
        // rows, where a NUL quarantines its row.
        let controls = prefix.reduce(0) { count, byte in
            byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D ? count + 1 : count
        }
        return controls * 50 > prefix.count ? "binary data, not text (\(controls) control bytes in the first \(prefix.count))" : nil
    }
}
