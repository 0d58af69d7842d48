/// Distinct byte strings, numbered in the order they were first seen and found again by a hash of their bytes.
///
/// The themes stage looks up every word of millions of records: hashing and comparing the tokenizer's bytes in place
/// costs a fraction of making a `String` of each word and hashing that.
struct ByteInterner {
    /// Every entry's bytes, one after the other: entry `i` is `arena[starts[i]..<starts[i + 1]]`.
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing over entry indices, `-1` for an empty slot; a power of two in size.
    private var slots = [Int32](repeating: -1, count: 1 << 12)

    /// The number of distinct byte strings seen.
    var count: Int { hashes.count }

    /// The number of `bytes`, and whether this is its first sighting.
    mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            if hashes[Int(entry)] == hash && equals(Int(entry), bytes) { return (entry, false) }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        hashes.append(hash)
        slots[slot] = id
        // At most half full, so probes stay short.
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    private func equals(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry]
        guard starts[entry + 1] - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            var index = 0
            while index < bytes.count {
                if arena[start + index] != bytes[index] { return false }
                index += 1
            }
            return true
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    /// FNV-1a, then a final mix so that the low bits used for the slot depend on every byte.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        hash ^= hash >> 32
        hash &*= 0xd6e8_feb8_6659_fd93
        return hash ^ (hash >> 32)
    }
}
