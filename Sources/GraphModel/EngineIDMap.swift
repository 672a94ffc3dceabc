/// Engine ids (tensor or node ids, increasing per thread) to record ids: a dense table of Int32
/// from the first id recorded on, so a recorded op costs a few bytes here instead of a hash
/// table entry per tensor and node. Ids older than the first (a tensor made before recording
/// started and seen later) go to a dictionary.
struct EngineIDMap {
    /// The first engine id mapped; the table's slot 0.
    private var base = -1
    /// Record id + 1 per engine id from `base` on; 0 where none is mapped.
    private var slots: [UInt32] = []
    private var older: [Int: Int] = [:]

    subscript(engineID: Int) -> Int? {
        get {
            guard engineID >= base, base >= 0 else { return older[engineID] }
            let i = engineID - base
            guard i < slots.count, slots[i] != 0 else { return nil }
            return Int(slots[i] - 1)
        }
        set {
            if base < 0, newValue != nil { base = engineID }
            guard engineID >= base, base >= 0 else {
                older[engineID] = newValue
                return
            }
            let i = engineID - base
            let slot = newValue.map { UInt32(truncatingIfNeeded: $0 + 1) } ?? 0
            if i < slots.count {
                slots[i] = slot
                return
            }
            guard slot != 0 else { return }
            // Ids grow by a few per recorded tensor or node: the table grows by an eighth (empty
            // slots read as unmapped), so most new ids find their slot there already.
            slots.append(contentsOf: repeatElement(0, count: Swift.max(i + 1 - slots.count, slots.count / 8 + 16)))
            slots[i] = slot
        }
    }
}
