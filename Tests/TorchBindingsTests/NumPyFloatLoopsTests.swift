import CNumPySVML
import Foundation
import Testing

@testable import TorchBindings

/// numpy's SVML-backed float loops against what numpy 2.4.6 computed on an AVX-512 machine
/// (Fixtures/numpy_float_loops, written by its make_expected.py): a million generated inputs per
/// function and dtype, compared through a hash of the output bits, and a script through the
/// paths of numpy's power loop (shortcuts, SVML, scalar arithmetic).
@Suite(
    .enabled(
        if: gs_numpy_svml_active() != 0,
        "numpy takes its SVML loops only on CPUs with AVX512_SKX, where the fixtures were recorded"))
struct NumPyFloatLoopsTests {
    struct Fixture: Decodable {
        struct Meta: Decodable {
            let count: Int
        }
        let meta: Meta
        let cases: [Case]
    }

    struct Case: Decodable, CustomTestStringConvertible {
        struct Exponent: Decodable {
            let seed: UInt64
            let lo: Int
            let hi: Int
        }
        let function: String
        let dtype: String
        let seed: UInt64
        let lo: Int
        let hi: Int
        let signed: Bool
        let exponent: Exponent?
        let fnv1a: String
        let first: [String]

        var testDescription: String { "\(function) \(dtype)" }
    }

    static let folder = ScriptFixture.folder("numpy_float_loops")
    static let fixture: Fixture = {
        let url = folder.appendingPathComponent("expected.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    /// make_expected.py's SPECIALS, the first inputs of every case.
    static let specials: [Double] = [
        0, -0.0, 1, -1, .infinity, -.infinity, .nan, 2, 0.5, 3, -2.5, Double(bitPattern: 0x1_2688_B70E_62B), // 1e-310
        .leastNonzeroMagnitude, .greatestFiniteMagnitude, -1e300, 0.1
    ]

    /// make_expected.py's `floats`: specials, then values with random sign and mantissa and a
    /// binary exponent in [lo, hi] from splitmix64 bits; with `integers` every fourth generated
    /// value truncated toward zero.
    static func inputs(
        seed: UInt64, lo: Int, hi: Int, signed: Bool, float32: Bool, integers: Bool = false, count: Int
    ) -> [Double] {
        var values = (0..<count).map { k -> Double in
            var z = seed &+ UInt64(k + 1) &* 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            let e = lo + Int((z >> 52) & 0x7FF) % (hi - lo + 1)
            let sign = signed ? z >> 63 : 0
            let v =
                float32
                ? Double(Float(bitPattern: UInt32(sign << 31 | UInt64(e + 127) << 23 | (z & 0x7F_FFFF))))
                : Double(bitPattern: sign << 63 | UInt64(e + 1023) << 52 | (z & 0xF_FFFF_FFFF_FFFF))
            return integers && k % 4 == 0 ? v.rounded(.towardZero) : v
        }
        for (i, s) in specials.enumerated() { values[i] = float32 ? Double(Float(s)) : s }
        return values
    }

    /// The bit patterns of `values` as float64 or float32 words.
    static func words(_ values: [Double], float32: Bool) -> [UInt64] {
        values.map { float32 ? UInt64(Float($0).bitPattern) : $0.bitPattern }
    }

    static func fnv1a(_ words: [UInt64]) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for w in words { h = (h ^ w) &* 0x100_0000_01B3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test(arguments: fixture.cases)
    func matchesNumPyOnAMillionInputs(_ c: Case) throws {
        let float32 = c.dtype == "float32"
        let n = Self.fixture.meta.count
        let x = Self.inputs(seed: c.seed, lo: c.lo, hi: c.hi, signed: c.signed, float32: float32, count: n)
        let out: [Double]
        if let e = c.exponent {
            let y = Self.inputs(seed: e.seed, lo: e.lo, hi: e.hi, signed: true, float32: float32, integers: true, count: n)
            let exponent = try NDArray.make(y, shape: [n], dtype: float32 ? .float32 : .float64)
            out = NumPyFloatLoops.power(x, y, exponent: .array(exponent), shape: [n], float32: float32, scalarMath: false)
        } else {
            let f = try #require(NumPyFloatLoops.unaryFunctions[c.function])
            out = try #require(NumPyFloatLoops.unary(f, x, float32: float32))
        }
        let words = Self.words(out, float32: float32)
        let width = float32 ? 8 : 16
        let first = words.prefix(c.first.count).map { w -> String in
            let hex = String(w, radix: 16)
            return String(repeating: "0", count: width - hex.count) + hex
        }
        #expect(first == c.first)
        #expect(Self.fnv1a(words) == c.fnv1a)
    }

    @Test func powerAndUnaryPathsPrintNumPysDigits() throws {
        try ScriptFixture.check("numpy_power_paths.py", in: Self.folder)
    }
}

/// Where numpy's power loop sees a stride-0 exponent (and so takes its shortcuts).
struct NumPySharedExponentRunTests {
    static func run(_ shape: [Int], exponent: [Int]?) throws -> Int? {
        let operand: NumPyOperand =
            try exponent.map {
                .array(try NDArray.make([Double](repeating: 2, count: $0.reduce(1, *)), shape: $0, dtype: .float64))
            }
            ?? .number(.double(2))
        return NumPyFloatLoops.sharedExponentRun(operand, shape: shape)
    }

    @Test func oneElementExponentsShareTheWholeLoop() throws {
        #expect(try Self.run([3], exponent: nil) == 3)
        #expect(try Self.run([3, 4], exponent: []) == 12)
        #expect(try Self.run([3, 4], exponent: [1, 1]) == 12)
        #expect(try Self.run([], exponent: nil) == 1)
    }

    @Test func broadcastExponentsShareRunsOfMoreThan4096() throws {
        #expect(try Self.run([2, 4097], exponent: [2, 1]) == 4097)
        #expect(try Self.run([2, 4096], exponent: [2, 1]) == nil)
        #expect(try Self.run([2, 2, 2049], exponent: [2, 1, 1]) == 4098)
        #expect(try Self.run([2, 2, 2048], exponent: [2, 1, 1]) == nil)
        #expect(try Self.run([3, 4097, 1], exponent: [3, 1, 1]) == 4097)
        #expect(try Self.run([5000, 2], exponent: [5000, 1]) == nil)
        #expect(try Self.run([3, 5000], exponent: [5000]) == nil)
    }
}
