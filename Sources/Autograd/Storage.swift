/// A flat, typed buffer that tensors view through shape, strides and offset.
///
/// A buffer under 64 bytes (a scalar, a Python number wrapped as a tensor, a few elements)
/// lives in the storage object itself, so a small tensor costs one allocation for its values
/// instead of two; larger ones are allocated apart, cache-line aligned for the vectorised kernels
/// (from `StorageBufferPool`, which reuses freed buffers of 16 KB and more).
package final class Storage: ManagedBuffer<StorageHeader, SIMD2<Double>> {
    /// The element type.
    package var dtype: DType { header.dtype }
    /// The number of elements.
    package var count: Int { header.count }
    /// The first element's address.
    package var data: UnsafeMutableRawPointer { header.data }

    /// Allocates `count` zero-filled elements.
    package static func zeroed(dtype: DType, count: Int) -> Storage {
        let storage = uninitialized(dtype, count: count)
        storage.data.initializeMemory(as: UInt8.self, repeating: 0, count: max(count * dtype.itemSize, 1))
        return storage
    }

    /// Allocates `count` elements without clearing them; the caller writes every one.
    static func uninitialized(_ dtype: DType, count: Int) -> Storage {
        let bytes = max(count * dtype.itemSize, 1)
        let account = MemoryAccount.charge(bytes)
        let inline = bytes < 64
        let capacity = inline ? (bytes + 15) / 16 : 0
        let buffer = create(minimumCapacity: capacity) { buffer in
            let data =
                inline
                ? buffer.withUnsafeMutablePointerToElements { UnsafeMutableRawPointer($0) }
                : StorageBufferPool.shared.allocate(bytes: bytes)
            return StorageHeader(dtype: dtype, count: count, data: data, isInline: inline, account: account)
        }
        return unsafeDowncast(buffer, to: Storage.self)
    }

    deinit {
        header.account?.release(max(count * dtype.itemSize, 1))
        if !header.isInline { StorageBufferPool.shared.release(header.data, bytes: max(count * dtype.itemSize, 1)) }
    }

    package var byteCount: Int { count * dtype.itemSize }

    @inline(__always)
    func pointer<T>(_: T.Type) -> UnsafeMutablePointer<T> {
        data.assumingMemoryBound(to: T.self)
    }
}

/// What a `Storage` knows of its buffer, kept in front of the values it holds inline.
package struct StorageHeader {
    let dtype: DType
    let count: Int
    let data: UnsafeMutableRawPointer
    /// Whether `data` points into the storage object (nothing to free apart).
    let isInline: Bool
    /// The memory budget this storage is counted against, if its thread had one.
    let account: MemoryAccount?
}

/// The version counter shared by a tensor, its views and `detach()` results; in-place ops bump it.
package final class VersionCounter {
    package internal(set) var value: Int = 0
    init() {}
    func bump() { value += 1 }
}
