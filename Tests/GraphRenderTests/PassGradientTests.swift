import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// `--show-grads` draws the gradients of exactly one backward pass, says which on every label,
/// dims the edges that pass did not traverse, and frames each pass around only the ops it ran.
@Suite struct PassGradientTests {
    /// The SVG of `sample` drawn with gradients (of `pass`, if given).
    func gradientSVG(_ sample: String, pass: Int? = nil) throws -> SVGDocument {
        var options = RenderOptions()
        options.showGrads = true
        options.pass = pass
        return try #require(SVGDocument.parse(try DOTWriter(graph: try recordSample(sample), options: options).render(.svg)))
    }

    @Test func tutorialDrawsOnlyTheLastPassByDefault() throws {
        let svg = try gradientSVG("tutorial")
        // Pass 1 is `y.backward(x)` at line 15: only x → add carries a gradient.
        #expect(svg.ids(withClasses: "edge gradient") == ["e_t0_op0_0"])
        #expect(svg.textsByID["e_t0_op0_0"] == ["[1, 1, 1, 1]", "pass 1 (line 15)"])
        // The line-13 pass went through y → mul; this pass did not: dimmed, unlabelled.
        for edge in ["e_t2_op1_0", "e_t2_op1_1", "e_op1_op2_0", "e_t5_op3_0"] {
            #expect(svg.classes[edge]?.contains("untraversed") == true, "\(edge)")
            #expect(svg.textsByID[edge] == nil, "\(edge)")
        }
        #expect(!svg.texts.contains("[4.5, 4.5, 4.5, 4.5]"), "pass 0's gradient is drawn")
        #expect(svg.texts.contains { $0.hasPrefix("gradients of backward pass 1 (line 15)") })
        #expect(svg.texts.contains("grad in pass 1 (line 15): [1, 1, 1, 1]"))
        #expect(svg.legendShows(.untraversedEdge))
    }

    @Test func tutorialPassZeroOnRequest() throws {
        let svg = try gradientSVG("tutorial", pass: 0)
        #expect(svg.textsByID["e_t0_op0_0"] == ["[4.5, 4.5, 4.5, 4.5]", "pass 0 (line 13)"])
        #expect(svg.textsByID["e_t2_op1_1"] == ["[2.25, 2.25, 2.25, 2.25]", "pass 0 (line 13)"])
        #expect(svg.classes["e_op0_t2_0"]?.contains("untraversed") == false)
        #expect(!svg.texts.contains { $0.contains("pass 1") })
    }

    /// Every gradient label of every sample names the drawn pass, and only that one.
    @Test(arguments: RenderSamplesTests.samples + ["nan_grad", "forgot_zero_grad"])
    func everyGradientLabelNamesItsPass(_ sample: String) throws {
        let graph = try recordSample(sample)
        let svg = try gradientSVG(sample)
        guard let last = graph.backwardPasses.last else { return }
        let name = "pass \(last.id) (line \(last.line))"
        let labelled = svg.ids(withClasses: "edge gradient")
        #expect(!labelled.isEmpty)
        // The pass's line follows the value (a folded edge adds the range over its passes below).
        for edge in labelled {
            #expect(svg.textsByID[edge]?.dropFirst().first == name, "\(sample) \(edge): \(svg.textsByID[edge] ?? [])")
        }
        #expect(!svg.texts.contains { $0.hasPrefix("pass ") && $0 != name && !$0.contains(":") }, "\(sample)")
    }

    @Test func aPassFrameHoldsOnlyTheOpsThatPassRan() throws {
        var options = RenderOptions()
        options.showGrads = true
        let dot = try DOTWriter(graph: try recordSample("selective_backprop"), options: options).dot()
        // Pass 1 (line 23): out1 = xvar * y1 at line 19 was detached at line 21 before L was made.
        let members = dotClusterMembers(dot, "cluster_pass_1")
        let lines = members.compactMap { dotNodeStatement(dot, $0) }
        #expect(lines.contains { $0.contains("line 20") } && lines.contains { $0.contains("line 22") })
        #expect(!lines.contains { $0.contains("line 19") }, "\(members)")
        #expect(dot.contains("label=\"pass 1: backward at line 23\""))
    }

    @Test func foldedFramesReadBackwardTimesN() throws {
        let svg = try gradientSVG("training_loop")
        #expect(svg.texts.contains("backward ×20 (line 14)"))
        #expect(!svg.texts.contains("pass 0: backward at line 14"))
        #expect(svg.texts.contains { $0.hasPrefix("gradients of backward pass 19 (line 14)") })
    }

    @Test func aPassTheCutExcludesIsAnError() throws {
        var options = RenderOptions()
        options.showGrads = true
        options.pass = 1
        options.at = 14
        #expect(throws: RenderError.self) { try DOTWriter(graph: try recordSample("tutorial"), options: options).dot() }
        options.pass = nil
        let dot = try DOTWriter(graph: try recordSample("tutorial"), options: options).dot()
        #expect(dot.contains("pass 0 (line 13)") && !dot.contains("pass 1 (line 15)"))
    }
}
