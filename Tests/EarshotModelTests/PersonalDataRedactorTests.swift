import EarshotModel
import Testing

@Suite struct PersonalDataRedactorTests {
    @Test(arguments: [
        ("Mail me at jane.doe+billing@example.co.uk today", "Mail me at [email] today"),
        ("<support@tandem.example> wrote:", "<[email]> wrote:"),
        ("Card: 4111 1111 1111 1111.", "Card: [card]."),
        ("Card 5500-0000-0000-0004 was charged", "Card [card] was charged"),
        ("IBAN GB82 WEST 1234 5698 7654 32 (Acme)", "IBAN [iban] (Acme)"),
        ("pay to DE89370400440532013000 please", "pay to [iban] please"),
        ("Call me on +44 20 7946 0958 if you can", "Call me on [phone] if you can"),
        ("US office: (415) 555-0132.", "US office: [phone]."),
        ("mobile 0176 1234 5678", "mobile [phone]"),
    ])
    func personalDataIsReplacedByItsPlaceholder(input: String, expected: String) {
        #expect(PersonalDataRedactor.redact(input) == expected)
    }

    /// Numbers that look like personal data but are not: each must survive untouched.
    @Test(arguments: [
        "Order 4111 1111 1111 1112 failed",  // fails Luhn: not a card
        "GB82 WEST 1234 5698 7654 33 is wrong",  // fails mod 97: not an IBAN
        "Since 2026-11-02 08:15 it crashes",
        "Version 5.2.1.1234 still crashes",
        "I pay $1,200,000 a year",
        "Invoice INV-0001234567 is wrong",
        "Ticket #1234567890",
        "It took 12 34 56 seconds",
        "Budget is 1000000 per year",
        "no personal data here at all",
        "rated it 10/10 on 12/11/2026",
    ])
    func lookalikesAreKept(input: String) {
        #expect(PersonalDataRedactor.redact(input) == input)
    }

    @Test func nonASCIITextAroundPersonalDataIsKeptIntact() {
        #expect(PersonalDataRedactor.redact("Grüße — schreib an müller@example.de 🙌") == "Grüße — schreib an [email] 🙌")
        #expect(PersonalDataRedactor.redact("Téléphone : +33 1 23 45 67 89 merci 🙏") == "Téléphone : [phone] merci 🙏")
    }
}
