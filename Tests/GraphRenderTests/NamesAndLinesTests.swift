import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// A tensor is drawn with the first name it got where it was made (aliases in the tooltip), an
/// op at the line of the user's code that called it, and named by what the user called.
@Suite struct NamesAndLinesTests {
    static let customFunction = """
        import torch


        class Square(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                ctx.save_for_backward(x)
                y = x * x
                return y

            @staticmethod
            def backward(ctx, g):
                x, = ctx.saved_tensors
                return 2 * x * g


        a = torch.tensor([1., 2.], requires_grad=True)
        scale = torch.tensor([3., 4.])
        b = a
        c = Square.apply(a) * scale
        c.sum().backward()
        """

    func svg(_ graph: Graph) throws -> SVGDocument {
        var options = RenderOptions()
        options.showGrads = true
        return try #require(SVGDocument.parse(try DOTWriter(graph: graph, options: options).render(.svg)))
    }

    /// The ids of the op nodes whose label starts with `name`.
    func opNodes(_ svg: SVGDocument, _ name: String) -> [String] {
        svg.ids(withClasses: "node op").filter { svg.textsByID[$0]?.first == name }
    }

    @Test func aLeafPassedToAFunctionKeepsItsNameAndOpsTakeTheCallingLine() throws {
        let graph = recordScript(Self.customFunction)
        let svg = try svg(graph)
        // Leaf a is `x` inside forward and backward, and `b` by alias: it is drawn as "a".
        #expect(svg.textsByID["t0"]?.first == "a", "\(svg.textsByID["t0"] ?? [])")
        let a = try #require(graph.tensors.first { $0.id == 0 })
        #expect(a.label == "a" && a.names.contains("b"))
        #expect(svg.titles.contains { $0.hasPrefix("a (t0)") && $0.contains("also named: b") })
        // `c = Square.apply(a) * scale` is line 20: both the Function and the mul are drawn there.
        let square = try #require(opNodes(svg, "Square").first)
        #expect(svg.textsByID[square]?.contains("line 20") == true, "\(svg.textsByID[square] ?? [])")
        let muls = opNodes(svg, "mul").compactMap { svg.textsByID[$0] }
        #expect(muls.count == 2 && muls.allSatisfy { $0.contains("line 20") }, "\(muls)")
        // The op inside forward keeps its own line in its tooltip and its frame's label.
        #expect(svg.titles.contains { $0.hasPrefix("mul at line 20") && $0.contains("at line 8 there") })
        #expect(svg.texts.contains("Square.forward (grad off) · line 8, called at line 20"))
        #expect(graph.ops.first { $0.name == "mul" }?.innerLine == 8)
    }

    @Test func anAliasDoesNotRenameALeaf() throws {
        let graph = recordScript(
            """
            import torch
            x = torch.ones(2, requires_grad=True)
            y = x
            (y * 2).sum().backward()
            """)
        let svg = try svg(graph)
        #expect(svg.textsByID["t0"]?.first == "x")
        #expect(svg.titles.contains { $0.hasPrefix("x (t0)") && $0.contains("also named: y") })
    }

    @Test func aFunctionResultIsNamedAtTheCallSite() throws {
        let graph = try recordSample("retain_graph_hooks")
        let svg = try svg(graph)
        // `out = Sigmoid.apply(a)` at line 45 (forward's `output = ...` is line 34).
        let sigmoid = try #require(opNodes(svg, "Sigmoid").first)
        #expect(svg.textsByID[sigmoid]?.contains("line 45") == true, "\(svg.textsByID[sigmoid] ?? [])")
        let out = try #require(graph.ops.first { $0.name == "Sigmoid" }?.outputs.first)
        #expect(graph.tensors[out].label == "out" && graph.tensors[out].names.contains("output"))
    }

    @Test func anOpIsNamedByWhatTheScriptCalled() throws {
        let source = """
            import torch
            w = torch.ones(3, requires_grad=True)
            h = w * 2
            h.zero_()
            h.sum().backward()
            """
        let graph = recordScript(source)
        #expect(graph.ops.map(\.name) == ["mul", "zero_", "sum"])
        let why = graph.whyText(graph.explain(graph.tensors(named: "w")), source: source)
        #expect(why.contains("ZeroBackward0 line 4 `h.zero_()`") && !why.contains("fill"), "\(why)")
        let dot = try DOTWriter(graph: graph).dot()
        #expect(dot.contains("<B>zero_</B>") && !dot.contains("fill_"))
    }

    /// The JSON dump carries the line inside forward, and reads back to the same picture.
    @Test func innerLinesRoundTripThroughJSON() throws {
        let graph = recordScript(Self.customFunction)
        let json = graph.json()
        #expect(json.contains("\"inner_line\": 8") || json.contains("\"inner_line\":8"))
        let read = try Graph(json: json)
        #expect(read.ops.map(\.innerLine) == graph.ops.map(\.innerLine))
        #expect(read.tensors.map(\.label) == graph.tensors.map(\.label))
    }
}
