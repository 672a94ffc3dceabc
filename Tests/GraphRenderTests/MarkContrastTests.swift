import GraphModel
import Testing

@testable import GraphRender

/// Every mark that is not text but carries meaning (edges of small gradients, untraversed
/// edges, faded and untracked nodes, freed buffers, frames, detach cuts) reaches 3:1 against
/// what it is drawn on, and a gradient that is exactly zero has a look of its own.
@Suite struct MarkContrastTests {
    @Test(arguments: ReadabilityTests.samples)
    func everyStrokeReachesThreeToOne(_ sample: String) throws {
        let marks = SVGMarks(try ReadabilityTests.svg(sample)).marks
        #expect(marks.count > 10)
        for m in marks {
            let ratio = SVGPaint.contrast(m.color, m.background)
            #expect(ratio >= 3, "\(sample): \(m.group) (\(m.groupClass)) \(m.color) on \(m.background) is \(ratio):1")
        }
    }

    @Test func everyStrokeOfEveryPassFrameReachesThreeToOne() throws {
        let marks = SVGMarks(try ReadabilityTests.svg("selective_backprop", everyPass: true)).marks
        #expect(marks.contains { $0.groupClass == "cluster pass" })
        for m in marks { #expect(SVGPaint.contrast(m.color, m.background) >= 3, "\(m.group) \(m.color) on \(m.background)") }
    }

    @Test func markColoursReachThreeToOneOnWhiteAndOnClusterFills() {
        let p = Style.Palette.self
        let marks =
            Style.Palette.gradientRamp + [
                p.untraversed, p.zeroGradient, p.passFrame, p.freed, p.detach, p.detachedBorder, p.untrackedBorder,
                p.savedBorder, p.packedBorder, p.regionBorder, p.moduleBorder, p.dataEdge
            ]
        for background in ["#ffffff", p.regionFill, p.moduleFill] {
            for color in marks {
                #expect(SVGPaint.contrast(color, background) >= 3, "\(color) on \(background)")
            }
        }
    }

    @Test func exactlyZeroGradientsAreDashedGreyAndLabelledZero() throws {
        let graph = recordScript(
            """
            import torch
            x = torch.ones(2, requires_grad=True)
            w = torch.ones(1, requires_grad=True)
            y = (x * 0).sum() + (w * 3).sum()
            y.backward()
            """)
        var options = RenderOptions()
        options.showGrads = true
        let svg = try DOTWriter(graph: graph, options: options).render(.svg)
        let document = try #require(SVGDocument.parse(svg))
        let zero = document.ids(withClasses: "edge gradient zero")
        #expect(zero.count == 1, "\(zero)")
        #expect(document.textsByID[zero[0]]?.first == "all 0")
        #expect(document.legendShows(.zeroGradient))
        let text = String(decoding: svg, as: UTF8.self)
        let group = try #require(text.range(of: "<g id=\"\(zero[0])\""))
        let drawn = String(text[group.upperBound...].split(separator: "\n").first { $0.hasPrefix("<path") } ?? "")
        #expect(drawn.contains("stroke=\"\(Style.Palette.zeroGradient)\"") && drawn.contains("stroke-dasharray"), "\(drawn)")
        // The nonzero gradient keeps the blue ramp.
        let blue = document.ids(withClasses: "edge gradient").filter { !zero.contains($0) }
        #expect(!blue.isEmpty)
        #expect(blue.allSatisfy { document.textsByID[$0]?.first != "all 0" && document.textsByID[$0]?.first != "0" })
    }
}
