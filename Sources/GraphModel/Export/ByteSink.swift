/// A growable byte buffer written through a raw pointer, for `JSONWriter`: an append is a
/// capacity check and a copy, without the uniqueness check and generic sequence copy that every
/// `[UInt8].append(contentsOf:)` makes (callgrind: those were most of the time of writing a dump).
final class ByteSink {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written so far.
    private(set) var count = 0
    /// Where a draining sink hands its bytes whenever its buffer fills, instead of growing.
    private let drain: ((UnsafeBufferPointer<UInt8>) -> Void)?

    /// An empty buffer with room for `capacity` bytes (it grows by doubling).
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        drain = nil
    }

    /// A sink that hands its bytes to `drain` in pieces of at most `capacity` bytes, so that a
    /// document of any size takes `capacity` bytes of memory; `finish()` hands over the rest.
    init(capacity: Int, drain: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        self.drain = drain
    }

    /// Hands a draining sink's buffered bytes over.
    func finish() {
        guard let drain, count > 0 else { return }
        drain(UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    deinit { base.deallocate() }

    /// Makes room for `n` more bytes (`n` at most 64, the least capacity, so that a draining
    /// sink makes room by handing its bytes over), for the unchecked writes below.
    @inline(__always) func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    /// Writes one byte into room made by `reserve`.
    @inline(__always) func put(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Writes `n` bytes from `source` into room made by `reserve`, byte by byte: cheaper than a
    /// call to memcpy for the few bytes of a key or a name.
    @inline(__always) func put(_ source: UnsafePointer<UInt8>, count n: Int) {
        let target = base + count
        for i in 0..<n { target[i] = source[i] }
        count += n
    }

    /// Writes `"name":` (after a comma with `comma`), the `n` bytes of the name read from
    /// `source`, into room made by `reserve`: through one local pointer, so that the buffer's
    /// position is loaded and stored once rather than around every byte.
    @inline(__always) func putKey(_ source: UnsafePointer<UInt8>, count n: Int, comma: Bool) {
        var target = base + count
        if comma {
            target[0] = UInt8(ascii: ",")
            target += 1
        }
        target[0] = UInt8(ascii: "\"")
        for i in 0..<n { target[1 + i] = source[i] }
        target[n + 1] = UInt8(ascii: "\"")
        target[n + 2] = UInt8(ascii: ":")
        count = target + n + 3 - base
    }

    /// Appends one byte.
    @inline(__always) func append(_ byte: UInt8) {
        reserve(1)
        put(byte)
    }

    /// Appends `bytes`.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if bytes.count <= 16 {
            reserve(bytes.count)
            return put(source, count: bytes.count)
        }
        if drain != nil, bytes.count > capacity {
            // Longer than a piece: handed over in pieces of `capacity` bytes.
            var start = 0
            while start < bytes.count {
                append(UnsafeBufferPointer(rebasing: bytes[start..<Swift.min(start + capacity, bytes.count)]))
                start += capacity
            }
            return
        }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends the UTF-8 of a literal.
    func append(_ literal: StaticString) { literal.withUTF8Buffer { append($0) } }

    /// Appends the UTF-8 of `text`.
    func appendText(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends the decimal digits of `n`, written in place (no intermediate string or buffer).
    func appendDecimal(_ n: Int) {
        reserve(20)
        if n < 0 { put(UInt8(ascii: "-")) }
        var m = n.magnitude
        guard m >= 10 else { return put(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: m)) }
        var digits = 1
        var power: UInt = 10
        while digits < 20 && m >= power {
            digits += 1
            if digits < 20 { power &*= 10 }
        }
        var k = count + digits
        count = k
        while m > 0 {
            k -= 1
            base[k] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: m % 10)
            m /= 10
        }
    }

    /// The bytes written so far, for reading in place.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Empties the buffer, keeping its room (a scratch buffer reused for each of many texts).
    func removeAll() { count = 0 }

    /// The bytes as a string (they are UTF-8 by construction).
    var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    private func grow(to needed: Int) {
        if drain != nil {
            // Appends to a draining sink never exceed its capacity: making room is handing over.
            finish()
            return
        }
        let larger = Swift.max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}
