import Testing

@testable import Autograd

/// Each test has a pool of its own, so tests running in parallel do not take each other's buffers.
@Suite struct StorageBufferPoolTests {
    @Test func aFreedBufferServesTheNextAllocationOfItsSizeClass() {
        let pool = StorageBufferPool(capacity: 1 << 20)
        let first = pool.allocate(bytes: 40_000)
        pool.release(first, bytes: 40_000)
        #expect(pool.heldBytes == 40_960)
        // 39,000 bytes round up to the same 4 KB multiple, so the same buffer comes back.
        let second = pool.allocate(bytes: 39_000)
        #expect(second == first)
        #expect(pool.heldBytes == 0)
        let third = pool.allocate(bytes: 39_000)
        #expect(third != first)
        pool.release(second, bytes: 39_000)
        pool.release(third, bytes: 39_000)
        #expect(pool.heldBytes == 2 * 40_960)
    }

    @Test func theHeldBytesStayWithinCapacity() {
        let pool = StorageBufferPool(capacity: 100_000)
        let buffers = (0..<4).map { _ in pool.allocate(bytes: 32_768) }
        for buffer in buffers { pool.release(buffer, bytes: 32_768) }
        // Three 32 KB buffers fit in 100,000 bytes; the fourth is freed.
        #expect(pool.heldBytes == 3 * 32_768)
        let again = (0..<4).map { _ in pool.allocate(bytes: 32_768) }
        #expect(Set(again.prefix(3)) == Set(buffers.prefix(3)))
        #expect(pool.heldBytes == 0)
        for buffer in again { pool.release(buffer, bytes: 32_768) }
    }

    @Test func smallAndOversizedBuffersAreNotKept() {
        let pool = StorageBufferPool(capacity: 1 << 20)
        pool.release(pool.allocate(bytes: 1_000), bytes: 1_000)
        pool.release(pool.allocate(bytes: 2 << 20), bytes: 2 << 20)
        #expect(pool.heldBytes == 0)
    }

    @Test func buffersAreCacheLineAligned() {
        let pool = StorageBufferPool(capacity: 1 << 20)
        for bytes in [1_000, 20_000, 3 << 20] {
            let buffer = pool.allocate(bytes: bytes)
            #expect(Int(bitPattern: buffer) % 64 == 0)
            pool.release(buffer, bytes: bytes)
        }
    }
}
