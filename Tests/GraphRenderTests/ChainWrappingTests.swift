import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// A long chain is laid out in wrapped columns, not as a strip one node wide; the node budget
/// goes to the most recent iteration's forward and backward before older iterations.
@Suite struct ChainWrappingTests {
    static let chain = recordScript(
        """
        import torch
        x = torch.ones(1, requires_grad=True)
        y = x
        for i in range(300):
            y = y * 1.0
        y.backward()
        """, name: "chain.py")

    /// Width and height of an SVG's viewBox.
    static func viewBox(_ svg: [UInt8]) throws -> (width: Double, height: Double) {
        let text = String(decoding: svg, as: UTF8.self)
        let box = try #require(SVGPaint.attribute("viewBox", in: text)).split(separator: " ").compactMap { Double($0) }
        try #require(box.count == 4)
        return (box[2], box[3])
    }

    @Test func aLongChainWithLayoutDotIsDrawnInColumns() throws {
        var options = RenderOptions()
        options.layout = .dot
        options.unfold = true
        options.maxNodes = 10_000
        let writer = DOTWriter(graph: Self.chain, options: options)
        let (scene, _) = try writer.preparedScene()
        #expect(DOTWriter.longestPathDepths(scene).max() ?? 0 >= 600)
        #expect(try writer.dot().contains("constraint=\"false\""))
        let (width, height) = try Self.viewBox(try writer.render(.svg))
        #expect(height < 3 * width, "a \(width)×\(height) strip")
        #expect(width < 3 * height, "a \(width)×\(height) band")
    }

    @Test func aShortGraphIsNotWrapped() throws {
        let (scene, _) = try DOTWriter(graph: try recordSample("training_loop")).preparedScene()
        #expect(DOTWriter.columnBreaks(scene).isEmpty)
        #expect(!(try DOTWriter(graph: try recordSample("training_loop")).dot()).contains("constraint=\"false\""))
    }

    @Test func theBudgetGoesToTheLastIterationFirst() throws {
        let graph = recordScript(trainingLoopScript(steps: 30), name: "loop.py")
        var options = RenderOptions()
        options.unfold = true
        options.maxNodes = 40
        let (scene, _) = try DOTWriter(graph: graph, options: options).preparedScene()
        let drawnOps = Set(
            scene.nodes.flatMap(\.subjects).compactMap { s -> Int? in
                if case .op(let o) = s { return o }
                return nil
            })
        let last = try #require(graph.backwardPasses.last)
        let ran = Set(last.executed)
        let lastForward = graph.ops.filter { $0.gradFn.map(ran.contains) ?? false }.map(\.id)
        #expect(!lastForward.isEmpty)
        for o in lastForward {
            #expect(drawnOps.contains(o), "op \(o) (\(graph.ops[o].name), line \(graph.ops[o].line)) of the last iteration")
        }
        let firstPass = try #require(graph.backwardPasses.first)
        let firstForward = graph.ops.filter { $0.gradFn.map(Set(firstPass.executed).contains) ?? false }.map(\.id)
        #expect(firstForward.allSatisfy { !drawnOps.contains($0) })
    }
}
