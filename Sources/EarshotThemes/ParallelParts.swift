import Dispatch
import Synchronization

/// Splits `0..<count` into `parts` contiguous ranges and runs `body` on each on its own thread, returning the
/// results in range order: the theme engine's passes over millions of documents are independent per document, and
/// each part's result is combined in a fixed order, so the answer never depends on which thread ran first.
/// Fewer than `smallest` items are not worth a thread: then `body` runs once, on this thread.
func inParallelParts<Result: Sendable>(
    count: Int, parts: Int, smallest: Int = 10_000, _ body: @Sendable (Range<Int>) -> Result
) -> [Result] {
    let parts = count < smallest ? 1 : max(1, min(parts, count))
    let ranges = (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
    if parts == 1 { return [body(ranges[0])] }
    let results = Mutex<[Int: Result]>([:])
    DispatchQueue.concurrentPerform(iterations: parts) { part in
        let result = body(ranges[part])
        results.withLock { $0[part] = result }
    }
    return results.withLock { results in (0..<parts).map { results[$0]! } }
}
