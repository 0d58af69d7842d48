import Testing

@testable import EarshotNormalize

@Suite struct RecordIndexTests {
    /// Against a Dictionary through several growths, with keys that share their high half (the part that picks
    /// the slot) and versions with and without an updated-at.
    @Test func holdsWhatADictionaryHolds() {
        var index = RecordIndex()
        var expected: [StreamState.Key: StreamState.Version] = [:]
        var state: UInt64 = 12_345
        var mismatches = 0
        for step in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = StreamState.Key(high: step % 300 == 0 ? 42 : state >> 20, low: UInt64(step % 7_000))
            let version = StreamState.Version(
                updatedAt: step % 5 == 0 ? nil : Int64(step) - 10_000, fileID: Int64(step % 4), line: step)
            if index[key]?.line != expected[key]?.line { mismatches += 1 }
            index[key] = version
            expected[key] = version
        }
        #expect(mismatches == 0)
        #expect(index.count == expected.count)
        let differing = expected.filter { key, version in
            let found = index[key]
            return found?.updatedAt != version.updatedAt || found?.fileID != version.fileID || found?.line != version.line
        }
        #expect(differing.isEmpty)
        #expect(index[StreamState.Key(high: 1, low: 99_999)] == nil)
    }
}

@Suite struct FingerprintSetTests {
    /// Against a Set through several growths, with zero, negative values and values that share their low bits.
    @Test func insertsAsASetDoes() {
        var set = FingerprintSet()
        var expected = Set<Int64>()
        var state: UInt64 = 99
        var mismatches = 0
        for step in 0..<30_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value: Int64 = step % 50 == 0 ? 0 : (step % 3 == 0 ? Int64(step % 5_000) << 32 : Int64(bitPattern: state >> 40) - 8_000_000)
            if set.insert(value) != expected.insert(value).inserted { mismatches += 1 }
        }
        #expect(mismatches == 0)
        let zeroAgain = set.insert(0)
        let fresh = set.insert(Int64.min + 1)
        #expect(!zeroAgain)
        #expect(fresh)
    }
}
