import CNumPySVML
import Foundation

/// numpy 2.4's float loops for `power`, `exp`, `log`, `log2`, `log10`, `tan` and `arctan`, with
/// its bits on this CPU: CNumPySVML runs them through Intel SVML's AVX-512 routines where numpy
/// does (a CPU with AVX512_SKX) and through the C library elsewhere.
enum NumPyFloatLoops {
    /// The unary ufuncs whose loops CNumPySVML reproduces, by numpy name.
    static let unaryFunctions: [String: GSNumPyFunction] = [
        "exp": GSNumPyExp, "log": GSNumPyLog, "log2": GSNumPyLog2, "log10": GSNumPyLog10, "tan": GSNumPyTan,
        "arctan": GSNumPyArctan
    ]

    /// `f` over `values` in numpy's float64 loop, or its float32 loop when `float32`; nil for the
    /// float32 exp and log loops, which numpy computes with its own SIMD code, not SVML.
    static func unary(_ f: GSNumPyFunction, _ values: [Double], float32: Bool) -> [Double]? {
        let n = Int64(values.count)
        if !float32 {
            var out = [Double](repeating: 0, count: values.count)
            values.withUnsafeBufferPointer { x in
                out.withUnsafeMutableBufferPointer { o in gs_numpy_unary_f64(f, x.baseAddress, o.baseAddress, n) }
            }
            return out
        }
        let x = values.map { Float($0) }
        var out = [Float](repeating: 0, count: x.count)
        let status = x.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { o in gs_numpy_unary_f32(f, x.baseAddress, o.baseAddress, n) }
        }
        return status == 0 ? out.map(Double.init) : nil
    }

    /// numpy's float `power(x, y)` over the values of two operands broadcast to `shape` (the
    /// exponent's operand decides numpy's shortcuts), float32 when `float32`.
    ///
    /// `scalarMath` is numpy's scalar arithmetic (`**` between numpy scalars and Python numbers,
    /// no array involved): the C library's pow. Otherwise the ufunc loop (numpy's
    /// loops_umath_fp.dispatch.c.src, `power`): where its exponent has stride 0 it takes the
    /// shortcuts 1/x, 1, sqrt(x), x, x*x for the exponents -1, 0, 0.5, 1, 2, and computes every
    /// other element with its pow loop (CNumPySVML: SVML's pow, or the C library's without AVX-512).
    static func power(
        _ x: [Double], _ y: [Double], exponent: NumPyOperand, shape: [Int], float32: Bool, scalarMath: Bool
    ) -> [Double] {
        let n = x.count
        if scalarMath {
            return (0..<n).map { float32 ? Double(Foundation.pow(Float(x[$0]), Float(y[$0]))) : Foundation.pow(x[$0], y[$0]) }
        }
        let y = float32 ? y.map { Double(Float($0)) } : y
        guard let run = sharedExponentRun(exponent, shape: shape) else { return svmlPower(x, y, float32: float32) }
        var out = [Double](repeating: 0, count: n)
        var pending: [Int] = []
        for start in stride(from: 0, to: n, by: run) {
            let range = start..<min(start + run, n)
            if !shortcut(y[start], x, range, into: &out, float32: float32) { pending.append(contentsOf: range) }
        }
        guard !pending.isEmpty else { return out }
        let values = svmlPower(pending.map { x[$0] }, pending.map { y[$0] }, float32: float32)
        for (k, i) in pending.enumerated() { out[i] = values[k] }
        return out
    }

    /// The length of the runs of elements numpy's power loop sees with a stride-0 exponent, or nil
    /// when it sees none. A one-element exponent has stride 0 throughout. An exponent broadcast
    /// over trailing axes keeps stride 0 only when numpy's iterator does not buffer it, which
    /// numpy 2.4.6 does for trailing blocks (axes of size 1 left out) of at most 4096 elements:
    /// `(2, 4097) ** (2, 1)` takes the shortcuts, `(2, 4096) ** (2, 1)` and
    /// `(2, 2, 2048) ** (2, 1, 1)` do not (measured; row-major arrays).
    static func sharedExponentRun(_ exponent: NumPyOperand, shape: [Int]) -> Int? {
        let count = shape.reduce(1, *)
        guard case .array(let e) = exponent, e.size != 1 else { return max(count, 1) }
        let padded = [Int](repeating: 1, count: shape.count - e.shape.count) + e.shape
        var block = 1
        for axis in shape.indices.reversed() where shape[axis] != 1 {
            guard padded[axis] == 1 else { break }
            block *= shape[axis]
        }
        return block > 4096 ? block : nil
    }

    /// Writes numpy's shortcut for exponent `e` over `range` and returns true, or returns false
    /// when `e` has none.
    private static func shortcut(
        _ e: Double, _ x: [Double], _ range: Range<Int>, into out: inout [Double], float32: Bool
    ) -> Bool {
        let f: (Double) -> Double
        switch e {
        case -1: f = { 1 / $0 }
        case 0: f = { _ in 1 }
        case 0.5: f = { $0.squareRoot() }
        case 1: f = { $0 }
        case 2: f = { $0 * $0 }
        default: return false
        }
        // Each is one correctly rounded operation, so the double result rounds to float32's.
        for i in range { out[i] = float32 ? Double(Float(f(x[i]))) : f(x[i]) }
        return true
    }

    private static func svmlPower(_ x: [Double], _ y: [Double], float32: Bool) -> [Double] {
        let n = Int64(x.count)
        if !float32 {
            var out = [Double](repeating: 0, count: x.count)
            x.withUnsafeBufferPointer { a in
                y.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { o in gs_numpy_power_f64(a.baseAddress, b.baseAddress, o.baseAddress, n) }
                }
            }
            return out
        }
        let a = x.map { Float($0) }
        let b = y.map { Float($0) }
        var out = [Float](repeating: 0, count: a.count)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { o in gs_numpy_power_f32(a.baseAddress, b.baseAddress, o.baseAddress, n) }
            }
        }
        return out.map(Double.init)
    }
}
