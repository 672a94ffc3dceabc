import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// Every text of a picture can be read: it reaches WCAG's 4.5:1 against what it is painted on,
/// and the lines of a node's label sit far enough apart that descenders and underscores (`sub_`,
/// `grad_fn`) are not drawn into the line below.
@Suite struct ReadabilityTests {
    static let samples = RenderSamplesTests.samples + ["nan_grad", "no_grad", "dead_relu", "forgot_zero_grad"]

    /// The SVG of `sample` with gradients and saved buffers (`pass all` when `everyPass`).
    static func svg(_ sample: String, everyPass: Bool = false) throws -> [UInt8] {
        var options = RenderOptions()
        options.showGrads = true
        options.showSaved = true
        options.everyPass = everyPass
        return try DOTWriter(graph: try recordSample(sample), options: options).render(.svg)
    }

    @Test func contrastRatioMatchesWCAG() {
        #expect(abs(SVGPaint.contrast("#000000", "#ffffff") - 21) < 1e-9)
        #expect(abs(SVGPaint.contrast("#767676", "#ffffff") - 4.54) < 0.01)
        #expect(SVGPaint.contrast("#e07b00", "#ffffff") < 4.5)
    }

    @Test(arguments: samples)
    func everyTextReachesFourAndAHalfToOne(_ sample: String) throws {
        let paint = SVGPaint(try ReadabilityTests.svg(sample))
        #expect(paint.texts.count > 10)
        for t in paint.texts {
            let ratio = SVGPaint.contrast(t.color, t.background)
            #expect(ratio >= 4.5, "\(sample): '\(t.content)' (\(t.group)) \(t.color) on \(t.background) is \(ratio):1")
        }
    }

    @Test func everyLegendEntryAndStyleReachesFourAndAHalfToOne() throws {
        let paint = SVGPaint(try GraphvizRenderer.render(dot: StyleSample.dot, format: .svg))
        #expect(paint.texts.contains { $0.group == "legend" })
        for t in paint.texts {
            let ratio = SVGPaint.contrast(t.color, t.background)
            #expect(ratio >= 4.5, "'\(t.content)' (\(t.group)) \(t.color) on \(t.background) is \(ratio):1")
        }
    }

    /// Consecutive lines of a node's label: the baseline of the lower one is at least the upper
    /// line's descent (underscores hang 0.26 em) plus the lower line's ascent (0.76 em) below.
    @Test(arguments: ["tutorial", "training_loop", "forgot_zero_grad"])
    func labelLinesLeaveRoomForDescenders(_ sample: String) throws {
        let paint = SVGPaint(try ReadabilityTests.svg(sample))
        let nodes = Dictionary(grouping: paint.texts.filter { $0.group.hasPrefix("op") || $0.group.hasPrefix("t") }, by: \.group)
        #expect(nodes.count > 3)
        for (id, texts) in nodes {
            let lines = texts.sorted { $0.y < $1.y }
            for (upper, lower) in zip(lines, lines.dropFirst()) where abs(upper.x - lower.x) < 1 {
                let needed = 0.26 * upper.size + 0.76 * lower.size
                #expect(lower.y - upper.y >= needed, "\(sample) \(id): '\(upper.content)' over '\(lower.content)'")
            }
        }
    }

    @Test func underscoresInOpNamesGetARowOfTheirOwn() throws {
        let graph = recordScript(
            """
            import torch
            x = torch.ones(2, requires_grad=True)
            y = x * 2
            y.sub_(1)
            """)
        let dot = try DOTWriter(graph: graph).dot()
        #expect(dot.contains("<TR><TD><B>sub_</B></TD></TR><TR><TD><FONT POINT-SIZE=\"8.5\">SubBackward0</FONT></TD></TR>"))
    }
}
