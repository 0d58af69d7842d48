import Synchronization

/// Receives the diagnostics a stage emits.
public protocol DiagnosticCollector: Sendable {
    /// Takes one diagnostic.
    func emit(_ diagnostic: Diagnostic)
}

/// Keeps every diagnostic it is given, for a run summary or a test.
public final class AccumulatingDiagnosticCollector: DiagnosticCollector {
    private let storage = Mutex<[Diagnostic]>([])

    /// Creates an empty collector.
    public init() {}

    /// Stores the diagnostic.
    public func emit(_ diagnostic: Diagnostic) {
        storage.withLock { $0.append(diagnostic) }
    }

    /// Everything emitted so far, in emission order.
    public var diagnostics: [Diagnostic] { storage.withLock { $0 } }
}
