import GraphModel
import Testing

@testable import GraphRender

/// Backward frames appear left to right in time order, whatever order Graphviz would pick on
/// its own (it depends on where cgraph allocated the cluster names: a test process and the CLI
/// drew the same DOT differently).
@Suite struct TimeOrderTests {
    /// The left edge of each backward frame, by pass number (the first pass a frame holds).
    static func frameLefts(_ svg: [UInt8]) -> [(pass: Int, left: Double)] {
        SVGMarks(svg).clusters.compactMap { id, c -> (Int, Double)? in
            guard let range = id.range(of: "cluster_pass_"), let p = Int(id[range.upperBound...]) else { return nil }
            return (p, c.box.minX)
        }.sorted { $0.0 < $1.0 }
    }

    static func svg(_ sample: String, everyPass: Bool, layout: RenderOptions.Layout? = nil) throws -> [UInt8] {
        var options = RenderOptions()
        options.showGrads = true
        options.showSaved = true
        options.everyPass = everyPass
        options.layout = layout
        return try DOTWriter(graph: try recordSample(sample), options: options).render(.svg)
    }

    @Test(arguments: [("selective_backprop", false, 3), ("selective_backprop", true, 3), ("training_loop", true, 20)])
    func framesRunLeftToRightInPassOrder(_ sample: String, everyPass: Bool, frames: Int) throws {
        let lefts = TimeOrderTests.frameLefts(try TimeOrderTests.svg(sample, everyPass: everyPass))
        #expect(lefts.map(\.pass) == Array(0..<frames))
        for (earlier, later) in zip(lefts, lefts.dropFirst()) {
            #expect(
                earlier.left < later.left,
                "\(sample): pass \(earlier.pass) at x \(earlier.left), pass \(later.pass) at \(later.left)")
        }
    }

    @Test func theAnchorsAreInvisibleAndOnlyForDot() throws {
        var options = RenderOptions()
        options.everyPass = true
        let graph = try recordSample("selective_backprop")
        let dot = try DOTWriter(graph: graph, options: options).dot()
        #expect(dot.contains("\"time_order_0\" -> \"time_order_1\" -> \"time_order_2\" [style=invis];"))
        #expect(dot.contains("\"p2_t20\" -> \"time_order_2\" [style=invis, weight=10];"))
        options.layout = .sfdp
        #expect(!(try DOTWriter(graph: graph, options: options).dot()).contains("time_order"))
        let single = try DOTWriter(graph: try recordSample("dead_relu")).dot()
        #expect(!single.contains("time_order"), "one pass: nothing to order")
    }
}
