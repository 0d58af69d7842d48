/// Turns bytes into text without ever failing.
public enum TextDecoding {
    /// Decodes UTF-8, falling back to Windows-1252 when the bytes are not valid UTF-8.
    public static func string(fromPossiblyLegacyBytes bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return windows1252String(bytes)
    }

    /// Decodes Windows-1252 bytes; the five undefined bytes map to the C1 controls of the same value, as browsers do.
    public static func windows1252String(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            scalars.append(windows1252Scalar(byte))
        }
        return String(scalars)
    }

    /// The Unicode scalar that a Windows-1252 byte stands for.
    public static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte < 0x80 || byte >= 0xA0 { return Unicode.Scalar(byte) }
        let value = windows1252HighTable[Int(byte - 0x80)]
        return Unicode.Scalar(value) ?? Unicode.Scalar(byte)
    }

    private static let windows1252HighTable: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
