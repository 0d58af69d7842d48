@testable import EarshotThemes
import Testing

@Suite struct CountTableTests {
    @Test func countsAndIDsMatchADictionaryThroughManyGrowths() {
        // Given keys that collide in their low bits (multiples of 2^32, as pair keys of one first stem do) and
        // random ones, added in a fixed pseudo-random order
        var table = CountTable(minimumCapacity: 1)
        var expected: [UInt64: Int32] = [:]
        var state: UInt64 = 0x1234_5678
        for step in 0..<50_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let key = step % 3 == 0 ? UInt64(step % 997) << 32 : state >> 20
            table.add(key)
            expected[key, default: 0] += 1
        }
        // Then every count is the dictionary's, none is missing and none is extra
        #expect(table.count == expected.count)
        for (key, count) in expected { #expect(table.value(key) == count) }
        var seen = 0
        table.forEach { key, count in
            seen += 1
            #expect(expected[key] == count)
        }
        #expect(seen == expected.count)
        #expect(table.value(0xDEAD_BEEF_0000_0001) == nil)
        // And a value set over a count replaces it
        table.set(UInt64(5) << 32, 42)
        #expect(table.value(UInt64(5) << 32) == 42)
        #expect(table.count == expected.count)
    }
}
