import Autograd

/// The saved buffers of recorded nodes that a later in-place op can still invalidate, by the
/// storage they are on. Each holds its tensor's version counter weakly, so a buffer stays
/// watched after its node is gone, as long as a tensor that can bump that counter lives
/// (PyTorch marks such a buffer modified whether or not a backward ever reads it).
struct SavedWatches {
    /// The buffers saved on one storage under one version counter: a tensor and its views share
    /// a counter, so a storage usually has one group however many nodes saved it (a weight saved
    /// by every step's product), and a sweep checks one weak reference per group.
    fileprivate struct Group {
        weak var counter: VersionCounter?
        var buffers: [Buffer]
    }

    fileprivate struct Buffer {
        let savedVersion: Int
        let node: Int32
        let buffer: Int32
    }

    private var byStorage: [ObjectIdentifier: [Group]] = [:]
    /// How many storages to hold before the next sweep of watches no tensor can bump any more.
    private var sweepAt = 1024

    /// Watches `slot`, saved buffer `buffer` of node record `node`, unless it is already stale,
    /// freed or held by a pack hook (PyTorch checks no version through hooks), or is a Python
    /// number the op wrapped, which the script never sees and so cannot change in place.
    mutating func watch(_ slot: SavedTensor, buffer: Int, of node: Int) {
        guard !slot.isStale, !slot.shape.isEmpty || !slot.holdsWrappedNumber, let counter = slot.versionCounter
        else { return }
        let saved = Buffer(
            savedVersion: slot.savedVersion, node: Int32(truncatingIfNeeded: node),
            buffer: Int32(truncatingIfNeeded: buffer))
        byStorage[slot.storageID, default: []].add(saved, under: counter)
        if byStorage.count >= sweepAt { sweep() }
    }

    /// The (node, buffer, version now) of each watched buffer on `storage` whose tensor changed
    /// since it was saved; those are no longer watched.
    mutating func changed(on storage: ObjectIdentifier) -> [(node: Int, buffer: Int, version: Int)] {
        guard var groups = byStorage.removeValue(forKey: storage) else { return [] }
        var changed: [(node: Int, buffer: Int, version: Int)] = []
        for i in groups.indices {
            guard let c = groups[i].counter else { continue }
            groups[i].buffers.removeAll { saved in
                guard c.value != saved.savedVersion else { return false }
                changed.append((Int(saved.node), Int(saved.buffer), c.value))
                return true
            }
        }
        groups.removeAll { $0.counter == nil || $0.buffers.isEmpty }
        if !groups.isEmpty { byStorage[storage] = groups }
        // Node records are numbered in the order they were watched: the order of one list.
        changed.sort { ($0.node, $0.buffer) < ($1.node, $1.buffer) }
        return changed
    }

    /// Drops the watches whose counter is gone: no tensor is left to change them.
    private mutating func sweep() {
        byStorage = byStorage.compactMapValues { groups in
            let live = groups.filter { $0.counter != nil }
            return live.isEmpty ? nil : live
        }
        sweepAt = Swift.max(1024, byStorage.count * 2)
    }
}

extension Array where Element == SavedWatches.Group {
    /// Adds `saved` to the group of `counter`, the last one made in the common case.
    fileprivate mutating func add(_ saved: SavedWatches.Buffer, under counter: VersionCounter) {
        if let i = lastIndex(where: { $0.counter === counter }) {
            self[i].buffers.append(saved)
        } else {
            append(SavedWatches.Group(counter: counter, buffers: [saved]))
        }
    }
}

extension Recorder {
    /// Marks the saved buffers an in-place change to `tensor` made stale (a buffer already freed
    /// by a backward pass keeps that state).
    func checkInvalidation(of tensor: Tensor, op: String) {
        for c in savedWatches.changed(on: ObjectIdentifier(tensor.storage))
        where graph.nodes.saved(of: c.node)[c.buffer].freedByPass == nil {
            graph.nodes.invalidate(
                buffer: c.buffer, of: c.node, with: Invalidation(line: userLine, op: op, version: c.version))
        }
    }
}
