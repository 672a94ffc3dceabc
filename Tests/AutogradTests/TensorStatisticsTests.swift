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
}
