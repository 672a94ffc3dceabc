import Synchronization

/// Freed tensor buffers of 16 KB and more, kept for the next allocation of the same size class.
///
/// A training step frees its activations and gradients and allocates the same sizes again in
/// the next step. Handed back to glibc, those blocks are returned to the system (the top of the
/// heap is trimmed, blocks from their own mappings are unmapped) and faulted in again on every
/// step. The pool keeps at most `capacity` bytes, so the process holds at most that much more
/// than its tensors need, and leaves glibc's own thresholds alone.
final class StorageBufferPool: Sendable {
    /// The pool every `Storage` allocates from: 8 MB, about three W2 training steps' worth of
    /// freed activations and gradients (bench/w2.py).
    static let shared = StorageBufferPool(capacity: 8 << 20)

    /// Buffers smaller than this come from malloc's bins, which reuse them without faults.
    static let smallestPooledBytes = 16 << 10

    /// The most bytes the pool holds.
    let capacity: Int

    /// Free buffers by size class, as addresses (plain integers, so they cross the lock as
    /// values; a buffer on a shelf belongs to the pool alone).
    private struct Shelves {
        var buffers: [Int: [Int]] = [:]
        var heldBytes = 0
    }

    private let shelves = Mutex(Shelves())

    init(capacity: Int) { self.capacity = capacity }

    /// The bytes a buffer of `bytes` is allocated with: pooled sizes are rounded up to a
    /// multiple of 4 KB so that nearby sizes share a shelf.
    static func sizeClass(_ bytes: Int) -> Int {
        bytes < smallestPooledBytes ? bytes : (bytes + 4095) & ~4095
    }

    /// A 64-byte aligned buffer of at least `bytes`, from the pool when one of its size class
    /// is there. Its contents are undefined.
    func allocate(bytes: Int) -> UnsafeMutableRawPointer {
        let size = Self.sizeClass(bytes)
        if isPooled(size) {
            let reused = shelves.withLock { shelves -> Int? in
                guard let address = shelves.buffers[size]?.popLast() else { return nil }
                shelves.heldBytes -= size
                return address
            }
            if let reused, let buffer = UnsafeMutableRawPointer(bitPattern: reused) { return buffer }
        }
        return UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
    }

    /// Takes back a buffer of `bytes` from `allocate(bytes:)`: keeps it when the pool has room,
    /// frees it otherwise.
    func release(_ buffer: UnsafeMutableRawPointer, bytes: Int) {
        let size = Self.sizeClass(bytes)
        if isPooled(size) {
            let address = Int(bitPattern: buffer)
            let kept = shelves.withLock { shelves -> Bool in
                guard shelves.heldBytes + size <= capacity else { return false }
                shelves.buffers[size, default: []].append(address)
                shelves.heldBytes += size
                return true
            }
            if kept { return }
        }
        buffer.deallocate()
    }

    /// The bytes held for reuse.
    var heldBytes: Int { shelves.withLock { $0.heldBytes } }

    private func isPooled(_ size: Int) -> Bool { size >= Self.smallestPooledBytes && size <= capacity }

    deinit {
        shelves.withLock { shelves in
            for address in shelves.buffers.values.joined() {
                UnsafeMutableRawPointer(bitPattern: address)?.deallocate()
            }
        }
    }
}
