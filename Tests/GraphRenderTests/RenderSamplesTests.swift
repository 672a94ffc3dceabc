import Foundation
import GraphModel
import Testing

@testable import GraphRender

@Suite struct RenderSamplesTests {
    static let samples = [
        "selective_backprop", "retain_graph_hooks", "training_loop", "tutorial", "detach", "requires_grad", "mlp_module"
    ]

    /// Every sample renders to SVG, PNG and PDF; set GRADSCOPE_RENDER_DIR to keep the PNGs.
    @Test(arguments: samples)
    func sampleRendersInEveryFormat(_ name: String) throws {
        let graph = try recordSample(name)
        var options = RenderOptions()
        options.showGrads = true
        options.showSaved = true
        let writer = DOTWriter(graph: graph, options: options)
        let png = try writer.render(.png)
        let size = try #require(pngSize(png))
        #expect(size.width > 200 && size.width < 20_000 && size.height > 100 && size.height < 20_000, "\(size)")
        #expect(try writer.render(.pdf).starts(with: Array("%PDF".utf8)))
        let svg = try #require(SVGDocument.parse(try writer.render(.svg)), "SVG is not well-formed XML")
        #expect(svg.ids.contains("legend"))
        #expect(!svg.ids(withClasses: "node tensor").isEmpty && !svg.ids(withClasses: "node op").isEmpty)
        // Every drawn node and edge carries a tooltip.
        let drawn = svg.classes.filter { id, cls in
            (cls.hasPrefix("node") || cls.hasPrefix("edge")) && !id.contains("legend") && !id.hasPrefix("gradscope_")
        }
        #expect(svg.titles.count >= drawn.count)
        if let dir = ProcessInfo.processInfo.environment["GRADSCOPE_RENDER_DIR"] {
            try AtomicFileWriter.write(png, to: dir + "/" + name + ".png")
        }
    }

    @Test func selectiveBackpropShowsTheDetachedBranch() throws {
        var options = RenderOptions()
        options.showGrads = true
        let svg = try #require(
            SVGDocument.parse(try DOTWriter(graph: try recordSample("selective_backprop"), options: options).render(.svg)))
        // out1 detached at line 21 (t12) and out2 at line 29 (t18): faded, behind detach edges.
        #expect(svg.ids(withClasses: "detached").contains("t12") && svg.ids(withClasses: "detached").contains("t18"))
        #expect(svg.ids.contains("e_t10_t12_0") && svg.classes["e_t10_t12_0"]?.contains("detach") == true)
        #expect(svg.texts.contains("detach · line 21") && svg.texts.contains("detach · line 29"))
        for role in [StyleRole.parameterLeaf, .backwardRoot, .detached, .detachEdge, .gradientEdge] {
            #expect(svg.legendShows(role), "legend entry \(role)")
        }
        #expect(!svg.legendShows(.savedFreed) && !svg.legendShows(.gradModeRegion))
        // Only the last pass's gradients (-20 reaches xvar); the 70 of the line-23 pass is not drawn.
        #expect(svg.texts.contains("-20") && !svg.texts.contains("70"))
        #expect(svg.ids.contains("cluster_pass_0") && svg.ids.contains("cluster_pass_2"))
    }

    @Test func retainGraphShowsRetainedThenFreedBuffers() throws {
        let graph = try recordSample("retain_graph_hooks")
        var options = RenderOptions()
        options.showSaved = true
        options.at = 11
        let before = try #require(SVGDocument.parse(try DOTWriter(graph: graph, options: options).render(.svg)))
        #expect(before.ids(withClasses: "saved retained").count == 3)
        #expect(before.ids(withClasses: "saved freed").isEmpty)
        #expect(before.texts.contains("kept by retain_graph · line 10"))
        options.at = nil
        let after = try #require(SVGDocument.parse(try DOTWriter(graph: graph, options: options).render(.svg)))
        #expect(after.ids(withClasses: "saved retained").isEmpty)
        #expect(after.ids(withClasses: "saved freed").count >= 3)
        #expect(after.texts.contains("freed by backward · line 12"))
        #expect(after.legendShows(.savedFreed) && !after.legendShows(.savedRetained))
    }

    @Test func regionsInvalidatedBuffersAndMissingGradients() throws {
        let tutorial = try DOTWriter(graph: try recordSample("tutorial")).dot()
        #expect(tutorial.contains("subgraph \"cluster_region_0\"") && tutorial.contains("no_grad · lines 18–19"))
        var options = RenderOptions()
        options.showSaved = true
        let detach = try DOTWriter(graph: try recordSample("detach"), options: options).dot()
        #expect(detach.contains("class=\"saved invalidated\"") && detach.contains("saved v0 · now v1"))
        #expect(detach.contains("class=\"tensor leaf parameter nograd\""))
        #expect(detach.contains("the script raised RuntimeError at line 18"))
    }

    @Test func dotIsDeterministic() throws {
        var options = RenderOptions()
        options.showGrads = true
        options.showSaved = true
        for name in Self.samples {
            let a = try DOTWriter(graph: try recordSample(name), options: options).dot()
            let b = try DOTWriter(graph: try recordSample(name), options: options).dot()
            #expect(a == b, "\(name)")
        }
    }

    @Test func renderFromJSONEqualsRenderFromScript() throws {
        var options = RenderOptions()
        options.showGrads = true
        options.showSaved = true
        for name in Self.samples {
            let graph = try recordSample(name)
            let read = try Graph(json: graph.json())
            #expect(try DOTWriter(graph: read, options: options).dot() == DOTWriter(graph: graph, options: options).dot())
        }
    }

    @Test func badOptionsAreErrors() throws {
        var options = RenderOptions()
        options.pass = 7
        #expect(throws: RenderError.self) { try DOTWriter(graph: try recordSample("tutorial"), options: options).dot() }
        options.pass = 1
        let dot = try DOTWriter(graph: try recordSample("tutorial"), options: options).dot()
        #expect(dot.contains("backward at line 15"))
        var noLegend = RenderOptions()
        noLegend.legend = false
        #expect(!(try DOTWriter(graph: try recordSample("tutorial"), options: noLegend).dot()).contains("cluster_legend"))
    }
}
