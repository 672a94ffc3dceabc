import Testing

@testable import Autograd

/// Products ask `WorkBudget.check` for their multiply-adds before BLAS starts, and a refusal
/// stops them with no result.
@Suite struct WorkBudgetTests {
    final class Asked: @unchecked Sendable { var multiplyAdds: [Double] = [] }

    @Test func productsAskBeforeTheyRun() throws {
        let asked = Asked()
        WorkBudget.check = { asked.multiplyAdds.append($0) }
        defer { WorkBudget.check = nil }
        _ = try Tensor.ones([3, 4]).matmul(Tensor.ones([4, 5]))
        _ = try Tensor.ones([2, 3, 4]).matmul(Tensor.ones([2, 4, 5]))
        #expect(asked.multiplyAdds == [60, 120])
    }

    @Test func aRefusalStopsTheProduct() throws {
        WorkBudget.check = { if $0 > 1000 { throw TorchError.runtime("refused \(Int($0))") } }
        defer { WorkBudget.check = nil }
        #expect(throws: TorchError.runtime("refused 8000")) { try Tensor.ones([20, 20]).matmul(Tensor.ones([20, 20])) }
        #expect(try Tensor.ones([10, 10]).matmul(Tensor.ones([10, 10])).shape == [10, 10])
    }

    /// Convolutions (forward, backward, transposed) and the singular values behind the ±2 matrix
    /// norms ask for their work too: the im2col products of every image and group, and at least
    /// rows × columns × min(rows, columns) per matrix.
    @Test func convolutionsAndSingularValuesAskBeforeTheyRun() throws {
        let asked = Asked()
        WorkBudget.check = { asked.multiplyAdds.append($0) }
        defer { WorkBudget.check = nil }
        _ = try Tensor.conv1d(Tensor.ones([1, 2, 7]), Tensor.ones([3, 2, 3]))
        _ = try Tensor.convTranspose2d(Tensor.ones([1, 2, 3, 3]), Tensor.ones([2, 4, 2, 2]))
        _ = try Tensor.ones([2, 3, 4]).matrixNorm(ord: .number(2))
        // 1 image x 3 x 6 x 5; 1 x 2 x 16 x 9; 2 matrices x 3 x 4 x 3.
        #expect(asked.multiplyAdds == [90, 288, 72])
        asked.multiplyAdds = []
        let x = try Tensor.ones([2, 3, 5, 5]).requiresGrad_()
        let w = try Tensor.ones([4, 3, 2, 2]).requiresGrad_()
        try Tensor.conv2d(x, w).sum().backward()
        // 2 images x 4 x 12 x 16, then twice that for the input's and the weight's gradients.
        #expect(asked.multiplyAdds == [1536, 3072])
    }

    @Test func aRefusalStopsTheConvolution() throws {
        WorkBudget.check = { if $0 > 1000 { throw TorchError.runtime("refused \(Int($0))") } }
        defer { WorkBudget.check = nil }
        #expect(throws: TorchError.runtime("refused 1536")) {
            try Tensor.conv2d(Tensor.ones([2, 3, 5, 5]), Tensor.ones([4, 3, 2, 2]))
        }
        #expect(throws: TorchError.runtime("refused 27000000")) { try Tensor.ones([300, 300]).matrixNorm(ord: .number(-2)) }
    }
}
