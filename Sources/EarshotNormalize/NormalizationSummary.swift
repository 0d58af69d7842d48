import EarshotModel

/// Counts from a normalize run.
public struct NormalizationSummary: Sendable, Hashable {
    /// Records stored (when merging with stored records: records added or replaced).
    public var records: Int
    /// Rows merged into another record.
    public var merged: Int
    /// Rows that could not become records.
    public var rejected: Int
    /// Warnings and notes about whole files (an undecidable day/month order, an NPS group that contradicts scores…).
    public var diagnostics: [Diagnostic]
    /// Fingerprints (``NormalizedRecord/textFingerprint``) seen more than once: only records carrying one of them can
    /// be repeats, so only they need ``RepeatedTexts`` checking. When merging with stored records, every fingerprint
    /// the run saw, since any may repeat a stored record's.
    public var repeatedFingerprints: Set<Int64>
}
