import Foundation

/// Lines that report exports append after the data.
///
/// A Salesforce report export ends with a blank line, `"Grand Totals (5700 records)"`, another blank line,
/// `"Confidential Information - Do Not Distribute"` and a copyright line. They are not rows of the report.
public enum ReportFooter {
    /// Whether a short row is one of the footer lines of a Salesforce report export.
    public static func isSalesforceFooter(_ cells: [String]) -> Bool {
        let nonEmpty = cells.filter { !$0.allSatisfy(\.isWhitespace) }
        guard nonEmpty.count <= 1 else { return false }
        guard let line = nonEmpty.first else { return true }  // the blank lines around the totals
        let text = line.trimmingCharacters(in: .whitespaces).lowercased()
        return (text.hasPrefix("grand totals (") && text.hasSuffix(")"))
            || text.hasPrefix("confidential information - do not distribute")
            || (text.hasPrefix("copyright") && text.contains("salesforce.com"))
    }
}
