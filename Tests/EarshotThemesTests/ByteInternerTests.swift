@testable import EarshotThemes
import Testing

@Suite struct ByteInternerTests {
    @Test func idsAreFirstSightingOrderThroughManyGrowths() {
        // Given 20,000 distinct words, each seen three times in a shuffled order, and the empty word
        var words = (0..<20_000).map { "w\($0 * 7919 % 20_000)" } + [""]
        words += words + words
        var interner = ByteInterner()
        var expected: [String: Int32] = [:]
        for word in words {
            var text = word
            let (id, isNew) = text.withUTF8 { interner.id(of: $0) }
            // Then a word's id is the number of distinct words seen before it, and only its first sighting is new
            if let known = expected[word] {
                #expect(id == known && !isNew, "\(word)")
            } else {
                #expect(id == Int32(expected.count) && isNew, "\(word)")
                expected[word] = id
            }
        }
        #expect(interner.count == 20_001)
    }
}
