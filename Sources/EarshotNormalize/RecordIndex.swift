/// The winning version of every record id seen in a run, by the id's 128-bit hash: an open-addressing table of
/// slots in one flat array, since a rebuild holds millions of ids. A `Dictionary` of the same entries took 48 bytes
/// a slot and a SipHash per lookup; a slot here is 40 bytes, found from the key's own bits (already a hash), and one
/// lookup touches one cache line.
struct RecordIndex {
    private struct Slot {
        var high: UInt64 = 0
        var low: UInt64 = 0
        /// The version's updated-at, or `Int64.min` for none.
        var updatedAt: Int64 = 0
        var fileID: Int64 = 0
        var line: Int32 = 0
        var isOccupied = false
    }

    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var mask = 1023
    /// The number of ids held.
    private(set) var count = 0

    init() {}

    subscript(key: StreamState.Key) -> StreamState.Version? {
        get {
            let slot = slots[self.slot(of: key)]
            guard slot.isOccupied else { return nil }
            return StreamState.Version(
                updatedAt: slot.updatedAt == .min ? nil : slot.updatedAt, fileID: slot.fileID, line: Int(slot.line))
        }
        set {
            guard let version = newValue else { preconditionFailure("ids are never removed from a run's index") }
            var index = slot(of: key)
            if !slots[index].isOccupied {
                if (count + 1) * 10 > slots.count * 7 {
                    grow()
                    index = slot(of: key)
                }
                count += 1
            }
            slots[index] = Slot(
                high: key.high, low: key.low, updatedAt: version.updatedAt ?? .min, fileID: version.fileID,
                line: Int32(clamping: version.line), isOccupied: true)
        }
    }

    /// The key's slot, or the empty slot where it would go.
    private func slot(of key: StreamState.Key) -> Int {
        slots.withUnsafeBufferPointer { slots in
            var index = Int(truncatingIfNeeded: key.high ^ (key.high >> 29)) & mask
            while slots[index].isOccupied {
                if slots[index].high == key.high && slots[index].low == key.low { return index }
                index = (index + 1) & mask
            }
            return index
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.isOccupied {
            slots[self.slot(of: StreamState.Key(high: slot.high, low: slot.low))] = slot
        }
    }
}
