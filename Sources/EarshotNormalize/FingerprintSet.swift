/// The text fingerprints seen in a run, to find texts that come more than once: an open-addressing set of 64-bit
/// values, one per record of a rebuild. The fingerprints are hashes already, so their own bits pick the slot where
/// `Set` would hash them again.
struct FingerprintSet {
    /// Zero marks an empty slot; the fingerprint zero is kept aside.
    private var slots = [UInt64](repeating: 0, count: 1024)
    private var hasZero = false
    private var count = 0

    init() {}

    /// Adds `fingerprint`; returns whether it was new.
    mutating func insert(_ fingerprint: Int64) -> Bool {
        let value = UInt64(bitPattern: fingerprint)
        guard value != 0 else {
            defer { hasZero = true }
            return !hasZero
        }
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let found = slots.withUnsafeMutableBufferPointer { slots in
            var index = Self.start(value, mask: slots.count - 1)
            while slots[index] != 0 {
                if slots[index] == value { return true }
                index = (index + 1) & (slots.count - 1)
            }
            slots[index] = value
            return false
        }
        if !found { count += 1 }
        return !found
    }

    private static func start(_ value: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for value in old where value != 0 {
            var index = Self.start(value, mask: mask)
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = value
        }
    }
}
