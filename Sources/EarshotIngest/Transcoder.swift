import EarshotModel

/// Converts a stream of bytes in an export's encoding to UTF-8, chunk by chunk.
///
/// UTF-16 code units and surrogate pairs may be cut between chunks; the transcoder carries the cut part over.
/// Unpaired surrogates become U+FFFD, so bad bytes never stop a file.
struct Transcoder {
    let encoding: ExportEncoding
    private var carry: [UInt8] = []
    private var pendingHighSurrogate: UInt16?

    init(encoding: ExportEncoding) {
        self.encoding = encoding
    }

    /// Whether chunks pass through untouched.
    var isIdentity: Bool { encoding == .utf8 || encoding == .utf8BOM }

    /// Converts one chunk; `output` is cleared first.
    mutating func transcode(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        switch encoding {
        case .utf8, .utf8BOM:
            output.append(contentsOf: input)
        case .windows1252:
            output.reserveCapacity(input.count + input.count / 8)
            for byte in input {
                if byte < 0x80 {
                    output.append(byte)
                } else {
                    appendUTF8(TextDecoding.windows1252Scalar(byte), to: &output)
                }
            }
        case .utf16LE, .utf16BE:
            output.reserveCapacity(input.count)
            var bytes = carry
            bytes.append(contentsOf: input)
            let pairs = bytes.count / 2
            let littleEndian = encoding == .utf16LE
            for index in 0..<pairs {
                let first = UInt16(bytes[2 * index])
                let second = UInt16(bytes[2 * index + 1])
                decodeUnit(littleEndian ? first | second << 8 : first << 8 | second, into: &output)
            }
            carry = bytes.count % 2 == 1 ? [bytes[bytes.count - 1]] : []
        }
    }

    /// Flushes what a cut stream left behind.
    mutating func finish(into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        if pendingHighSurrogate != nil || !carry.isEmpty {
            appendUTF8("\u{FFFD}", to: &output)
        }
        pendingHighSurrogate = nil
        carry = []
    }

    private mutating func decodeUnit(_ unit: UInt16, into output: inout [UInt8]) {
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                appendUTF8(Unicode.Scalar(value) ?? "\u{FFFD}", to: &output)
                return
            }
            appendUTF8("\u{FFFD}", to: &output)
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHighSurrogate = unit
        case 0xDC00...0xDFFF: appendUTF8("\u{FFFD}", to: &output)
        default: appendUTF8(Unicode.Scalar(unit) ?? "\u{FFFD}", to: &output)
        }
    }

    private func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        if scalar.value < 0x80 {
            output.append(UInt8(scalar.value))
        } else {
            output.append(contentsOf: UTF8.encode(scalar)!)
        }
    }
}
