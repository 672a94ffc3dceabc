/// The live bytes counted against one thread's memory limit. Storages keep a reference so
/// that freeing them gives the bytes back, whichever thread drops the last reference.
final class MemoryAccount {
    let limit: Int
    var live = 0

    init(limit: Int) { self.limit = limit }

    /// Counts `bytes` against the calling thread's budget, if it has one.
    @inline(__always)
    static func charge(_ bytes: Int) -> MemoryAccount? {
        guard let account = ThreadState.current.memoryAccount else { return nil }
        account.live &+= bytes
        return account
    }

    func release(_ bytes: Int) { live &-= bytes }
}

/// A per-thread cap on the bytes of live tensor storage, so a script asking for a tensor the
/// machine cannot hold gets a `MemoryError` instead of the process being killed.
///
/// Storage allocation itself cannot throw; the tensor-creating entry points (factories,
/// broadcasting, matmul, repeat, joins, indexing) call `reserve` with the size they are about to
/// allocate, and every storage is counted while alive.
package enum MemoryBudget {
    /// The calling thread's limit in bytes, or nil for none. Setting it starts a fresh count:
    /// storages allocated before are not counted.
    package static var limit: Int? {
        get { ThreadState.current.memoryAccount?.limit }
        set { ThreadState.current.memoryAccount = newValue.map(MemoryAccount.init(limit:)) }
    }

    /// Bytes of live tensor storage counted against the calling thread's limit.
    package static var liveBytes: Int { ThreadState.current.memoryAccount?.live ?? 0 }

    /// Throws unless `count` elements of `dtype` fit in the remaining budget. `shape` only
    /// names the request in the overflow message.
    package static func reserve(_ count: Int, _ dtype: DType, shape: [Int]? = nil) throws {
        try reserve(count, itemSize: dtype.itemSize, shape: shape)
    }

    /// Throws unless `count` items of `itemSize` bytes fit in the remaining budget (also used for
    /// the script layer's own lists and strings, which are not tensors but can be as large).
    package static func reserve(_ count: Int, itemSize: Int, shape: [Int]? = nil) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: itemSize)
        if overflow || count < 0 {
            throw TorchError.runtime("Storage size calculation overflowed with sizes=\(shape ?? [count])")
        }
        guard let account = ThreadState.current.memoryAccount else { return }
        if bytes > account.limit - account.live {
            throw TorchError.memory(
                "out of memory: tried to allocate \(bytes) bytes with \(account.live) bytes of tensors alive; "
                    + "the limit is \(account.limit) bytes (--max-memory)")
        }
    }

    /// The element count of `shape`, checked: no negative sizes, no more than 64 dimensions, no
    /// Int overflow, and (for an allocation of `dtype`) within the memory budget.
    @discardableResult
    package static func checkedNumel(_ shape: [Int], allocating dtype: DType? = nil) throws -> Int {
        guard shape.count <= maxRank else {
            throw TorchError.runtime("tensors with more than \(maxRank) dimensions are not supported (got \(shape.count))")
        }
        var n = 1
        var extent = 1 // the contiguous strides' product: overflows even when a size is 0
        for d in shape {
            guard d >= 0 else {
                throw TorchError.runtime("Trying to create tensor with negative dimension \(d): \(shape)")
            }
            let (p, overflow) = n.multipliedReportingOverflow(by: d)
            let (e, extentOverflow) = extent.multipliedReportingOverflow(by: Swift.max(d, 1))
            if overflow || extentOverflow {
                throw TorchError.runtime("Storage size calculation overflowed with sizes=\(shape)")
            }
            n = p
            extent = e
        }
        if let dtype { try reserve(n, dtype, shape: shape) }
        return n
    }

    /// PyTorch's limit on tensor rank.
    package static let maxRank = 64
}
