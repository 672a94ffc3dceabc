import Testing

@testable import Autograd

@Test func tutorialGradient() throws {
    let x = Tensor.ones([2, 2])
    try x.setRequiresGrad(true)
    let y = try x + 2
    let z = try y * y * 3
    let out = try z.sum() / 4
    try out.backward()
    #expect(x.storedGrad?.doubles() == [4.5, 4.5, 4.5, 4.5])
}
