/// The text Swift's `description` gives a finite double ("0.1", "1.000100016593933", "1e-05",
/// "1000000000000000.0", "-2.5e+300"), written straight into a buffer: the same digits (the
/// fewest that read back to the same double, the closest of them to its exact value, a tie
/// rounded to even) in the same layout, in a fraction of the instructions `description` takes
/// (JSONWriterTests checks the two agree on tens of millions of doubles).
///
/// The digits come from Ryu (Ulf Adams, "Ryū: fast float-to-string conversion", PLDI 2018):
/// the double's rounding interval scaled by a power of ten in 128-bit fixed point
/// (ShortestDoubleTables.swift), then digits dropped while the interval still holds the rest.
enum ShortestDouble {
    /// Bytes a buffer must have room for past where `write` starts: the longest text is 24 bytes
    /// ("-2.2250738585072014e-308"), and the digits are copied eight bytes at a time.
    static let room = 48

    /// Writes the text of `d` (finite) at `target`, which has room for `room` bytes (bytes past
    /// the text may be overwritten); returns the length of the text.
    static func write(_ d: Double, to target: UnsafeMutablePointer<UInt8>) -> Int {
        let bits = d.bitPattern
        var p = target
        if bits >> 63 != 0 {
            p.pointee = UInt8(ascii: "-")
            p += 1
        }
        let fraction = bits & (1 << 52 - 1)
        let biasedExponent = Int(truncatingIfNeeded: bits >> 52) & 0x7FF
        guard biasedExponent != 0 || fraction != 0 else {
            store(0x30_2E_30, at: p) // "0.0"
            return p + 3 - target
        }
        let (digits, exponent) = shortest(fraction: fraction, biasedExponent: biasedExponent)
        let count = decimalLength(digits)
        // The exponent of the first digit (d.ddd × 10^e).
        let e = exponent + count - 1
        // Above 2^53, where not every integer is a double, Swift writes every number in
        // exponential form (2^53 itself, the top of that range, in full).
        let beyondIntegers = biasedExponent > 1076 || (biasedExponent == 1076 && fraction != 0)
        // The digits, right-aligned in bytes 8..<32 of a 40-byte scratch (room for the
        // eight-byte copies to read past them).
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        let upper = digits / 100_000_000
        let top = upper / 100_000_000
        scratch.1 = eightDigits(UInt32(truncatingIfNeeded: top))
        scratch.2 = eightDigits(UInt32(truncatingIfNeeded: upper &- top &* 100_000_000))
        scratch.3 = eightDigits(UInt32(truncatingIfNeeded: digits &- upper &* 100_000_000))
        return withUnsafeBytes(of: &scratch) { raw in
            let source = raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + 32 - count
            if e < -4 || beyondIntegers {
                // "1.2345e-07", "5e-324", "1.8014398509481984e+16"
                p.pointee = source.pointee
                if count > 1 {
                    p[1] = UInt8(ascii: ".")
                    copy(source + 1, count: count - 1, to: p + 2)
                    p += count + 1
                } else {
                    p += 1
                }
                p.pointee = UInt8(ascii: "e")
                p[1] = e < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
                var magnitude = e.magnitude
                p += 2
                if magnitude >= 100 {
                    p.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude / 100)
                    magnitude %= 100
                    p += 1
                }
                p.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude / 10)
                p[1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                return p + 2 - target
            }
            if e < 0 {
                // "0.000123": "0." and -e - 1 zeros, then the digits.
                store(0x30_30_30_30_30_30_2E_30, at: p)
                copy(source, count: count, to: p + 1 - e)
                return p + 1 - e + count - target
            }
            copy(source, count: count, to: p)
            if e + 1 < count {
                // "123.456"
                copy(source + e + 1, count: count - e - 1, to: p + e + 2)
                p[e + 1] = UInt8(ascii: ".")
                return p + count + 1 - target
            }
            // "12300.0": zeros up to the point (e is at most 15 here), then ".0".
            store(0x30_30_30_30_30_30_30_30, at: p + count)
            store(0x30_30_30_30_30_30_30_30, at: p + count + 8)
            store(0x30_2E, at: p + e + 1)
            return p + e + 3 - target
        }
    }

    /// Stores the eight bytes of `word` (least significant first) at `target`.
    @inline(__always) private static func store(_ word: UInt64, at target: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(target).storeBytes(of: word.littleEndian, as: UInt64.self)
    }

    /// Copies `count` bytes in eight-byte words (so up to seven more are read and written).
    @inline(__always) private static func copy(
        _ source: UnsafePointer<UInt8>, count: Int, to target: UnsafeMutablePointer<UInt8>
    ) {
        var k = 0
        while k < count {
            UnsafeMutableRawPointer(target + k).storeBytes(
                of: UnsafeRawPointer(source + k).loadUnaligned(as: UInt64.self), as: UInt64.self)
            k &+= 8
        }
    }

    /// `n` (below 10^8) as eight ASCII digits with leading zeros, the first in the lowest byte:
    /// split into two groups of four digits, four of two and eight of one, each split a
    /// multiplication by a scaled reciprocal on all the groups of a word at once.
    @inline(__always) static func eightDigits(_ n: UInt32) -> UInt64 {
        let firstFour = n / 10_000
        let fours = UInt64(firstFour) | UInt64(n &- firstFour &* 10_000) << 32
        let hundreds = (fours &* 10_486) >> 20 & 0x0000_007F_0000_007F
        let pairs = hundreds | (fours &- hundreds &* 100) << 16
        let tens = (pairs &* 103) >> 10 & 0x000F_000F_000F_000F
        let ones = tens | (pairs &- tens &* 10) << 8
        return (ones | 0x3030_3030_3030_3030).littleEndian
    }

    /// How many decimal digits `v` (below 10^17) has.
    @inline(__always) private static func decimalLength(_ v: UInt64) -> Int {
        var length = 17
        var power: UInt64 = 10_000_000_000_000_000
        while length > 1 && v < power {
            length &-= 1
            power /= 10
        }
        return length
    }

    // MARK: Ryu

    private static let pow5BitCount = 125
    private static let pow5InverseBitCount = 125

    /// The shortest decimal `digits × 10^exponent` in the rounding interval of the positive
    /// double with these bits (not zero), the closest to it if several are.
    @inline(__always) private static func shortest(fraction: UInt64, biasedExponent: Int) -> (
        digits: UInt64, exponent: Int
    ) {
        // The double is m2 × 2^e2, scaled by 4 so that the interval's bounds are integers too.
        let e2: Int
        let m2: UInt64
        if biasedExponent == 0 {
            e2 = 1 - 1023 - 52 - 2
            m2 = fraction
        } else {
            e2 = biasedExponent - 1023 - 52 - 2
            m2 = 1 << 52 | fraction
        }
        // A bound of the interval reads back to this double when its significand is even.
        let acceptBounds = m2 & 1 == 0
        let mv = 4 &* m2
        // The gap below is half as wide at a power of two (except for the least normal exponent).
        let mmShift: UInt64 = fraction != 0 || biasedExponent <= 1 ? 1 : 0
        let mp = mv &+ 2
        let mm = mv &- 1 &- mmShift

        // The interval's bounds and the double itself as decimals, vm, vp and vr × 10^e10.
        var vr: UInt64
        var vp: UInt64
        var vm: UInt64
        let e10: Int
        var vmIsTrailingZeros = false
        var vrIsTrailingZeros = false
        if e2 >= 0 {
            let q = log10Pow2(e2) - (e2 > 3 ? 1 : 0)
            e10 = q
            let k = pow5InverseBitCount + pow5Bits(q) - 1
            let shift = -e2 + q + k
            let (low, high) = (shortestDoublePow5Inverse[2 &* q], shortestDoublePow5Inverse[2 &* q &+ 1])
            vr = mulShift(mv, low, high, shift)
            vp = mulShift(mp, low, high, shift)
            vm = mulShift(mm, low, high, shift)
            if q <= 21 {
                // At most one of mp, mv and mm is a multiple of 5.
                if mv % 5 == 0 {
                    vrIsTrailingZeros = isMultiple(mv, ofPowerOf5: q)
                } else if acceptBounds {
                    vmIsTrailingZeros = isMultiple(mm, ofPowerOf5: q)
                } else if isMultiple(mp, ofPowerOf5: q) {
                    vp &-= 1
                }
            }
        } else {
            let q = log10Pow5(-e2) - (-e2 > 1 ? 1 : 0)
            e10 = q + e2
            let i = -e2 - q
            let k = pow5Bits(i) - pow5BitCount
            let shift = q - k
            let (low, high) = (shortestDoublePow5[2 &* i], shortestDoublePow5[2 &* i &+ 1])
            vr = mulShift(mv, low, high, shift)
            vp = mulShift(mp, low, high, shift)
            vm = mulShift(mm, low, high, shift)
            if q <= 1 {
                // mv has at least two trailing zero bits, mp one, mm one only when mmShift is 1.
                vrIsTrailingZeros = true
                if acceptBounds {
                    vmIsTrailingZeros = mmShift == 1
                } else {
                    vp &-= 1
                }
            } else if q < 63 {
                vrIsTrailingZeros = mv & (1 << q - 1) == 0
            }
        }

        // Drop digits while the interval still holds a shorter decimal.
        var removed = 0
        var output: UInt64
        if vmIsTrailingZeros || vrIsTrailingZeros {
            // The rare case where a bound or the double is a decimal with few digits.
            var lastRemovedDigit: UInt64 = 0
            func dropDigit() {
                vrIsTrailingZeros = vrIsTrailingZeros && lastRemovedDigit == 0
                lastRemovedDigit = vr % 10
                vr /= 10
                vp /= 10
                vm /= 10
                removed &+= 1
            }
            while vp / 10 > vm / 10 {
                vmIsTrailingZeros = vmIsTrailingZeros && vm % 10 == 0
                dropDigit()
            }
            if vmIsTrailingZeros {
                while vm % 10 == 0 { dropDigit() }
            }
            if vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0 {
                // Exactly halfway: round to even.
                lastRemovedDigit = 4
            }
            let roundUp = (vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5
            output = vr &+ (roundUp ? 1 : 0)
        } else {
            var roundUp = false
            if vp / 100 > vm / 100 {
                roundUp = vr % 100 >= 50
                vr /= 100
                vp /= 100
                vm /= 100
                removed &+= 2
            }
            while vp / 10 > vm / 10 {
                roundUp = vr % 10 >= 5
                vr /= 10
                vp /= 10
                vm /= 10
                removed &+= 1
            }
            output = vr &+ (vr == vm || roundUp ? 1 : 0)
        }
        return (output, e10 + removed)
    }

    /// (m × the 128-bit `high:low`) >> shift, for a shift from 65 to 127.
    @inline(__always) private static func mulShift(_ m: UInt64, _ low: UInt64, _ high: UInt64, _ shift: Int) -> UInt64 {
        let lowProduct = m.multipliedFullWidth(by: low)
        let highProduct = m.multipliedFullWidth(by: high)
        let (sum, carry) = highProduct.low.addingReportingOverflow(lowProduct.high)
        let top = highProduct.high &+ (carry ? 1 : 0)
        // Every double needs a shift from 118 to 125 bits (scripts/make_shortest_double_tables.py).
        let s = shift &- 64
        assert(s > 0 && s < 64, "shift \(shift)")
        return top &<< (64 &- s) | sum &>> s
    }

    /// Whether 5^p divides `value`.
    @inline(__always) private static func isMultiple(_ value: UInt64, ofPowerOf5 p: Int) -> Bool {
        var v = value
        var count = 0
        while v % 5 == 0 && v != 0 {
            v /= 5
            count &+= 1
        }
        return count >= p
    }

    /// ⌈log2(5^e)⌉ (1 for e = 0).
    @inline(__always) private static func pow5Bits(_ e: Int) -> Int { (e &* 1_217_359) >> 19 &+ 1 }
    /// ⌊log10(2^e)⌋.
    @inline(__always) private static func log10Pow2(_ e: Int) -> Int { (e &* 78_913) >> 18 }
    /// ⌊log10(5^e)⌋.
    @inline(__always) private static func log10Pow5(_ e: Int) -> Int { (e &* 732_923) >> 20 }
}
