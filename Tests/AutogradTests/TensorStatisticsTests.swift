import Testing

@testable import Autograd

/// The one-pass statistics behind every gradient summary: the eight-lane path for contiguous
/// finite floats, and the element-by-element walk it falls back to.
struct TensorStatisticsTests {
    /// Values whose squares sum exactly in double: the lanes may add in any order.
    static let values: [Double] = (0..<37).map { Double(($0 * 7) % 23) - 11 }

    @Test(arguments: [DType.float32, .float64])
    func contiguousValuesGiveTheExactSumAndExtremes(_ dtype: DType) throws {
        let s = try Tensor(Self.values, shape: [37], dtype: dtype).statistics()
        #expect(s.sumOfSquares == Self.values.reduce(0) { $0 + $1 * $1 })
        #expect(s.min == Self.values.min() && s.max == Self.values.max())
        #expect(s.nanCount == 0 && s.infCount == 0)
    }

    @Test func aStridedViewAgreesWithItsContiguousCopy() throws {
        let t = try Tensor(Self.values + [0, 0, 0], shape: [5, 8]).transpose(0, 1)
        #expect(!t.isContiguous)
        let copy = try t.contiguous()
        #expect(t.statistics() == copy.statistics())
    }

    /// A NaN or an infinity anywhere (in the eight-lane body or the tail) is counted, and the
    /// sum covers the finite values only.
    @Test(arguments: [3, 35])
    func nonFiniteValuesAreCounted(_ position: Int) throws {
        var values = Self.values
        values[position] = .nan
        values[position + 1] = -.infinity
        let s = try Tensor(values, shape: [37]).statistics()
        let finite = values.filter(\.isFinite)
        #expect(s.nanCount == 1 && s.infCount == 1)
        #expect(s.sumOfSquares == finite.reduce(0) { $0 + $1 * $1 })
        #expect(s.min == -.infinity && s.max == finite.max())
    }

    /// The float32 path keeps four running sums (elements 4k, 4k+1, 4k+2, 4k+3) added as
    /// (s0 + s1) + (s2 + s3), then the tail in order: the same bits as that order computed here,
    /// on values whose squares do not sum exactly.
    @Test func floatSumsOfSquaresFollowTheFourLaneOrder() throws {
        let values: [Float] = (0..<103).map { Float(($0 * 37) % 101) / 7.3 - 6.1 }
        var lanes = [0.0, 0.0, 0.0, 0.0]
        let body = values.count / 4 * 4
        for i in 0..<body { lanes[i % 4] += Double(values[i]) * Double(values[i]) }
        var expected = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
        for x in values[body...] { expected += Double(x) * Double(x) }
        let s = try Tensor(values.map(Double.init), shape: [103], dtype: .float32).statistics()
        #expect(s.sumOfSquares.bitPattern == expected.bitPattern)
        #expect(s.min == Double(values.min()!) && s.max == Double(values.max()!))
    }

    /// Zeros of both signs compare equal: the minimum is the first of them in element order and
    /// the maximum the last, as the element-by-element walk finds them.
    @Test func signedZeroExtremesComeFromElementOrder() throws {
        var nonNegative = [Double](repeating: 1, count: 20)
        nonNegative[6] = 0
        nonNegative[9] = -0.0
        let low = try Tensor(nonNegative, shape: [20]).statistics()
        #expect(low.min == 0 && low.min?.sign == .plus)
        var nonPositive = [Double](repeating: -1, count: 20)
        nonPositive[6] = -0.0
        nonPositive[9] = 0
        let high = try Tensor(nonPositive, shape: [20]).statistics()
        #expect(high.max == 0 && high.max?.sign == .plus)
        nonPositive[9] = -0.0
        #expect(try Tensor(nonPositive, shape: [20]).statistics().max?.sign == .minus)
    }
}
