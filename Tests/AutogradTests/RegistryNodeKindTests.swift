import TestSupport
import Testing

@testable import Autograd

/// The kinds (class name and id) of the nodes `roots` reach, each node once, in the order a
/// depth-first walk of their edges meets them.
private func reachedKinds(_ roots: [Node]) -> [(name: String, id: Int)] {
    var seen = Set<ObjectIdentifier>()
    var stack = roots.reversed() as [Node]
    var kinds = [(name: String, id: Int)]()
    while let node = stack.popLast() {
        guard seen.insert(ObjectIdentifier(node)).inserted else { continue }
        kinds.append((node.name, node.kindID))
        stack += node.nextEdges.reversed().compactMap { $0?.node }
    }
    return kinds
}

/// The kinds of every node one call of `declaration` on its samples makes: the graph below its
/// output (and below its in-place variant's, run on a copy), and the graph its backward records
/// under create_graph (the backward formulas' own ops).
private func kindsMade(by declaration: OpDeclaration) throws -> [(name: String, id: Int)] {
    var values = try OpSampling.arguments(declaration)
    var leaves = [Tensor]()
    for (k, slot) in try OpSampling.tensorSlots(declaration).enumerated() {
        let tensors = try (0..<slot.count).map { i in
            let t = try OpSampling.tensor(
                declaration.samples.shapes[slot.name] ?? [2, 3], declaration.samples.domain, seed: k + i)
            try t.setRequiresGrad(true)
            return t
        }
        leaves += tensors
        values[slot.name] = slot.count == 1 ? .tensor(tensors[0]) : .tensorList(tensors)
    }
    var outputs = [try declaration(declaration.arguments(values))]
    if declaration.hasInPlaceVariant, case .tensor(let target)? = values["self"] {
        values["self"] = .tensor(try target.clone())
        outputs.append(try declaration.callInPlace(declaration.arguments(values)))
    }
    try outputs[0].sum().backward(createGraph: true)
    return reachedKinds(outputs.compactMap(\.gradFn) + leaves.compactMap { $0.grad?.gradFn })
}

/// Every node a registry op makes, forward or in its backward, carries a `NodeKind` (so the
/// recorder files it by the kind's id, never by hashing its name), and the same kinds on every
/// call: a kind is declared once, not made per node (which would grow the recorder's per-kind
/// tables with every op).
@Test func everyRegistryOpMakesNodesOfKindsDeclaredOnce() throws {
    for declaration in try OpRegistry.build().declarations where declaration.isDifferentiable {
        let first = try kindsMade(by: declaration)
        let second = try kindsMade(by: declaration)
        let context = declaration.signatureText
        #expect(!first.isEmpty, "\(context)")
        for kind in first where kind.id < 0 { Issue.record("\(context): \(kind.name) has no kind id") }
        #expect(first.map(\.name) == second.map(\.name), "\(context)")
        #expect(first.map(\.id) == second.map(\.id), "\(context): kinds made anew on a second call")
    }
}
