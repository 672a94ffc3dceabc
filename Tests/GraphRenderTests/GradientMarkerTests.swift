import GraphModel
import Testing

@testable import GraphRender

/// The drawn pass's first NaN and first Inf are flagged on the op whose grad_fn made them, and
/// vanishing or exploding gradients carry a marker.
@Suite struct GradientMarkerTests {
    static func dot(_ graph: Graph) throws -> String {
        var options = RenderOptions()
        options.showGrads = true
        return try DOTWriter(graph: graph, options: options).dot()
    }

    @Test func theOpsThatFirstMadeInfAndNaNAreFlagged() throws {
        let dot = try GradientMarkerTests.dot(try recordSample("nan_grad"))
        // Pass 1 (line 17): sqrt at 0 sends Inf back; pow turns that Inf into NaN.
        let flagged = dot.split(separator: "\n").filter { $0.contains("firstnonfinite") }
        #expect(flagged.count == 2, "\(flagged)")
        #expect(flagged.contains { $0.contains("<B>sqrt</B>") && $0.contains("first Inf made here") })
        #expect(flagged.contains { $0.contains("<B>pow</B>") && $0.contains("first NaN made here") })
        #expect(dot.contains("ID=\"\(Legend.id(for: .firstNonFinite))\""))
        let clean = try GradientMarkerTests.dot(try recordSample("tutorial"))
        #expect(!clean.contains("firstnonfinite") && !clean.contains("made here"))
    }

    @Test func vanishingAndExplodingGradientsAreMarked() throws {
        let graph = recordScript(
            """
            import torch
            a = torch.ones(1, requires_grad=True)
            b = torch.ones(1, requires_grad=True)
            y = (a * 1e-8).sum() + (b * 1e6).sum()
            y.backward()
            """)
        let dot = try GradientMarkerTests.dot(graph)
        #expect(dot.contains("label=\"1e-08\\npass 0 (line 5)\\n▼ vanishing (< 1e-06)\""), "\(dot)")
        #expect(dot.contains("label=\"1e+06\\npass 0 (line 5)\\n▲ exploding (> 1e+04)\""))
        #expect(!dot.contains("label=\"1\\npass 0 (line 5)\\n"))
    }
}
