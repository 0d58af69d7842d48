import Dispatch
import Synchronization

/// A bounded hand-off between one producing thread and one consuming thread.
///
/// At most `capacity` batches wait at a time, so a fast parser never buffers a whole file while the database catches
/// up: memory stays bounded by the capacity, not by the file size.
final class BatchChannel<Element: Sendable>: Sendable {
    private let queue = Mutex<(items: [Element], isClosed: Bool)>(([], false))
    private let available = DispatchSemaphore(value: 0)
    private let slots: DispatchSemaphore
    private let cancelled = Atomic<Bool>(false)

    init(capacity: Int) {
        slots = DispatchSemaphore(value: capacity)
    }

    /// Whether the consumer has given up; the producer stops at its next send.
    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Waits for room, then enqueues; returns `false` when the consumer has cancelled.
    func send(_ element: Element) -> Bool {
        slots.wait()
        if isCancelled { return false }
        queue.withLock { $0.items.append(element) }
        available.signal()
        return true
    }

    /// No more elements will come.
    func close() {
        queue.withLock { $0.isClosed = true }
        available.signal()
    }

    /// The next element, or `nil` once the channel is closed and empty.
    func receive() -> Element? {
        available.wait()
        return queue.withLock { state in
            if state.items.isEmpty {
                available.signal()  // keep later receives from blocking after close
                return nil
            }
            slots.signal()
            return state.items.removeFirst()
        }
    }

    /// Stops the producer and drains what it already sent.
    func cancel() {
        cancelled.store(true, ordering: .releasing)
        slots.signal()
        while receive() != nil {}
    }
}
