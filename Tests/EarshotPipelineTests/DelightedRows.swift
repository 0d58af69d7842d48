/// A small Delighted export written by tests: its header, and a row whose `Comment` (column 5) can be chosen.
enum DelightedRows {
    static let header = "Response ID,Email,Name,Score,Comment,Created At (UTC),Plan,Country,Delighted Source,Delighted Device Type,Delighted Country"

    static func row(_ id: String, comment: String = "Checkout is slow.", day: Int = 10) -> String {
        "\(id),a@example.com,A,3,\(comment),2026-11-\(day) 10:00:00,Team,Ghana,Web,Desktop,GH"
    }
}
