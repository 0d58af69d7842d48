import Dispatch
import Foundation
import Synchronization

/// Runs pure work on other threads while the calling thread goes on producing it, and hands each result back on the
/// calling thread in the order the work was submitted: what a run writes never depends on thread timing.
///
/// At most `window` pieces of work are in flight; submitting one more first consumes the oldest result, so memory is
/// bounded by the window, not by the input.
struct OrderedBatchWork<Output: Sendable> {
    private final class Slot: Sendable {
        let done = DispatchSemaphore(value: 0)
        let output = Mutex<Output?>(nil)
    }

    private let window: Int
    private var inFlight: [Slot] = []

    /// - Parameter window: the results waiting or in progress at most; the default keeps every core busy while the
    ///   calling thread consumes.
    init(window: Int = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)) {
        self.window = max(1, window)
    }

    /// Starts `work` on another thread; when the window is full, first consumes the oldest result.
    mutating func submit(_ work: @escaping @Sendable () -> Output, consume: (Output) throws -> Void) rethrows {
        let slot = Slot()
        DispatchQueue.global().async {
            let output = work()
            slot.output.withLock { $0 = output }
            slot.done.signal()
        }
        inFlight.append(slot)
        while inFlight.count > window { try consumeOldest(consume) }
    }

    /// Consumes every result still to come, in order.
    mutating func drain(consume: (Output) throws -> Void) rethrows {
        while !inFlight.isEmpty { try consumeOldest(consume) }
    }

    private mutating func consumeOldest(_ consume: (Output) throws -> Void) rethrows {
        let output = takeOldest()
        try consume(output)
        // The last reference goes on another thread: freeing a batch of records (thousands of strings and arrays)
        // is work the calling thread, which writes them, does not need to wait for.
        DispatchQueue.global().async { withExtendedLifetime(output) {} }
    }

    private mutating func takeOldest() -> Output {
        let slot = inFlight.removeFirst()  // the window is a few slots: shifting them is nothing
        slot.done.wait()
        return slot.output.withLock { $0.take()! }
    }
}
