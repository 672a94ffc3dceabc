import Foundation
import Testing

@testable import GraphModel

/// `ShortestDouble.write` against Swift's `description`, byte for byte: a difference in any
/// double fails, listing the first few.
struct ShortestDoubleTests {
    /// Doubles the writer emits are mostly float32 values, decimals read from a script and
    /// their products; these kinds each get millions of samples, in chunks run in parallel.
    enum Kind: CaseIterable {
        /// Any 64 bits (every exponent alike, so mostly the exponential form).
        case anyBits
        /// Exponents from 2^-60 to 2^60 (the decimal forms, "0.000123" to "123456.7").
        case moderate
        /// A float32 widened (the values of float32 tensors).
        case float32
        /// k × 10^p read from text, k up to 10^7 (few digits, exact halves and trailing zeros),
        /// and the doubles next to it.
        case shortDecimal
        /// Subnormals and the smallest normals.
        case tiny
    }

    static let perChunk = 1_500_000

    /// Chunk `chunk` checks kind `chunk % 5` (eight chunks of each kind).
    @Test(arguments: 0..<40)
    func randomDoublesHaveTheDigitsOfTheirDescription(chunk: Int) {
        let kind = Kind.allCases[chunk % Kind.allCases.count]
        var random = SplitMix(seed: UInt64(chunk))
        let checker = DescriptionChecker()
        for _ in 0..<Self.perChunk {
            let r = random.next()
            switch kind {
            case .anyBits: checker.check(Double(bitPattern: r))
            case .moderate:
                let exponent = (1023 - 60 + r % 121) << 52
                checker.check(Double(bitPattern: r & 0x800F_FFFF_FFFF_FFFF | exponent))
            case .float32: checker.check(Double(Float(bitPattern: UInt32(truncatingIfNeeded: r))))
            case .shortDecimal:
                let d = Double("\(r % 10_000_000)e\(Int(r >> 32 % 64) - 32)")!
                checker.check(d)
                checker.check(d.nextUp)
                checker.check(-d.nextDown)
            case .tiny: checker.check(Double(bitPattern: r & 0x801F_FFFF_FFFF_FFFF))
            }
        }
        #expect(checker.mismatches.isEmpty, "\(checker.mismatches)")
        #expect(checker.checked >= Self.perChunk * 9 / 10)
    }

    /// Powers of two and their neighbours over the whole range, integers around 2^53 (where
    /// the exponential form starts) and around 1e15...1e23, the edges of the decimal form
    /// (1e-4, 1e-5), zeros, the extremes, and halves with few digits (exact ties).
    @Test func edgeCasesHaveTheDigitsOfTheirDescription() {
        let checker = DescriptionChecker()
        func around(_ d: Double) {
            var x = d
            for _ in 0..<40 { x = x.nextDown }
            for _ in 0..<81 {
                checker.check(x)
                checker.check(-x)
                x = x.nextUp
            }
        }
        for e in -1074...1023 { around(Double(sign: .plus, exponent: e, significand: 1)) }
        for p in -30...30 { around(Double("1e\(p)")!) }
        for p in 15...23 {
            let power = Double("1e\(p)")!
            for k in 1...99 { around(Double(k) * power) }
        }
        for d in [
            0.0, -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
            9_007_199_254_740_992, 18_014_398_509_481_984, 0.0001, 0.00001, 0.015625, 1e23, 1.7976931348623157e308
        ] {
            around(d)
        }
        for numerator in stride(from: 1, to: 100_000, by: 2) {
            for e in [-1, -2, -3, -4, -10, -20] {
                checker.check(Double(sign: .plus, exponent: e, significand: Double(numerator)))
            }
        }
        #expect(checker.mismatches.isEmpty, "\(checker.mismatches)")
        #expect(checker.checked > 500_000)
    }
}

/// Writes doubles with `ShortestDouble` and compares each with its `description`.
private final class DescriptionChecker {
    private let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: ShortestDouble.room)
    private(set) var checked = 0
    /// The first mismatches, as "bits: ours vs description".
    private(set) var mismatches: [String] = []

    deinit { buffer.deallocate() }

    func check(_ d: Double) {
        guard d.isFinite else { return }
        checked += 1
        let count = ShortestDouble.write(d, to: buffer)
        var expected = d.description
        let same = expected.withUTF8 { e in e.count == count && memcmp(e.baseAddress!, buffer, count) == 0 }
        if !same && mismatches.count < 10 {
            let ours = String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self)
            mismatches.append("0x\(String(d.bitPattern, radix: 16)): \(ours) vs \(expected)")
        }
    }
}

/// A 64-bit generator (SplitMix64), so that every run checks the same doubles.
private struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
