import EarshotModel

/// The output of the normalize stage.
public struct NormalizationResult: Sendable {
    /// One record per distinct record id, the newest version, ordered by id.
    public var records: [NormalizedRecord]
    /// Rows that lost to a newer version of the same record.
    public var merged: [MergedDuplicate]
    /// Rows that could not become records, with why.
    public var rejected: [RowRejection]
    /// Warnings and notes about whole files (an undecidable day/month order…).
    public var diagnostics: [Diagnostic]
}
