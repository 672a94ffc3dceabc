import Autograd
import Testing

/// The canonical graph line of conformance/*.graphs.txt for the graph reachable from `roots`:
/// nodes numbered depth-first, children in next_functions order, `-` for None.
package func mathOpsGraphLine(_ roots: [Tensor]) -> String {
    var numbers = [ObjectIdentifier: Int]()
    var entries = [String]()
    func visit(_ node: Node) -> Int {
        if let n = numbers[ObjectIdentifier(node)] { return n }
        let n = entries.count
        numbers[ObjectIdentifier(node)] = n
        entries.append("")
        let children = node.nextEdges.map { edge in edge.map { String(visit($0.node)) } ?? "-" }
        let name = node is AccumulateGrad ? "AccumulateGrad" : node.name
        entries[n] = "\(n)=\(name)(\(children.joined(separator: ",")))"
        return n
    }
    for root in roots { if let fn = root.gradFn { _ = visit(fn) } }
    return entries.joined(separator: " ")
}

/// Expects `actual` to match PyTorch's printed values to within `tolerance`.
package func expectMathClose(
    _ actual: [Double], _ expected: [Double], tolerance: Double = 1e-4,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        let same = (a.isNaN && e.isNaN) || a == e || Swift.abs(a - e) <= tolerance
        #expect(same, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
    }
}

/// Expects `body` to throw exactly `expected`.
package func expectTorchError(
    _ expected: TorchError, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected \(expected)", sourceLocation: sourceLocation)
    } catch let error as TorchError {
        #expect(error == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
    }
}

/// The first derivative of `f(x).sum()` with a graph, for checking second derivatives.
package func mathFirstDerivative(_ x: Tensor, _ f: (Tensor) throws -> Tensor) throws -> Tensor {
    try GradMode.with(enabled: true) {
        let y = try f(x)
        guard y.requiresGrad else { return Tensor.zerosLike(x) }
        return try Autograd.grad(outputs: [y.sum()], inputs: [x], createGraph: true)[0] ?? Tensor.zerosLike(x)
    }
}
