import Testing
import Autograd
@testable import GraphModel

@Test func recordsAnOp() throws {
    let r = Recorder()
    try r.recording {
        let x = try Tensor([1, 2], requiresGrad: true)
        _ = try x * 2
    }
    #expect(r.snapshot().ops.count == 1)
}
