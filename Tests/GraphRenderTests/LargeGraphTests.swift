import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// A generated 5,000-op training loop: folding, the node budget, fan-out and layout fallback.
@Suite struct LargeGraphTests {
    static let steps = 560
    static let graph = recordScript(trainingLoopScript(steps: steps), name: "loop.py")

    @Test func theLoopHasFiveThousandOps() {
        #expect(Self.graph.ops.count >= 5_000)
        #expect(Self.graph.error == nil)
    }

    @Test func foldingDrawsOneNodePerLinePosition() throws {
        let (scene, layout) = try DOTWriter(graph: Self.graph).preparedScene()
        #expect(layout == "dot")
        #expect(scene.nodes.count < 60)
        let matmul = try #require(scene.nodes.first { $0.foldKey == "L7:matmul:0" || $0.label.dot.contains("<B>mm</B>") })
        #expect(matmul.count == Self.steps && matmul.id.hasPrefix("fold_"))
        #expect(scene.notes.contains { $0.hasPrefix("loop iterations folded") })
        let svg = try #require(SVGDocument.parse(try DOTWriter(graph: Self.graph).render(.svg)))
        #expect(svg.texts.contains("×\(Self.steps)"))
        #expect(svg.ids.contains("cluster_region_0") || svg.ids.contains { $0.hasPrefix("cluster_region") })
    }

    @Test func theBudgetKeepsTheNodesNearestTheRoots() throws {
        var options = RenderOptions()
        options.unfold = true
        options.maxNodes = 300
        let (scene, _) = try DOTWriter(graph: Self.graph, options: options).preparedScene()
        let originals = scene.nodes.filter { !$0.extraClasses.contains("copy") }
        #expect(originals.count == 300)
        // The last loss (the last backward's root) is drawn; the first step's ops are not.
        let lastRoot = try #require(Self.graph.backwardPasses.last?.rootTensors.first)
        #expect(scene.nodes.contains { $0.id == "t\(lastRoot)" })
        #expect(!scene.nodes.contains { $0.id == "op0" })
        #expect(scene.notes.contains { $0.contains("--max-nodes 300") && $0.contains("not drawn") })
        #expect(scene.nodes.contains { $0.extraClasses.contains("truncated") })
    }

    @Test func sharedLeavesAreDrawnOncePerUseAndHugeGraphsUseSfdp() throws {
        var options = RenderOptions()
        options.unfold = true
        options.maxNodes = 1_000_000
        let writer = DOTWriter(graph: Self.graph, options: options)
        let (scene, layout) = try writer.preparedScene()
        // x feeds every step's matmul: one node per use, all named x.
        let x = scene.nodes.filter { $0.label.dot.contains("<TD><B>x</B></TD>") }
        #expect(x.count == Self.steps)
        #expect(x.filter { $0.extraClasses.contains("copy") }.count == Self.steps - 1)
        #expect(layout == "sfdp")
        #expect(scene.notes.contains { $0.hasPrefix("laid out with sfdp") })
        #expect(try writer.dot().contains("layout=\"sfdp\""))
    }

    /// `--layout dot` is a request, not a default: a huge graph is still laid out with dot.
    @Test func anExplicitDotLayoutIsHonouredOnHugeGraphs() throws {
        var options = RenderOptions()
        options.unfold = true
        options.maxNodes = 1_000_000
        options.layout = .dot
        let writer = DOTWriter(graph: Self.graph, options: options)
        let (scene, layout) = try writer.preparedScene()
        #expect(scene.nodes.count > RenderOptions.dotNodeLimit)
        #expect(layout == "dot")
        #expect(!scene.notes.contains { $0.contains("sfdp") })
        #expect(try writer.dot().contains("layout=\"dot\""))
    }

    @Test func walksAreIterativeOnAHundredThousandOpChain() throws {
        let graph = recordScript(
            """
            import torch
            x = torch.ones(1, requires_grad=True)
            y = x
            for i in range(100000):
                y = y * 1.0
            y.backward()
            """, name: "chain.py")
        #expect(graph.ops.count >= 100_000)
        let (scene, _) = try DOTWriter(graph: graph).preparedScene()
        #expect(scene.nodes.count <= 400)
    }
}
