import Testing

@testable import Autograd

/// `Tensor.statistics()` against a straightforward loop over the row-major values, for every
/// dtype and layout, lengths around the kernels' vector widths, and NaN, infinities and zeros
/// of both signs; the bits of every field must agree.
struct TensorStatisticsReferenceTests {
    static let lengths = [0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 1027]

    /// The contract in plain loops: NaN and infinities counted; the minimum the first of equal
    /// minima, the maximum the last of equal maxima; a contiguous float tensor of finite values
    /// (whose squares' sum is finite) sums its squares in four lanes (elements 4k + j), added as
    /// (s0 + s1) + (s2 + s3) and then the tail in order, any other tensor in element order.
    static func reference(_ values: [Double], fourLanes: Bool) -> TensorStatistics {
        var s = TensorStatistics()
        for x in values {
            if x.isNaN {
                s.nanCount += 1
                continue
            }
            if x.isInfinite { s.infCount += 1 } else { s.sumOfSquares += x * x }
            if s.min.map({ x < $0 }) ?? true { s.min = x }
            if s.max.map({ x >= $0 }) ?? true { s.max = x }
        }
        guard fourLanes, s.nanCount == 0, s.infCount == 0, !values.isEmpty else { return s }
        let body = values.count / 4 * 4
        var lanes = [0.0, 0.0, 0.0, 0.0]
        for i in 0..<body { lanes[i % 4] += values[i] * values[i] }
        var sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
        for x in values[body...] { sum += x * x }
        if sum.isFinite { s.sumOfSquares = sum }
        return s
    }

    /// Whether every field has the same bits (so -0 differs from +0).
    static func identical(_ a: TensorStatistics, _ b: TensorStatistics) -> Bool {
        a.sumOfSquares.bitPattern == b.sumOfSquares.bitPattern && a.min?.bitPattern == b.min?.bitPattern
            && a.max?.bitPattern == b.max?.bitPattern && a.nanCount == b.nanCount && a.infCount == b.infCount
    }

    /// Float32-representable values in (-2, 2) whose squares do not sum exactly.
    static func mixed(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(Float(Double(state >> 11) / Double(1 << 53) * 4 - 2))
        }
    }

    /// The value patterns for `count` elements: mixed values; non-negative and non-positive ones
    /// whose extreme is a zero of either sign (both orders); NaN and infinities at the start,
    /// middle and end; squares that overflow double.
    static func patterns(_ count: Int) -> [[Double]] {
        let base = mixed(count, seed: UInt64(count) + 1)
        var result = [base]
        for (first, second) in [(-0.0, 0.0), (0.0, -0.0)] where count >= 2 {
            for sign in [1.0, -1.0] {
                var v = base.map { sign * Swift.max(abs($0), 0.25) }
                v[count / 3] = first
                v[count - 1 - count / 4] = second
                result.append(v)
            }
        }
        for position in Set([0, count / 2, count - 1]) where count > 0 {
            for special in [Double.nan, .infinity, -.infinity] {
                var v = base
                v[position] = special
                result.append(v)
            }
        }
        if count > 0 { result.append(base.map { $0 * 1e200 }) }
        return result
    }

    /// `values` as tensors of `dtype` laid out four ways: contiguous, contiguous after an
    /// offset of three elements, every second element, and a transposed matrix.
    static func layouts(_ values: [Double], _ dtype: DType) throws -> [Tensor] {
        let n = values.count
        let padded = try Tensor([7, 7, 7] + values, shape: [n + 3], dtype: dtype).narrow(0, start: 3, length: n)
        let interleaved = try Tensor(values.flatMap { [$0, 5] }, shape: [n, 2], dtype: dtype).select(1, 0)
        var layouts = [try Tensor(values, shape: [n], dtype: dtype), padded, interleaved]
        if n % 3 == 0 {
            layouts.append(try Tensor(values, shape: [3, n / 3], dtype: dtype).transpose(0, 1))
        }
        return layouts
    }

    @Test(arguments: [DType.float32, .float64])
    func floatStatisticsMatchTheReferenceLoop(_ dtype: DType) throws {
        for n in Self.lengths {
            for values in Self.patterns(n) {
                let values = dtype == .float32 ? values.map { Double(Float($0)) } : values
                for t in try Self.layouts(values, dtype) {
                    let expected = Self.reference(t.doubles(), fourLanes: t.isContiguous)
                    #expect(Self.identical(t.statistics(), expected), "n \(n), strides \(t.strides), \(values.prefix(6))")
                }
            }
        }
    }

    @Test(arguments: [DType.int64, .bool])
    func integerStatisticsMatchTheReferenceLoop(_ dtype: DType) throws {
        for n in Self.lengths {
            let values = Self.mixed(n, seed: UInt64(n) + 1).map { ($0 * 40).rounded() }
            for t in try Self.layouts(values, dtype) {
                let expected = Self.reference(t.doubles(), fourLanes: false)
                #expect(Self.identical(t.statistics(), expected), "n \(n), strides \(t.strides)")
            }
        }
    }

    /// The walk (a strided view, or values holding a NaN) keeps the last of equal maxima, as
    /// the contiguous kernel does: a -0 after a +0 is the maximum.
    @Test func theWalkKeepsTheLastOfEqualMaxima() throws {
        let values: [Double] = [-1, 0, -2, -0.0, -3, .nan]
        let strided = try Tensor(values.flatMap { [$0, 9] }, shape: [6, 2]).select(1, 0)
        #expect(!strided.isContiguous)
        #expect(strided.statistics().max?.sign == .minus)
        #expect(try Tensor(values, shape: [6]).statistics().max?.sign == .minus)
    }
}
