@testable import GraphRender

/// A tiny hand-made graph showing every style role, built only from `Style` and `Legend`:
/// the seed example `L = (out1 - out2)^2` with `out1` detached, plus a no_grad region, saved
/// buffers in all four states, gradients of several magnitudes, a NaN gradient and a
/// parameter that received no gradient.
enum StyleSample {
    static var dot: String {
        var body: [String] = []
        func node(_ id: String, _ roles: [StyleRole], _ label: DOTValue, tooltip: String? = nil) {
            var attributes = Style.attributes(for: roles).merging(["label": label, "id": .text(id)])
            if let tooltip { attributes["tooltip"] = .text(tooltip) }
            body.append("\(DOTEscape.identifier(id)) \(attributes.dot);")
        }
        func edge(_ from: String, _ to: String, _ attributes: DOTAttributes = Style.attributes(for: .dataEdge)) {
            body.append("\(DOTEscape.identifier(from)) -> \(DOTEscape.identifier(to)) \(attributes.dot);")
        }
        func gradient(_ from: String, _ to: String, _ magnitude: Double, _ text: String) {
            edge(from, to, Style.gradientEdge(magnitude: magnitude).merging(["label": .text(text)]))
        }

        node("x", [.otherLeaf], Style.tensorLabel(name: "x", detail: "(4,) float32"), tooltip: "x = torch.randn(4)")
        node("w", [.parameterLeaf], Style.tensorLabel(name: "w", detail: "(4,) float32, requires_grad"))
        node("b", [.parameterLeaf, .noGradientLeaf], Style.tensorLabel(name: "b", detail: "(4,) float32", noGradient: true))
        node("mul1", [.op], Style.opLabel(op: "mul", gradFn: "MulBackward0", line: 3))
        node("h", [.intermediate], Style.tensorLabel(name: "h", detail: "(4,)"))
        node("detach", [.intermediate, .detached], Style.tensorLabel(name: "out1", detail: "(4,) detached"))
        node("mul2", [.op], Style.opLabel(op: "mul", gradFn: "MulBackward0", line: 5))
        node("out2", [.intermediate], Style.tensorLabel(name: "out2", detail: "(4,)"))
        node("sub", [.op], Style.opLabel(op: "sub", gradFn: "SubBackward0", line: 6))
        node("d", [.intermediate], Style.tensorLabel(name: "d", detail: "(4,)"))
        node("pow", [.op], Style.opLabel(op: "pow", gradFn: "PowBackward0", line: 6))
        node("L", [.backwardRoot], Style.tensorLabel(name: "L", detail: "(4,) · backward at line 8"))
        node("s_mul1", [.savedFreed], Style.savedLabel(name: "other", detail: "(4,) · 16 B · v0", state: .freed))
        node("s_mul2", [.savedRetained], Style.savedLabel(name: "self", detail: "(4,) · 16 B · v0", state: .retained))
        node(
            "s_pow", [.savedInvalidated],
            Style.savedLabel(name: "self", detail: "(4,) · 16 B", state: .invalidated(savedVersion: 0, currentVersion: 1)))
        node("s_sub", [.savedPacked], Style.savedLabel(name: "other", detail: "(4,) · v0", state: .packed))

        let region = Style.attributes(for: .gradModeRegion)
            .merging(["label": Style.regionLabel(kind: "torch.no_grad()", lines: 10...11), "id": "region_1"])
        body.append("subgraph \"cluster_region_1\" {")
        body.append("  \(region.statements)")
        node("add", [.untrackedOp], Style.opLabel(op: "add", gradFn: nil, line: 10))
        node("c", [.otherLeaf], Style.tensorLabel(name: "c", detail: "(4,) no grad"))
        body.append("}")

        edge("x", "mul1")
        gradient("w", "mul1", .nan, "nan")
        edge("mul1", "h")
        edge("h", "detach", Style.attributes(for: .detachEdge).merging(["label": Style.detachLabel(line: 4)]))
        edge("detach", "sub", Style.attributes(for: [.dataEdge, .detached]))
        edge("h", "mul2")
        edge("mul2", "out2")
        gradient("out2", "sub", 3.1e-3, "‖g‖ 3.1e-3")
        edge("sub", "d")
        gradient("d", "pow", 0.42, "‖g‖ 0.42")
        gradient("pow", "L", 1, "1.0")
        edge("s_mul1", "mul1", Style.savedBufferEdge(.freed))
        edge("s_mul2", "mul2", Style.savedBufferEdge(.retained))
        edge("s_pow", "pow", Style.savedBufferEdge(.invalidated(savedVersion: 0, currentVersion: 1)))
        edge("s_sub", "sub", Style.savedBufferEdge(.packed))
        edge("w", "add")
        edge("add", "c")
        edge("b", "add", Style.attributes(for: .dataEdge))

        let header = [
            "digraph \"gradscope\" {",
            "  graph \(Style.graph.dot);",
            "  node \(Style.node.dot);",
            "  edge \(Style.edge.dot);"
        ]
        return (header + body.map { "  " + $0 } + [Legend.dot(for: Set(StyleRole.allCases)), "}"])
            .joined(separator: "\n")
    }
}
