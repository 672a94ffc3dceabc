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
}
