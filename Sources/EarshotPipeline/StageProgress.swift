/// How far a long stage has got, for a progress bar on a terminal.
public struct StageProgress: Sendable, Hashable {
    /// The stage: `ingest`, `normalize`, `themes`.
    public var stage: String
    /// Units done so far (rows, records).
    public var done: Int
    /// What a unit is, for the reader: "rows", "records".
    public var unit: String
    /// The share of the stage done, 0…1, when it can be estimated (from bytes read, or records of a known total).
    public var fraction: Double?
    /// The stage has finished; the bar can be closed.
    public var isFinished: Bool

    /// Creates a value.
    public init(stage: String, done: Int, unit: String, fraction: Double? = nil, isFinished: Bool = false) {
        self.stage = stage
        self.done = done
        self.unit = unit
        self.fraction = fraction
        self.isFinished = isFinished
    }
}

/// Receives progress from the stages; called often, from the stage's thread, so it must be cheap.
public protocol ProgressObserver: Sendable {
    /// One more step of a stage.
    func update(_ progress: StageProgress)
}
