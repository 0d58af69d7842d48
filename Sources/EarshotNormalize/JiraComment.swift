import EarshotModel

/// A Jira comment cell: `21/Aug/25 10:42 AM;5fe07…;body`.
struct JiraComment {
    var author: String
    var body: String

    init?(_ cell: String) {
        guard !cell.isEmpty else { return nil }
        let parts = cell.split(separator: ";", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3, DateParser.parse(String(parts[0]), order: .dayFirst) != nil {
            author = String(parts[1]).trimmed()
            body = String(parts[2])
        } else {
            author = ""
            body = cell
        }
    }
}
