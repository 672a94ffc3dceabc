import GraphModel
import Testing

@testable import GraphRender

/// A folded edge's gradient label shows the drawn pass's value and the range of the magnitude
/// over every pass that sent a gradient along it.
@Suite struct FoldedGradientRangeTests {
    @Test func foldedTrainingLoopEdgesShowTheRangeOverTheirPasses() throws {
        var options = RenderOptions()
        options.showGrads = true
        let svg = try #require(
            SVGDocument.parse(try DOTWriter(graph: try recordSample("training_loop"), options: options).render(.svg)))
        let labels = svg.ids(withClasses: "edge gradient").compactMap { svg.textsByID[$0] }
        #expect(labels.count >= 4)
        for label in labels {
            #expect(label.count == 3 && label[1] == "pass 19 (line 14)", "\(label)")
            #expect(label.last?.hasPrefix("‖g‖ ") == true && label.last?.hasSuffix("20 passes") == true, "\(label)")
        }
        // d loss / d pow is 1/16 per element in every step: the same norm each time.
        #expect(labels.contains { $0.first == "‖g‖ 0.25" && $0.last == "‖g‖ 0.25 in each of 20 passes" })
        // The residual shrinks as the fit improves: a range, ending at the last pass's value.
        #expect(labels.contains { $0.first == "‖g‖ 7.47e-05" && $0.last == "‖g‖ 7.47e-05…0.792 over 20 passes" })
    }

    @Test func anUnfoldedEdgeHasNoRange() throws {
        var options = RenderOptions()
        options.showGrads = true
        let dot = try DOTWriter(graph: try recordSample("tutorial"), options: options).dot()
        #expect(dot.contains("label=\"[1, 1, 1, 1]\\npass 1 (line 15)\""))
        #expect(!dot.contains(" passes\""))
    }
}
