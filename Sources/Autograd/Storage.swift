/// A flat, typed buffer that tensors view through shape, strides and offset.
package final class Storage {
    package let dtype: DType
    package let count: Int
    package let data: UnsafeMutableRawPointer
    /// The memory budget this storage is counted against, if its thread had one.
    private let account: MemoryAccount?

    /// Allocates `count` zero-filled elements.
    package init(dtype: DType, count: Int) {
        self.dtype = dtype
        self.count = count
        let bytes = max(count * dtype.itemSize, 1)
        account = MemoryAccount.charge(bytes)
        data = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: Storage.alignment(bytes))
        data.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
    }

    /// Allocates `count` elements without clearing them; the caller writes every one.
    init(uninitialized dtype: DType, count: Int) {
        self.dtype = dtype
        self.count = count
        let bytes = max(count * dtype.itemSize, 1)
        account = MemoryAccount.charge(bytes)
        data = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: Storage.alignment(bytes))
    }

    /// Cache-line alignment for buffers kernels vectorise over; malloc's own (cheaper) for tiny ones.
    @inline(__always)
    private static func alignment(_ bytes: Int) -> Int { bytes >= 64 ? 64 : 16 }

    deinit {
        account?.release(max(count * dtype.itemSize, 1))
        data.deallocate()
    }

    package var byteCount: Int { count * dtype.itemSize }

    @inline(__always)
    func pointer<T>(_: T.Type) -> UnsafeMutablePointer<T> {
        data.assumingMemoryBound(to: T.self)
    }
}

/// The version counter shared by a tensor, its views and `detach()` results; in-place ops bump it.
package final class VersionCounter {
    package internal(set) var value: Int = 0
    init() {}
    func bump() { value += 1 }
}
