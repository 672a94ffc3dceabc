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
    /// "00" to "99" as 200 ASCII bytes, for `appendDecimal` (the sink's own copy: reading a
    /// global table would check its lazy initialisation at every number).
    private let digitPairs: UnsafeMutablePointer<UInt8> = ByteSink.makeDigitPairs()
    /// The digits `appendShortest` wrote last and the bits of their double: a recorded loop
    /// writes the same gradients and constants over and over, each formatted once in a row.
    private let lastDigits = UnsafeMutablePointer<UInt8>.allocate(capacity: ShortestDouble.room)
    private var lastDigitCount = 0
    /// (At first a NaN's bits, which no double written here has.)
    private var lastDoubleBits = UInt64.max

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

    deinit {
        base.deallocate()
        digitPairs.deallocate()
        lastDigits.deallocate()
    }

    private static func makeDigitPairs() -> UnsafeMutablePointer<UInt8> {
        let pairs = UnsafeMutablePointer<UInt8>.allocate(capacity: 200)
        for i in 0..<100 {
            pairs[2 * i] = UInt8(ascii: "0") + UInt8(i / 10)
            pairs[2 * i + 1] = UInt8(ascii: "0") + UInt8(i % 10)
        }
        return pairs
    }

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

    /// Writes `n` bytes from `source` into room made by `reserve`: 8 to 24 bytes (most names and
    /// members made beforehand) as two or three overlapping 8-byte words, fewer byte by byte;
    /// cheaper than a call to memcpy for the few bytes of a key or a name.
    @inline(__always) func put(_ source: UnsafePointer<UInt8>, count n: Int) {
        let target = base + count
        if n >= 8 && n <= 24 {
            let from = UnsafeRawPointer(source)
            let to = UnsafeMutableRawPointer(target)
            to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            if n > 16 {
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
            }
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
        } else {
            for i in 0..<n { target[i] = source[i] }
        }
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

    /// Appends `bytes`: up to 24 (a name, a number's digits) inline, more by `appendLong`.
    @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count <= 24 else { return appendLong(bytes) }
        reserve(bytes.count)
        put(source, count: bytes.count)
    }

    /// `append` of more than 24 bytes.
    private func appendLong(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
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

    /// Appends the UTF-8 of a literal (inlined: its length is then a constant at the call).
    @inline(__always) func append(_ literal: StaticString) { literal.withUTF8Buffer { append($0) } }

    /// Appends the UTF-8 of `text`.
    func appendText(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends the decimal digits of `n`, written in place (no intermediate string or buffer):
    /// a single digit inline, longer numbers by `appendDigits`.
    @inline(__always) func appendDecimal(_ n: Int) {
        guard UInt(bitPattern: n) < 10 else { return appendDigits(n) }
        reserve(1)
        put(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: n))
    }

    /// Writes the decimal digits of `n` (at most 20 bytes) into room made by `reserve(20)`.
    @inline(__always) func putDecimal(_ n: Int) {
        count &+= Self.writeDecimal(n, at: base + count, pairs: digitPairs)
    }

    /// `appendDecimal` of any `n`.
    private func appendDigits(_ n: Int) {
        reserve(20)
        count &+= Self.writeDecimal(n, at: base + count, pairs: digitPairs)
    }

    /// Appends `values` as decimal numbers separated by commas (no brackets): room for each
    /// made by one check, its digits written as `appendDecimal` writes them.
    func appendDecimals(_ values: some Sequence<Int>) {
        var first = true
        for n in values {
            appendListed(n, first: first)
            first = false
        }
    }

    /// `appendDecimals` of a column of 32-bit ids, read in place (as a generic sequence of
    /// converted ids, its reading cost more than the digits).
    func appendDecimals(_ values: UnsafeBufferPointer<Int32>) {
        for k in values.indices { appendListed(Int(values[k]), first: k == 0) }
    }

    /// Appends `n` as an element of `appendDecimals`' list, after a comma unless `first`.
    @inline(__always) private func appendListed(_ n: Int, first: Bool) {
        reserve(21)
        var target = base + count
        if !first {
            target.pointee = UInt8(ascii: ",")
            target += 1
        }
        count = target + Self.writeDecimal(n, at: target, pairs: digitPairs) - base
    }

    /// Writes the decimal digits of `n` (at most 20 bytes) at `target`, which has room for 20
    /// (bytes past the digits may be overwritten); returns how many. Digits are counted by
    /// comparisons; up to eight are made at once as one word, more two at a time from `pairs`.
    @inline(__always) private static func writeDecimal(
        _ n: Int, at target: UnsafeMutablePointer<UInt8>, pairs: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var start = target
        if n < 0 {
            start.pointee = UInt8(ascii: "-")
            start += 1
        }
        var m = n.magnitude
        guard m >= 10 else {
            start.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: m)
            return start + 1 - target
        }
        if m < 100_000_000 {
            // All eight digits with leading zeros, the first in the lowest byte, shifted past
            // the zeros and stored as a whole word.
            let digits =
                m < 100 ? 2 : m < 1000 ? 3 : m < 10000 ? 4 : m < 100_000 ? 5 : m < 1_000_000 ? 6 : m < 10_000_000 ? 7 : 8
            let all = UInt64(littleEndian: ShortestDouble.eightDigits(UInt32(truncatingIfNeeded: m)))
            let word = all >> (UInt64(8 &- digits) &* 8)
            UnsafeMutableRawPointer(start).storeBytes(of: word.littleEndian, as: UInt64.self)
            return start + digits - target
        }
        let digits = digitCount(m)
        let to = UnsafeMutableRawPointer(start)
        let from = UnsafeRawPointer(pairs)
        var k = digits
        while m >= 100 {
            let pair = Int(truncatingIfNeeded: m % 100) &* 2
            m /= 100
            k &-= 2
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: pair, as: UInt16.self), toByteOffset: k, as: UInt16.self)
        }
        if m >= 10 {
            let pair = Int(truncatingIfNeeded: m) &* 2
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: pair, as: UInt16.self), toByteOffset: 0, as: UInt16.self)
        } else {
            start.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: m)
        }
        return start + digits - target
    }

    /// How many decimal digits `m` (at least 10) has.
    private static func digitCount(_ m: UInt) -> Int {
        var digits = 1
        var power: UInt = 10
        while digits < 20 && m >= power {
            digits += 1
            if digits < 20 { power &*= 10 }
        }
        return digits
    }

    /// Appends the text of `d` (finite), that of `String(d)` (see `ShortestDouble`).
    func appendShortest(_ d: Double) {
        if lastDoubleBits != d.bitPattern {
            lastDigitCount = ShortestDouble.write(d, to: lastDigits)
            lastDoubleBits = d.bitPattern
        }
        append(UnsafeBufferPointer(start: lastDigits, count: lastDigitCount))
    }

    /// Appends `utf8` with JSON's escapes (quotes not included): runs that need none are
    /// copied whole, found eight bytes at a time. Every byte of a multi-byte UTF-8 sequence is
    /// 0x80 or above, so only ASCII quotes, backslashes and control characters are rewritten.
    func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let source = utf8.baseAddress else { return }
        let n = utf8.count
        var start = 0
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
                if !Self.mayNeedEscape(word) {
                    i += 8
                    continue
                }
            }
            let end = Swift.min(i + 8, n)
            while i < end {
                let b = source[i]
                if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                    append(UnsafeBufferPointer(start: source + start, count: i - start))
                    appendEscape(b)
                    start = i + 1
                }
                i += 1
            }
        }
        append(UnsafeBufferPointer(start: source + start, count: n - start))
    }

    /// Whether one of the eight bytes of `word` is below 0x20, a quote or a backslash (exact:
    /// a byte's borrow can only flag bytes above one that matches).
    @inline(__always) private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return control | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C)) != 0
    }

    /// The JSON escape of a quote, backslash or control byte (`\u001f` in lowercase hex).
    private func appendEscape(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case UInt8(ascii: "\n"): append("\\n")
        case UInt8(ascii: "\r"): append("\\r")
        case UInt8(ascii: "\t"): append("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            append("\\u00")
            hex.withUTF8Buffer { digits in
                append(digits[Int(b >> 4)])
                append(digits[Int(b & 0xF)])
            }
        }
    }

    /// `count` of the bytes written so far, from `start` on, read in place (valid until the
    /// next append).
    @inline(__always) func written(from start: Int, count: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: count)
    }

    /// The bytes written so far, for reading in place.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: base, count: count))
    }

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
