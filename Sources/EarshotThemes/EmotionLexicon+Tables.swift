import EarshotModel

extension EmotionLexicon {
    /// Folded words and emoji by hash, with open addressing: one probe for most words, which are not in the lexicon.
    struct Vocabulary: Sendable {
        private(set) var slots = [Int32](repeating: -1, count: 1024)
        private(set) var hashes: [UInt64] = []
        private(set) var offsets: [Int32] = []
        private(set) var lengths: [Int32] = []
        private(set) var pool: [UInt8] = []
        private var shift: UInt64 = 54  // 64 - log2(slots.count)

        var count: Int { hashes.count }

        @inline(__always) private func slot(_ hash: UInt64) -> Int {
            Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        @inline(__always) func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
            let mask = slots.count - 1
            var index = slot(hash)
            while true {
                let id = slots[index]
                if id < 0 { return -1 }
                if hashes[Int(id)] == hash && lengths[Int(id)] == word.count {
                    let offset = Int(offsets[Int(id)])
                    var equal = true
                    for position in 0..<word.count where pool[offset + position] != word[position] {
                        equal = false
                        break
                    }
                    if equal { return id }
                }
                index = (index + 1) & mask
            }
        }

        mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
            let existing = find(word, hash: hash)
            if existing >= 0 { return existing }
            if (count + 1) * 4 > slots.count { grow() }
            let id = Int32(count)
            hashes.append(hash)
            offsets.append(Int32(pool.count))
            lengths.append(Int32(word.count))
            pool.append(contentsOf: word)
            place(id)
            return id
        }

        private mutating func place(_ id: Int32) {
            let mask = slots.count - 1
            var index = slot(hashes[Int(id)])
            while slots[index] >= 0 { index = (index + 1) & mask }
            slots[index] = id
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            shift -= 1
            for id in 0..<Int32(count) { place(id) }
        }
    }

    struct Builder: WordResolver {
        var vocabulary = Vocabulary()
        mutating func resolve(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
            vocabulary.insert(word, hash: hash)
        }
    }

    struct Cue: Sendable {
        /// `nil` for a phrase that only suppresses.
        let emotion: Emotion?
        let text: String
        var hasNegator = false
    }

    /// The compiled lexicon: vocabulary, word flags and a trie of cue phrases over vocabulary ids.
    final class Tables: Sendable {
        static let negatorFlag: UInt8 = 1
        static let fillerFlag: UInt8 = 2
        static let questionFlag: UInt8 = 4
        static let acronymFlag: UInt8 = 8

        /// Built on first use, immutable afterwards, shared by every lexicon.
        static let standard = Tables(
            cues: EmotionLexicon.entries, negators: EmotionLexicon.negators, fillers: EmotionLexicon.fillers,
            questionWords: EmotionLexicon.questionWords, acronyms: EmotionLexicon.acronyms)

        let vocabulary: Vocabulary
        /// Per word id.
        let flags: [UInt8]
        let displays: [String]
        let firstNode: [Int32]
        /// Per trie node.
        let nodeCue: [Int32]
        let nodeHasChildren: [Bool]
        let edges: [Int: Int32]
        let cues: [Cue]

        @inline(__always) static func edgeKey(_ node: Int32, _ id: Int32) -> Int { Int(node) << 32 | Int(id) }

        init(cues entries: [(Emotion?, [String])], negators: [String], fillers: [String], questionWords: [String],
             acronyms: [String]) {
            var builder = Builder()
            func ids(_ phrase: String) -> [Int32] {
                var phrase = phrase
                return phrase.withUTF8 { bytes in
                    withUnsafeTemporaryAllocation(of: Token.self, capacity: max(bytes.count, 1)) { tokens in
                        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Scanner.maximumWordLength) { scratch in
                            let count = Scanner.tokenize(
                                bytes, into: tokens.baseAddress!, scratch: scratch.baseAddress!, resolver: &builder)
                            return (0..<count).compactMap { tokens[$0].id >= 0 ? tokens[$0].id : nil }
                        }
                    }
                }
            }
            var cues: [Cue] = []
            var cueIDs: [[Int32]] = []
            var nodeCue: [Int32] = [-1]
            var nodeHasChildren = [false]
            var edges: [Int: Int32] = [:]
            for (emotion, phrases) in entries {
                for phrase in phrases {
                    let path = ids(phrase)
                    guard !path.isEmpty else { continue }
                    var node: Int32 = 0
                    for id in path {
                        if let child = edges[Self.edgeKey(node, id)] {
                            node = child
                        } else {
                            let child = Int32(nodeCue.count)
                            nodeCue.append(-1)
                            nodeHasChildren.append(false)
                            nodeHasChildren[Int(node)] = true
                            edges[Self.edgeKey(node, id)] = child
                            node = child
                        }
                    }
                    // The first listing of a phrase wins, so a later duplicate cannot change its emotion.
                    guard nodeCue[Int(node)] < 0 else { continue }
                    nodeCue[Int(node)] = Int32(cues.count)
                    cues.append(Cue(emotion: emotion, text: phrase))
                    cueIDs.append(path)
                }
            }
            var flagged: [(Int32, UInt8, String)] = []
            for (words, flag) in [(negators, Self.negatorFlag), (fillers, Self.fillerFlag),
                                  (questionWords, Self.questionFlag), (acronyms, Self.acronymFlag)] {
                for word in words {
                    for id in ids(word) { flagged.append((id, flag, word)) }
                }
            }
            let vocabulary = builder.vocabulary
            var flags = [UInt8](repeating: 0, count: vocabulary.count)
            var displays = [String](repeating: "", count: vocabulary.count)
            for (id, flag, word) in flagged {
                flags[Int(id)] |= flag
                if displays[Int(id)].isEmpty { displays[Int(id)] = word }
            }
            for index in cues.indices {
                cues[index].hasNegator = cueIDs[index].contains { flags[Int($0)] & Self.negatorFlag != 0 }
            }
            var firstNode = [Int32](repeating: -1, count: vocabulary.count)
            for id in 0..<Int32(vocabulary.count) { firstNode[Int(id)] = edges[Self.edgeKey(0, id)] ?? -1 }
            self.vocabulary = vocabulary
            self.flags = flags
            self.displays = displays
            self.firstNode = firstNode
            self.nodeCue = nodeCue
            self.nodeHasChildren = nodeHasChildren
            self.edges = edges
            self.cues = cues
        }
    }
}
