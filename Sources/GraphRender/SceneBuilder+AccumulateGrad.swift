import GraphModel

/// `--view backward` draws the autograd graph as PyTorch holds it: between each leaf that
/// requires grad and the grad_fn nodes using it sits the leaf's AccumulateGrad node, the node
/// backward runs to add a gradient into `.grad` (torchviz draws it the same way).
extension SceneBuilder {
    /// Puts an AccumulateGrad node after every drawn leaf that has one: the leaf's edges into
    /// ops leave from it instead (with their gradients), and the leaf feeds it.
    mutating func addAccumulateGradNodes() {
        // Tensor id → every node drawn for it (its versions), in drawing order.
        var drawn: [Int: [Int]] = [:]
        for (i, n) in scene.nodes.enumerated() where n.kind == .tensor {
            if case .tensor(let t)? = n.subjects.first { drawn[t, default: []].append(i) }
        }
        var moved: [Int: Int] = [:]
        for t in graph.tensors {
            guard let node = t.accumulateGrad, let versions = drawn[t.id], let first = versions.first else { continue }
            let leaf = scene.nodes[first]
            let name = Describe.name(of: t)
            let index = scene.nodes.count
            scene.nodes.append(
                SceneNode(
                    id: "acc\(t.id)", kind: .op, roles: [.accumulateGrad],
                    label: Style.stackedLabel([
                        "<B>AccumulateGrad</B>", "<FONT POINT-SIZE=\"8.5\">adds into \(DOTEscape.html(name)).grad</FONT>"
                    ]),
                    tooltip: "AccumulateGrad (node \(node)) of leaf \(name): backward adds the gradient that "
                        + "reaches it into \(name).grad",
                    cluster: leaf.cluster, foldKey: leaf.foldKey.map { "A" + $0 }, order: leaf.order, line: leaf.line,
                    subjects: leaf.subjects, loop: leaf.loop))
            for d in versions { moved[d] = index }
            addEdge(
                from: first, to: index, position: 0, kind: .data, roles: [.dataEdge],
                text: .written("\(name) → its AccumulateGrad node"))
        }
        for i in scene.edges.indices where scene.edges[i].kind == .data {
            guard let acc = moved[scene.edges[i].from], scene.edges[i].to != acc else { continue }
            scene.edges[i].writtenID = "e_\(scene.nodes[acc].id)_" + scene.id(of: scene.edges[i]).dropFirst("e_".count)
            scene.edges[i].from = acc
        }
    }
}
