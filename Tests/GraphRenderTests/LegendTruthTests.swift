import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// The legend and the styles explain only what is in the picture, and `--at` only lines that ran.
@Suite struct LegendTruthTests {
    @Test func theLegendInventsNoExample() throws {
        let dot = try DOTWriter(graph: try recordSample("no_grad")).dot()
        let text = try #require(dot.split(separator: "\n").first { $0.contains("class=\"legend\"") })
        // The region entry names no lines the script does not have; the no-gradient entry makes
        // no claim about why (here w1's use ran under no_grad: there is a path, cut by the region).
        #expect(text.contains("legend_gradModeRegion") && !text.contains("lines 3–5"))
        #expect(text.contains("legend_noGradientLeaf") && !text.contains("no path from the root"))
        #expect(text.contains(Legend.caption(for: .noGradientLeaf)))
    }

    @Test func whatNoGradMadeIsNotDrawnAsADetachedBranch() throws {
        let graph = try recordSample("no_grad")
        let h = try #require(graph.tensors(named: "h").first)
        let dot = try DOTWriter(graph: graph).dot()
        let node = try #require(dotNodeStatement(dot, "t\(h)"))
        #expect(!node.contains("detached"), "\(node)")
        #expect(!dot.contains("legend_detached"))
        // A real detach still is.
        let detach = try DOTWriter(graph: try recordSample("selective_backprop")).dot()
        #expect(try #require(dotNodeStatement(detach, "t12")).contains("class=\"detached\""))
    }

    @Test func atALineThatNeverRanIsAnErrorNamingTheLastLine() throws {
        let graph = try recordSample("tutorial")
        var options = RenderOptions()
        options.at = 40
        for g in [graph, try Graph(json: graph.json())] {
            do {
                _ = try DOTWriter(graph: g, options: options).dot()
                Issue.record("--at 40 drew a picture")
            } catch let e as RenderError {
                #expect("\(e)".contains("--at 40: the script never ran line 40; the last line that ran was 22"), "\(e)")
            }
        }
        // Line 4 is blank: it never ran either. Line 13 did.
        options.at = 4
        #expect(throws: RenderError.self) { try DOTWriter(graph: graph, options: options).dot() }
        options.at = 13
        #expect(try DOTWriter(graph: graph, options: options).dot().contains("after line 13 ran"))
    }
}
