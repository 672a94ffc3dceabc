import Testing

@testable import Autograd

/// `x + number` / `x - number` on a one-element float tensor with no observer skips wrapping the
/// number; value (bit for bit, including float32's single rounding of the number), node, saved
/// values, edges and tensor numbering must be the general path's, which wraps it.
@Test(arguments: [DType.float32, .float64])
func unwrappedNumberOperandMatchesTheWrappedPath(dtype: DType) throws {
    // 2^-24 + 2^-50 rounds to 2^-24 in float32, and 1 + 2^-24 is a tie that rounds to 1 there;
    // adding in double before rounding would give 1 + 2^-23.
    let numbers = [0x1p-24 + 0x1p-50, 0.0001, -1.0001, 1e300, -0.0]
    for kind in [ArithmeticNode.Kind.add, .sub] {
        for (value, number) in zip([1.0, 0.5, 3, 2, 0], numbers) {
            let x = try Tensor([value], shape: [1], dtype: dtype, requiresGrad: true)
            let fast = try kind == .add ? x + number : x - number
            let fastIDStep = fast.id - x.id
            let y = try Tensor([value], shape: [1], dtype: dtype, requiresGrad: true)
            let wrapped = Operand.tensor(Tensor.wrapped(.double(number), dtype: .float64))
            let general = try kind == .add ? y.add(wrapped) : y.sub(wrapped)
            #expect(fastIDStep == general.id - y.id)
            #expect(fast.doubles().map(\.bitPattern) == general.doubles().map(\.bitPattern))
            #expect(fast.shape == general.shape && fast.dtype == general.dtype)
            let (f, g) = (try #require(fast.gradFn), try #require(general.gradFn))
            #expect(f.name == g.name && f.name == (kind == .add ? "AddBackward0" : "SubBackward0"))
            #expect(f.savedValue("alpha") == g.savedValue("alpha"))
            #expect(f.nextEdges.count == 2 && f.nextEdges[1] == nil && g.nextEdges[1] == nil)
            try fast.backward()
            try general.backward()
            #expect(x.storedGrad?.doubles() == y.storedGrad?.doubles())
        }
    }
}

/// The arithmetic nodes' formulas with broadcasting and `alpha`, through the engine's buffer and
/// through `apply`, against the analytic gradients.
@Test func arithmeticNodeGradientsWithBroadcastingAndAlpha() throws {
    let xs: [Double] = [1, -2, 3, 0.5, 4, -1]
    let ys: [Double] = [2, -3, 0.25]
    let seed: [Double] = [1, 2, 3, 4, 5, 6]
    typealias Case = (op: (Tensor, Tensor) throws -> Tensor, dx: [Double], dy: [Double])
    let cases: [Case] = [
        ({ try $0.add(.tensor($1), alpha: 2.5) }, seed, [5 * 2.5, 7 * 2.5, 9 * 2.5]),
        ({ try $0.sub(.tensor($1), alpha: 2) }, seed, [-10, -14, -18]),
        (
            { try $0.mul(.tensor($1)) }, (0..<6).map { seed[$0] * ys[$0 % 3] },
            [1 * 1 + 4 * 0.5, 2 * -2 + 5 * 4, 3 * 3 + 6 * -1]
        )
    ]
    for c in cases {
        let x = try Tensor(xs, shape: [2, 3], dtype: .float64, requiresGrad: true)
        let y = try Tensor(ys, shape: [3], dtype: .float64, requiresGrad: true)
        let z = try c.op(x, y)
        let g = try Tensor(seed, shape: [2, 3], dtype: .float64)
        let applied = try GradMode.noGrad { try #require(z.gradFn).apply([g]) }
        try z.backward(gradient: g)
        #expect(x.storedGrad?.doubles() == c.dx && y.storedGrad?.doubles() == c.dy)
        #expect(applied.map { $0?.doubles() } == [c.dx, c.dy])
        #expect(applied.map { $0?.shape } == [[2, 3], [3]])
    }
}
