import EarshotModel
import Foundation

/// Renders a ``WeeklyReport`` as JSON with sorted keys, following `docs/report.schema.json`.
public struct JSONRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as pretty-printed JSON text, ending in a newline.
    public func render(_ report: WeeklyReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
