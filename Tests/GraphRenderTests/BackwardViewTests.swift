import GraphModel
import Testing

@testable import GraphRender

/// `--view backward` draws the autograd graph as PyTorch holds it: grad_fn nodes, an
/// AccumulateGrad node between each leaf and its uses, saved buffers, detach cuts; `--view
/// forward` draws forward data flow only.
@Suite struct BackwardViewTests {
    static func dot(_ sample: String, view: RenderOptions.View) throws -> String {
        var options = RenderOptions()
        options.view = view
        options.showGrads = true
        options.showSaved = true
        return try DOTWriter(graph: try recordSample(sample), options: options).dot()
    }

    @Test func leavesReachTheirUsesThroughAccumulateGrad() throws {
        let graph = try recordSample("tutorial")
        let x = try #require(graph.tensors.first { $0.label == "x" && $0.isLeaf })
        let dot = try BackwardViewTests.dot("tutorial", view: .backward)
        let node = try #require(dotNodeStatement(dot, "acc\(x.id)"))
        #expect(node.contains("<B>AccumulateGrad</B>") && node.contains("adds into x.grad") && node.contains("op accumulate"))
        #expect(dot.contains("\"t\(x.id)\" -> \"acc\(x.id)\""))
        // The gradient pass 1 sent x leaves the AccumulateGrad node, not the leaf.
        let gradient = try #require(dot.split(separator: "\n").first { $0.contains("label=\"[1, 1, 1, 1]\\npass 1 (line 15)\"") })
        #expect(gradient.contains("\"acc\(x.id)\" -> "), "\(gradient)")
        #expect(dot.contains("detach · line 20"), "the detach cut is drawn")
        #expect(dot.contains("freed by backward"), "freed buffers are drawn")
        #expect(dot.contains("ID=\"\(Legend.id(for: .accumulateGrad))\""))
    }

    @Test func everyLeafThatRequiresGradGetsOne() throws {
        let graph = try recordSample("selective_backprop")
        let dot = try BackwardViewTests.dot("selective_backprop", view: .backward)
        let parameters = graph.tensors.filter { $0.accumulateGrad != nil }
        #expect(!parameters.isEmpty)
        for t in parameters { #expect(dotNodeStatement(dot, "acc\(t.id)") != nil, "\(t.label ?? "?")") }
    }

    @Test func otherViewsDrawNoAccumulateGradAndForwardNoGradients() throws {
        let both = try BackwardViewTests.dot("tutorial", view: .both)
        let forward = try BackwardViewTests.dot("tutorial", view: .forward)
        #expect(!both.contains("AccumulateGrad") && !forward.contains("AccumulateGrad"))
        #expect(both.contains("class=\"gradient\"") && !forward.contains("class=\"gradient"))
    }
}
