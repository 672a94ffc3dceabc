import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// A folded loop draws a tensor it updates in place once, with an `updated ×n` badge, and the
/// update as an edge looping back to it, not as a second copy in a two-node cycle.
@Suite struct LoopUpdateTests {
    @Test func aParameterTheLoopUpdatesIsDrawnOnceWithABadge() throws {
        let graph = try recordSample("training_loop")
        let dot = try DOTWriter(graph: graph).dot()
        #expect(dot.contains("loop iterations folded"))
        for name in ["w", "b"] {
            let t = try #require(graph.tensors(named: name).first)
            let svg = try #require(SVGDocument.parse(try DOTWriter(graph: graph).render(.svg)))
            #expect(svg.textsByID["t\(t)"]?.contains("updated ×20") == true, "\(svg.textsByID["t\(t)"] ?? [])")
            #expect(!svg.ids.contains { $0.hasPrefix("fold_t\(t)_v") }, "a second node for \(name)'s versions")
            #expect(svg.classes["t\(t)"]?.contains("updated") == true)
            // The in-place update (`-=` at line 16 or 17, folded) loops back into the parameter.
            let into = dot.split(separator: "\n").filter { $0.contains("-> \"t\(t)\"") }
            #expect(into.count == 1 && into[0].contains("\"fold_op"), "\(into)")
        }
    }

    @Test func unfoldedUpdatesKeepTheirVersions() throws {
        var options = RenderOptions()
        options.unfold = true
        let graph = try recordSample("training_loop")
        let w = try #require(graph.tensors(named: "w").first)
        let dot = try DOTWriter(graph: graph, options: options).dot()
        #expect(dot.contains("\"t\(w)_v20\"") && !dot.contains("updated ×"))
    }
}
