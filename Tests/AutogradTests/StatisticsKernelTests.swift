import CStatisticsKernels
import Testing

/// The statistics kernels (CStatisticsKernels): the one the CPU runs (AVX2 on this machine) and
/// the portable one give the same bits, for every length around the vector widths and the
/// value patterns of `TensorStatisticsReferenceTests`.
struct StatisticsKernelTests {
    /// What a kernel returns, compared bit for bit.
    struct Outcome: Equatable {
        let found: Int32
        let bits: [UInt64]

        init(_ kernel: (UnsafeMutablePointer<GSFiniteStatistics>) -> Int32) {
            var s = GSFiniteStatistics()
            found = kernel(&s)
            bits = found == 0 ? [] : [s.sumOfSquares.bitPattern, s.min.bitPattern, s.max.bitPattern]
        }
    }

    @Test func portableKernelsGiveTheDispatchedKernelsBits() {
        for n in Array(0...70) + [1027, 4099] {
            for values in TensorStatisticsReferenceTests.patterns(n) {
                let floats = values.map { Float($0) }
                let count = Int64(n)
                #expect(
                    Outcome { gs_finite_statistics_f32(floats, count, $0) }
                        == Outcome { gs_finite_statistics_f32_portable(floats, count, $0) }, "float32, n \(n)")
                #expect(
                    Outcome { gs_finite_statistics_f64(values, count, $0) }
                        == Outcome { gs_finite_statistics_f64_portable(values, count, $0) }, "float64, n \(n)")
            }
        }
    }

    /// A NaN, an infinity or squares that overflow leave the values to the element walk.
    @Test func nonFiniteValuesAreLeftToTheWalk() {
        for special in [Double.nan, .infinity, -.infinity, 1e200] {
            let values = [1, 2, special, 3, 4]
            #expect(Outcome { gs_finite_statistics_f64(values, 5, $0) }.found == 0)
            #expect(Outcome { gs_finite_statistics_f64([special], 1, $0) }.found == 0)
        }
        #expect(Outcome { gs_finite_statistics_f32([], 0, $0) }.found == 0)
    }
}
