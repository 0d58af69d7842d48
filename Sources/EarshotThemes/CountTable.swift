/// A map from 64-bit keys to 32-bit counts (or ids), by open addressing with a multiplicative hash: collocation finding adds
/// to tens of millions of pair counts, and a `Dictionary`'s seeded SipHash costs several times this table's probe.
/// The key `UInt64.max` is reserved for empty slots.
struct CountTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private(set) var count = 0

    init(minimumCapacity: Int = 1 << 12) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: .max, count: size)
        values = [Int32](repeating: 0, count: size)
    }

    /// Adds `amount` to `key`'s count (a new key starts at zero).
    @inline(__always) mutating func add(_ key: UInt64, _ amount: Int32 = 1) {
        precondition(key != .max, "the largest key is reserved")
        var slot = Self.slot(key, mask: keys.count - 1)
        let mask = keys.count - 1
        while true {
            let found = keys[slot]
            if found == key {
                values[slot] += amount
                return
            }
            if found == .max {
                keys[slot] = key
                values[slot] = amount
                count += 1
                if count * 2 > keys.count { grow() }
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// Sets `key`'s value.
    mutating func set(_ key: UInt64, _ value: Int32) {
        add(key, value - (self.value(key) ?? 0))
    }

    /// `key`'s count, or `nil` when it was never added.
    @inline(__always) func value(_ key: UInt64) -> Int32? {
        let mask = keys.count - 1
        var slot = Self.slot(key, mask: mask)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == .max { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Calls `body` with every key and its count, in no particular order.
    func forEach(_ body: (UInt64, Int32) -> Void) {
        for (key, value) in zip(keys, values) where key != .max { body(key, value) }
    }

    @inline(__always) private static func slot(_ key: UInt64, mask: Int) -> Int {
        // Fibonacci hashing: the high bits of the product depend on every bit of the key.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: .max, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != .max { add(key, value) }
    }
}
