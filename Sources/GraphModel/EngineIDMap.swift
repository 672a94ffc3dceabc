/// Engine ids (tensor or node ids, increasing per thread) to record ids: a dense table of Int32
/// from the first id recorded on, so a recorded op costs a few bytes here instead of a hash
/// table entry per tensor and node. Ids older than the first (a tensor made before recording
/// started and seen later) go to a dictionary. The two ids mapped last are kept aside as well,
/// so that the look-ups a recorder makes most (the tensors or nodes it recorded a moment ago:
/// in a chain, each op's input and its grad_fn's next edge) read no table.
struct EngineIDMap {
    /// The first engine id mapped; the table's slot 0.
    private var base = -1
    /// Record id + 1 per engine id from `base` on; 0 where none is mapped.
    private var slots: [UInt32] = []
    private var older: [Int: Int] = [:]
    /// The engine id mapped last and the one mapped before it (-1: none), with their record ids.
    private var lastEngineID = -1
    private var lastRecord = 0
    private var priorEngineID = -1
    private var priorRecord = 0

    subscript(engineID: Int) -> Int? {
        @inline(__always) get {
            if engineID == lastEngineID { return lastRecord }
            if engineID == priorEngineID { return priorRecord }
            let i = engineID &- base
            guard base >= 0, i >= 0, i < slots.count else { return engineID < base || base < 0 ? older[engineID] : nil }
            let slot = slots[i]
            return slot == 0 ? nil : Int(slot &- 1)
        }
        set {
            guard let record = newValue else { return remove(engineID) }
            insert(record, for: engineID)
        }
    }

    /// Maps `engineID` to `record`.
    @inline(__always)
    mutating func insert(_ record: Int, for engineID: Int) {
        if engineID != lastEngineID {
            priorEngineID = lastEngineID
            priorRecord = lastRecord
        }
        lastEngineID = engineID
        lastRecord = record
        let i = engineID &- base
        // The usual case: an id past the first, within the table grown so far.
        if base >= 0, i >= 0, i < slots.count {
            slots[i] = UInt32(truncatingIfNeeded: record &+ 1)
            return
        }
        insertOutside(record, for: engineID)
    }

    /// `insert` for an id outside the table: the first one mapped, an older one, or one past the end.
    private mutating func insertOutside(_ record: Int, for engineID: Int) {
        if base < 0 { base = engineID }
        guard engineID >= base else {
            older[engineID] = record
            return
        }
        let i = engineID - base
        // Ids grow by a few per recorded tensor or node: the table grows by an eighth (empty
        // slots read as unmapped), so most new ids find their slot there already.
        slots.append(contentsOf: repeatElement(0, count: Swift.max(i + 1 - slots.count, slots.count / 8 + 16)))
        slots[i] = UInt32(truncatingIfNeeded: record + 1)
    }

    /// Unmaps `engineID`.
    private mutating func remove(_ engineID: Int) {
        if engineID == lastEngineID { lastEngineID = -1 }
        if engineID == priorEngineID { priorEngineID = -1 }
        guard engineID >= base, base >= 0 else {
            older[engineID] = nil
            return
        }
        let i = engineID - base
        if i < slots.count { slots[i] = 0 }
    }
}
