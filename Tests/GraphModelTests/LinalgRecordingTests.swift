import Autograd
import Testing

@testable import GraphModel

/// The decompositions record as PyTorch's graph shows them: one op per call, whatever LAPACK
/// and tensor work runs inside (pinv's SVD and scaling are not ops of their own).
@Test func decompositionsRecordOneOpEach() throws {
    let g = try record { s in
        let a = try s.bind(1, "a") {
            let t = try Tensor([1, 2, 3, 4, 5, 7], shape: [3, 2], dtype: .float32)
            try t.setRequiresGrad(true)
            return t
        }
        _ = try s.bind(2, "qr") { try a.qr().q }
        _ = try s.bind(3, "svd") { try a.svd(fullMatrices: false).s }
        _ = try s.bind(4, "p") { try a.pinv() }
        _ = try s.bind(5, "l") { try a.mT.matmul(a).eigvalsh() }
    }.snapshot()
    #expect(g.ops.map(\.name) == ["linalg_qr", "_linalg_svd", "linalg_pinv", "transpose", "mm", "_linalg_eigh"])
    #expect(g.ops.first { $0.name == "linalg_pinv" }?.outputs.count == 1)
}
