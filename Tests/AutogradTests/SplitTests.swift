import Testing

@testable import Autograd

/// split, split_with_sizes, chunk and unbind: one node for all pieces, views of the input, and
/// gradients (by finite differences) that reach the input from some or all of the pieces.
struct SplitTests {
    let input = try! Tensor((0..<12).map { Double($0) * 0.5 - 2 }, shape: [3, 4])

    @Test func piecesShareOneNodeAndTheStorage() throws {
        let x = try Tensor(input.doubles(), shape: [3, 4], dtype: .float64)
        try x.setRequiresGrad(true)
        let pieces = try x.split(3, dim: 1)
        #expect(pieces.map(\.shape) == [[3, 3], [3, 1]])
        #expect(pieces.map { $0.gradFn?.name } == ["SplitBackward0", "SplitBackward0"])
        #expect(pieces[0].gradFn === pieces[1].gradFn)
        #expect(pieces.map(\.outputNr) == [0, 1])
        #expect(pieces[1].storage === x.storage && pieces[1].offset == 3)
        #expect(try x.split(sizes: [1, 2]).map { $0.gradFn?.name } == ["SplitWithSizesBackward0", "SplitWithSizesBackward0"])
        #expect(try x.unbind(dim: 1).map(\.shape) == [[3], [3], [3], [3]])
        #expect(try x.chunk(2).map(\.shape) == [[2, 4], [1, 4]])
    }

    @Test func gradientsMatchFiniteDifferences() throws {
        try expectGradientsMatchFiniteDifferences([input]) { x in
            let p = try x[0].split(3, dim: 1)
            return try p[0].sum(dims: [1], keepdim: true) * p[1]
        }
        try expectGradientsMatchFiniteDifferences([input]) { x in try x[0].split(sizes: [2, 1], dim: 0)[1] * 3 }
        try expectGradientsMatchFiniteDifferences([input]) { x in
            let c = try x[0].chunk(2, dim: 1)
            return try c[0] * c[1]
        }
        try expectGradientsMatchFiniteDifferences([input]) { x in
            let rows = try x[0].unbind()
            return try rows[0] * rows[2]
        }
    }

    @Test func errorsAreATensTexts() throws {
        #expect(throws: TorchError.runtime("split expects split_size be non-negative, but got split_size=-1")) {
            try input.split(-1)
        }
        #expect(
            throws: TorchError.runtime(
                "split_with_sizes expects split_sizes to sum exactly to 3 (input tensor's size at dimension 0), but got split_sizes=[1, 1]"
            )
        ) { try input.split(sizes: [1, 1]) }
        #expect(throws: TorchError.runtime("chunk expects `chunks` to be greater than 0, got: 0")) { try input.chunk(0) }
    }
}
