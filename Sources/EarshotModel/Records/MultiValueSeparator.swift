/// How a tool joins several values in one cell.
public enum MultiValueSeparator: String, Sendable, Hashable, Codable {
    /// `billing,mobile` or `billing, mobile` (Freshdesk, Intercom, Trustpilot tags).
    case comma
    /// `Mobile app;Invoices;` (Microsoft Forms, Google Forms checkboxes, Medallia).
    case semicolon
    /// `billing mobile` (Zendesk tags).
    case space

    /// The byte that separates values.
    public var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .space: UInt8(ascii: " ")
        }
    }
}
