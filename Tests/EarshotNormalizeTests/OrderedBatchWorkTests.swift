import Foundation
import Synchronization
import Testing

@testable import EarshotNormalize

@Suite struct OrderedBatchWorkTests {
    @Test func resultsComeBackInSubmissionOrderWhateverFinishesFirst() {
        var work = OrderedBatchWork<Int>(window: 3)
        var consumed: [Int] = []
        for index in 0..<40 {
            // Earlier work sleeps longer, so later work finishes first whenever two run at once.
            work.submit({
                usleep(UInt32((40 - index) % 7) * 300)
                return index
            }, consume: { consumed.append($0) })
        }
        work.drain { consumed.append($0) }
        #expect(consumed == Array(0..<40))
    }

    @Test func noMoreThanTheWindowIsInFlight() {
        let running = Atomic<Int>(0)
        let most = Atomic<Int>(0)
        var work = OrderedBatchWork<Int>(window: 2)
        var submitted = 0
        var consumed = 0
        for index in 0..<30 {
            submitted += 1
            work.submit({
                let now = running.add(1, ordering: .relaxed).newValue
                _ = most.max(now, ordering: .relaxed)
                usleep(200)
                running.subtract(1, ordering: .relaxed)
                return index
            }, consume: { _ in
                consumed += 1
                #expect(submitted - consumed <= 2)
            })
        }
        work.drain { _ in consumed += 1 }
        #expect(consumed == 30)
        #expect(most.load(ordering: .relaxed) <= 3)
    }

    @Test func aThrowingConsumerStopsAtTheFailingResult() {
        struct Stop: Error {}
        var work = OrderedBatchWork<Int>(window: 1)
        var consumed: [Int] = []
        #expect(throws: Stop.self) {
            for index in 0..<10 {
                try work.submit({ index }, consume: { value in
                    if value == 4 { throw Stop() }
                    consumed.append(value)
                })
            }
        }
        #expect(consumed == [0, 1, 2, 3])
    }
}
