import Autograd

/// The saved buffers of recorded nodes that a later in-place op can still invalidate, by the
/// storage they are on. Each holds its tensor's version counter weakly, so a buffer stays
/// watched after its node is gone, as long as a tensor that can bump that counter lives
/// (PyTorch marks such a buffer modified whether or not a backward ever reads it).
struct SavedWatches {
    private struct Watch {
        weak var counter: VersionCounter?
        let savedVersion: Int
        let node: Int32
        let buffer: Int32
    }

    private var byStorage: [ObjectIdentifier: [Watch]] = [:]
    /// How many storages to hold before the next sweep of watches no tensor can bump any more.
    private var sweepAt = 1024

    /// Watches `slot`, saved buffer `buffer` of node record `node`, unless it is already stale,
    /// freed or held by a pack hook (PyTorch checks no version through hooks), or is a Python
    /// number the op wrapped, which the script never sees and so cannot change in place.
    mutating func watch(_ slot: SavedTensor, buffer: Int, of node: Int) {
        guard !slot.isStale, !slot.shape.isEmpty || !slot.holdsWrappedNumber, let counter = slot.versionCounter
        else { return }
        let w = Watch(
            counter: counter, savedVersion: slot.savedVersion, node: Int32(truncatingIfNeeded: node),
            buffer: Int32(truncatingIfNeeded: buffer))
        byStorage[slot.storageID, default: []].append(w)
        if byStorage.count >= sweepAt { sweep() }
    }

    /// The (node, buffer, version now) of each watched buffer on `storage` whose tensor changed
    /// since it was saved; those are no longer watched.
    mutating func changed(on storage: ObjectIdentifier) -> [(node: Int, buffer: Int, version: Int)] {
        guard let watches = byStorage[storage] else { return [] }
        var kept: [Watch] = []
        var changed: [(node: Int, buffer: Int, version: Int)] = []
        for w in watches {
            guard let c = w.counter else { continue }
            if c.value == w.savedVersion {
                kept.append(w)
            } else {
                changed.append((Int(w.node), Int(w.buffer), c.value))
            }
        }
        byStorage[storage] = kept.isEmpty ? nil : kept
        return changed
    }

    /// Drops the watches whose counter is gone: no tensor is left to change them.
    private mutating func sweep() {
        byStorage = byStorage.compactMapValues { watches in
            let live = watches.filter { $0.counter != nil }
            return live.isEmpty ? nil : live
        }
        sweepAt = Swift.max(1024, byStorage.count * 2)
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
