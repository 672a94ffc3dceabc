import Testing

@testable import Autograd

/// Checks `f`'s analytic gradients against central finite differences in float64.
///
/// Each input is converted to a float64 leaf that requires grad; the output is contracted
/// with fixed, uneven weights so every element of the upstream gradient differs.
func expectGradientsMatchFiniteDifferences(
    _ inputs: [Tensor], eps: Double = 1e-6, tolerance: Double = 1e-5,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ f: ([Tensor]) throws -> Tensor
) throws {
    let leaves = try inputs.map { t -> Tensor in
        let leaf = try Tensor(t.doubles(), shape: t.shape, dtype: .float64)
        try leaf.setRequiresGrad(true)
        return leaf
    }
    let probe = try f(leaves)
    let weights = try Tensor(
        (0..<probe.numel).map { 0.5 + Double(($0 * 7) % 5) * 0.25 },
        shape: probe.shape, dtype: .float64)
    func loss() throws -> Tensor { try (f(leaves) * weights).sum() }

    try loss().backward()
    for (k, leaf) in leaves.enumerated() {
        let analytic = leaf.storedGrad?.doubles() ?? [Double](repeating: 0, count: leaf.numel)
        let p = leaf.storage.pointer(Double.self)
        for i in 0..<leaf.numel {
            let original = p[i]
            p[i] = original + eps
            let plus = try GradMode.noGrad { try loss().doubles()[0] }
            p[i] = original - eps
            let minus = try GradMode.noGrad { try loss().doubles()[0] }
            p[i] = original
            let numeric = (plus - minus) / (2 * eps)
            let scale = max(1, abs(numeric))
            #expect(
                abs(analytic[i] - numeric) <= tolerance * scale,
                "input \(k) element \(i): analytic \(analytic[i]) vs numeric \(numeric)",
                sourceLocation: sourceLocation)
        }
    }
}

@Test func finiteDifferencesCheckArithmeticWithBroadcasting() throws {
    let a = try Tensor([1, 2, 3], shape: [3, 1])
    let b = try Tensor([10, 20, 30, 40], shape: [1, 4])
    try expectGradientsMatchFiniteDifferences([a, b]) { x in
        try (x[0] * x[1] + x[0] - x[1] / 2) / (x[0] + 5)
    }
    try expectGradientsMatchFiniteDifferences([a]) { x in try (2 - x[0]) * 3 / x[0] }
}
