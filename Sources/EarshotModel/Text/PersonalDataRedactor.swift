/// Replaces personal data in customer text with typed placeholders: `[email]`, `[card]`, `[iban]`, `[phone]`.
///
/// A hand-written byte scanner rather than regular expressions: it runs on every record of every export, and the
/// checks that make it trustworthy — the Luhn checksum for cards, ISO 13616's mod-97 for IBANs, the shapes of dates
/// and version numbers that must not read as phone numbers — are not expressible as a pattern anyway. Text without an
/// `@` and with fewer than seven digits, which is most feedback, is returned untouched after one pass over its bytes.
public enum PersonalDataRedactor {
    /// The text with e-mail addresses, Luhn-valid card numbers, mod-97-valid IBANs and phone numbers replaced.
    public static func redact(_ text: String) -> String {
        var hasAt = false
        var digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "@") { hasAt = true } else if byte &- 0x30 < 10 { digits += 1 }
        }
        guard hasAt || digits >= 7 else { return text }
        var bytes = Array(text.utf8)
        if hasAt { bytes = replaceEmails(bytes) }
        if digits >= 7 { bytes = replaceNumbers(bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: E-mail addresses

    private static func replaceEmails(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "@") else { index += 1; continue }
            var start = index
            while start > copied, isLocalPartByte(bytes[start - 1]) { start -= 1 }
            // A local part does not start or end with a dot.
            while start < index, bytes[start] == UInt8(ascii: ".") { start += 1 }
            guard start < index, bytes[index - 1] != UInt8(ascii: ".") else { index += 1; continue }
            guard let end = domainEnd(bytes, after: index) else { index += 1; continue }
            output += bytes[copied..<start]
            output += Array("[email]".utf8)
            copied = end
            index = end
        }
        output += bytes[copied...]
        return output
    }

    private static func isLocalPartByte(_ byte: UInt8) -> Bool {
        // Bytes of non-ASCII letters too: `müller@…` is an address, and leaving `mü` behind would leak part of it.
        isASCIIAlphanumeric(byte) || byte >= 0x80 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// The end of a domain of dot-separated labels after the `@`, whose last label is two or more letters.
    private static func domainEnd(_ bytes: [UInt8], after at: Int) -> Int? {
        var index = at + 1
        var lastDot = -1
        while index < bytes.count {
            let byte = bytes[index]
            if isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") {
                index += 1
            } else if byte == UInt8(ascii: "."), index + 1 < bytes.count, isASCIIAlphanumeric(bytes[index + 1]),
                bytes[index - 1] != UInt8(ascii: ".")
            {
                lastDot = index
                index += 1
            } else {
                break
            }
        }
        guard lastDot > at + 1 else { return nil }
        let topLevel = bytes[(lastDot + 1)..<index]
        guard topLevel.count >= 2, topLevel.allSatisfy(isASCIILetter) else { return nil }
        return index
    }

    // MARK: Cards, IBANs and phone numbers

    private static func replaceNumbers(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard startsToken(bytes, at: index) else {
                index += 1
                continue
            }
            if let (end, placeholder) = match(bytes, at: index, byte: byte) {
                output += bytes[copied..<index]
                output += Array(placeholder.utf8)
                copied = end
                index = end
            } else {
                // Past the whole number or code, so that no run of digits inside it is taken for a phone number.
                index = max(index + 1, looksLikeNumberOrIBAN(bytes, at: index) ? spanEnd(bytes, from: index) : index + 1)
            }
        }
        output += bytes[copied...]
        return output
    }

    /// Not joined to a word before it, nor to a code like `INV-…`.
    private static func startsToken(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = bytes[index - 1]
        if isWordByte(previous) { return false }
        if previous == UInt8(ascii: "-"), index > 1, isASCIIAlphanumeric(bytes[index - 2]) { return false }
        return true
    }

    private static func looksLikeNumberOrIBAN(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        if !isASCIIUppercase(byte) { return true }
        return index + 3 < bytes.count && isASCIIUppercase(bytes[index + 1]) && isDigit(bytes[index + 2])
            && isDigit(bytes[index + 3])
    }

    /// The end of the letters, digits and single separators between them that start at `start`.
    private static func spanEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") {
                index += 1
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."),
                index + 1 < bytes.count, isDigit(bytes[index + 1]) || isASCIIUppercase(bytes[index + 1]),
                index > start, isDigit(bytes[index - 1]) || isASCIIUppercase(bytes[index - 1])
            {
                index += 1
            } else {
                break
            }
        }
        return index
    }

    private static func match(_ bytes: [UInt8], at index: Int, byte: UInt8) -> (Int, String)? {
        if isASCIIUppercase(byte) {
            return ibanEnd(bytes, at: index).map { ($0, "[iban]") }
        }
        guard isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(") else { return nil }
        if isDigit(byte), let end = cardEnd(bytes, at: index) { return (end, "[card]") }
        if let end = phoneEnd(bytes, at: index) { return (end, "[phone]") }
        return nil
    }

    /// 13 to 19 digits, single spaces or hyphens between them allowed, passing the Luhn check.
    private static func cardEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        var digits: [UInt8] = []
        var index = start
        var end = start
        while index < bytes.count, digits.count < 19 {
            let byte = bytes[index]
            if isDigit(byte) {
                digits.append(byte - 0x30)
                index += 1
                end = index
            } else if (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-")), index + 1 < bytes.count,
                isDigit(bytes[index + 1]), index > start, isDigit(bytes[index - 1])
            {
                index += 1
            } else {
                break
            }
        }
        // A longer run of digits is some other number, not a card.
        guard digits.count >= 13, !(end < bytes.count && isWordByte(bytes[end])) else { return nil }
        // The longest prefix that passes Luhn, so a card followed by other digits after a space is still caught.
        var count = digits.count
        while count >= 13 {
            if luhnValid(digits[0..<count]) { return endOfDigit(count, in: bytes, from: start) }
            count -= 1
        }
        return nil
    }

    private static func endOfDigit(_ count: Int, in bytes: [UInt8], from start: Int) -> Int {
        var seen = 0
        var index = start
        while index < bytes.count {
            if isDigit(bytes[index]) {
                seen += 1
                if seen == count { return index + 1 }
            }
            index += 1
        }
        return index
    }

    private static func luhnValid(_ digits: ArraySlice<UInt8>) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    /// A country code, two check digits and 11 to 30 letters or digits (in groups of four or not), valid by mod 97.
    private static func ibanEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        guard start + 4 <= bytes.count, isASCIIUppercase(bytes[start + 1]), isDigit(bytes[start + 2]),
            isDigit(bytes[start + 3])
        else { return nil }
        var characters: [UInt8] = Array(bytes[start..<(start + 4)])
        var index = start + 4
        var end = index
        var bestEnd: Int?
        while index < bytes.count, characters.count < 34 {
            let byte = bytes[index]
            if isDigit(byte) || isASCIIUppercase(byte) {
                characters.append(byte)
                index += 1
                end = index
                if characters.count >= 15, !(end < bytes.count && isWordByte(bytes[end])), mod97IsOne(characters) {
                    bestEnd = end
                }
            } else if byte == UInt8(ascii: " "), index + 1 < bytes.count,
                isDigit(bytes[index + 1]) || isASCIIUppercase(bytes[index + 1])
            {
                index += 1
            } else {
                break
            }
        }
        return bestEnd
    }

    private static func mod97IsOne(_ characters: [UInt8]) -> Bool {
        var remainder = 0
        for byte in characters[4...] + characters[0..<4] {
            if isDigit(byte) {
                remainder = (remainder * 10 + Int(byte - 0x30)) % 97
            } else {
                remainder = (remainder * 100 + Int(byte - UInt8(ascii: "A")) + 10) % 97
            }
        }
        return remainder == 1
    }

    /// A phone number: groups of digits joined by single spaces, hyphens, dots or parentheses; 8 to 15 digits after a
    /// `+`, 10 to 15 without one. Dates, times, versions and amounts are left alone.
    private static func phoneEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        var index = start
        let international = bytes[index] == UInt8(ascii: "+")
        if international { index += 1 }
        var digits = 0
        var groups: [Int] = []
        var separators: [UInt8] = []
        var current = 0
        var openParenthesis = false
        var end = start
        while index < bytes.count {
            let byte = bytes[index]
            if isDigit(byte) {
                digits += 1
                current += 1
                index += 1
                end = index
            } else if byte == UInt8(ascii: "("), !openParenthesis, current == 0 {
                openParenthesis = true
                index += 1
            } else if byte == UInt8(ascii: ")"), openParenthesis, current > 0 {
                openParenthesis = false
                groups.append(current)
                current = 0
                separators.append(byte)
                index += 1
                end = index
                if index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."), current > 0,
                index + 1 < bytes.count, isDigit(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: "(")
            {
                groups.append(current)
                separators.append(byte)
                current = 0
                index += 1
            } else {
                break
            }
        }
        if current > 0 { groups.append(current) }
        guard !openParenthesis, digits <= 15, digits >= (international ? 8 : 10) else { return nil }
        // What follows must end the number: not a word, a time (`08:15`), a decimal or a path.
        if end < bytes.count {
            let next = bytes[end]
            if isWordByte(next) || next == UInt8(ascii: ":") || next == UInt8(ascii: "/") { return nil }
            if next == UInt8(ascii: "."), end + 1 < bytes.count, isDigit(bytes[end + 1]) { return nil }
        }
        if start > 0 {
            let previous = bytes[start - 1]
            if previous == UInt8(ascii: ".") || previous == UInt8(ascii: "/") || previous == UInt8(ascii: ":")
                || previous == UInt8(ascii: "$") || previous == UInt8(ascii: "#")
            {
                return nil
            }
        }
        if !international {
            // `2026-11-02 08` and `5.2.1.1234`: a four-digit year or dots between short groups is not a phone.
            if groups.first == 4, groups.count >= 3, groups[1] == 2, groups[2] == 2 { return nil }
            if separators.contains(UInt8(ascii: ".")), groups.contains(where: { $0 < 3 }) { return nil }
            if groups.count == 1, digits > 11 { return nil }
        }
        return end
    }

    // MARK: Bytes

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    private static func isASCIIUppercase(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isASCIILetter(byte) }
    /// Letters, digits, `_` and any byte of a non-ASCII character: what joins a number to a word.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte >= 0x80
    }
}
