import GraphModel
import Testing

@testable import GraphRender

/// `--view backward` labels each grad_fn node with the values it keeps, as torchviz's
/// `make_dot(show_attrs=True)` does; other views keep them in the op's tooltip. The expected
/// values are what PyTorch 2.15's `grad_fn._saved_*` give for the same script
/// (`exponent` 2, `alpha` 2, `other` tensor(2., dtype=torch.float64), `dim` (0,), `keepdim` True).
@Suite struct OpAttributeRenderTests {
    static let script = """
        import torch
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        y = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
        p = x.pow(2)
        s = torch.add(p, y, alpha=2)
        m = s * 2.0
        z = m.sum(0, keepdim=True)
        z.backward()
        """

    static func svg(view: RenderOptions.View) throws -> (SVGDocument, Graph) {
        let graph = recordScript(script)
        var options = RenderOptions()
        options.view = view
        return (try #require(SVGDocument.parse(try DOTWriter(graph: graph, options: options).render(.svg))), graph)
    }

    /// The texts of the SVG node of the op named `name`.
    static func texts(_ svg: SVGDocument, _ graph: Graph, op name: String) throws -> [String] {
        let op = try #require(graph.ops.first { $0.name == name })
        return try #require(svg.textsByID["op\(op.id)"])
    }

    @Test func backwardViewLabelsShowWhatEachGradFnKeeps() throws {
        let (svg, graph) = try Self.svg(view: .backward)
        #expect(try Self.texts(svg, graph, op: "pow").contains("exponent: 2"))
        #expect(try Self.texts(svg, graph, op: "add").contains("alpha: 2"))
        #expect(try Self.texts(svg, graph, op: "mul").contains("other: 2.0"))
        let sum = try Self.texts(svg, graph, op: "sum")
        #expect(sum.contains("dim: (0,)") && sum.contains("keepdim: True"), "\(sum)")
    }

    @Test func otherViewsKeepThemInTheTooltipOnly() throws {
        let (svg, graph) = try Self.svg(view: .both)
        #expect(!(try Self.texts(svg, graph, op: "pow")).contains("exponent: 2"))
        #expect(svg.titles.contains { $0.contains("grad_fn keeps: exponent=2") })
        #expect(svg.titles.contains { $0.contains("grad_fn keeps: dim=(0,), keepdim=True") })
    }

    @Test func anOpWithoutAGradFnHasNoAttributes() throws {
        let graph = recordScript("import torch\nx = torch.ones(3)\ny = x.pow(2)\n")
        let pow = try #require(graph.ops.first { $0.name == "pow" })
        #expect(pow.gradFn == nil && graph.attributes(ofOp: pow.id).isEmpty)
    }

    @Test func valuesReachTheTensorTooltips() throws {
        let graph = recordScript("import torch\nx = torch.tensor([1.5, 2.0], requires_grad=True)\ny = x * 3\n", values: true)
        let svg = try #require(SVGDocument.parse(try DOTWriter(graph: graph, options: RenderOptions()).render(.svg)))
        #expect(svg.titles.contains { $0.contains("values at version 0: tensor([1.5000, 2.0000])") })
        #expect(svg.titles.contains { $0.contains("values at version 0: tensor([4.5000, 6.0000])") })
    }
}
