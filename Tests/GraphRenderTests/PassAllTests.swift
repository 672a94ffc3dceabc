import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// `--pass all`: one frame per backward pass, in call order, titled with the pass and its line,
/// holding only the ops that pass ran, with that pass's gradients.
@Suite struct PassAllTests {
    static func options(showGrads: Bool = true) -> RenderOptions {
        var options = RenderOptions()
        options.everyPass = true
        options.showGrads = showGrads
        return options
    }

    @Test func selectiveBackpropGetsOneFramePerPassInCallOrder() throws {
        let graph = try recordSample("selective_backprop")
        let dot = try DOTWriter(graph: graph, options: PassAllTests.options()).dot()
        let frames = ["cluster_pass_0", "cluster_pass_1", "cluster_pass_2"]
        for frame in frames { #expect(dot.contains("subgraph \"\(frame)\" {")) }
        for (p, line) in [(0, 15), (1, 23), (2, 31)] {
            #expect(dot.contains("label=\"pass \(p): backward at line \(line)\""))
        }
        // Pass 1 (line 23) never ran `mul` at line 19 (out1 was detached at line 21).
        let members = dotClusterMembers(dot, "cluster_pass_1")
        let statements = members.compactMap { dotNodeStatement(dot, $0) }
        #expect(statements.contains { $0.contains("line 20") } && statements.contains { $0.contains("line 22") })
        #expect(!statements.contains { $0.contains("line 19") } && !statements.contains { $0.contains("line 27") }, "\(members)")
        #expect(members.allSatisfy { $0.hasPrefix("p1_") })
    }

    @Test func eachFrameCarriesItsOwnPassGradients() throws {
        let writer = DOTWriter(graph: try recordSample("selective_backprop"), options: PassAllTests.options())
        let svg = try #require(SVGDocument.parse(try writer.render(.svg)))
        let gradients = svg.ids(withClasses: "edge gradient")
        #expect(!gradients.isEmpty)
        for p in 0..<3 {
            let framed = gradients.filter { $0.hasPrefix("p\(p)_") }
            #expect(!framed.isEmpty, "pass \(p) draws gradients")
            for edge in framed { #expect(svg.textsByID[edge]?.last?.hasPrefix("pass \(p) (line") == true, "\(edge)") }
        }
        // 50 = 70 - 20 only in pass 0; 70 reaches xvar in pass 1, -20 in pass 2.
        #expect(svg.textsByID.filter { $0.key.hasPrefix("p1_") }.values.contains { $0.first == "70" })
        #expect(svg.textsByID.filter { $0.key.hasPrefix("p2_") }.values.contains { $0.first == "-20" })
        #expect(!svg.textsByID.filter { $0.key.hasPrefix("p1_") }.values.contains { $0.first == "-20" })
        #expect(svg.texts.contains { $0.hasPrefix("--pass all: each backward pass in a frame of its own") })
    }

    @Test func tutorialFramesHoldOnlyWhatEachPassRan() throws {
        let dot = try DOTWriter(graph: try recordSample("tutorial"), options: PassAllTests.options()).dot()
        // Pass 1 is `y.backward(x)` at line 15: only the add at line 7 ran.
        let second = dotClusterMembers(dot, "cluster_pass_1").compactMap { dotNodeStatement(dot, $0) }
        #expect(second.contains { $0.contains("AddBackward0") })
        #expect(!second.contains { $0.contains("MulBackward0") || $0.contains("MeanBackward0") })
        let first = dotClusterMembers(dot, "cluster_pass_0").compactMap { dotNodeStatement(dot, $0) }
        #expect(first.contains { $0.contains("MeanBackward0") } && first.contains { $0.contains("AddBackward0") })
        #expect(!dot.contains("no grad_fn"), "ops no pass ran are left out")
    }

    @Test func aScriptWithoutBackwardSaysSo() throws {
        let graph = recordScript(
            """
            import torch
            x = torch.ones(2, requires_grad=True)
            y = (x * 2).sum()
            """)
        do {
            _ = try DOTWriter(graph: graph, options: PassAllTests.options()).dot()
            Issue.record("--pass all drew a script without backward")
        } catch let e as RenderError {
            #expect(e.kind == .invalidOptions)
            #expect(e.message.contains("--pass all: no backward pass ran"), "\(e)")
        }
    }

    @Test func overTheBudgetTheLatestPassesAreDrawnAndTheRestNamed() throws {
        var options = PassAllTests.options()
        options.maxNodes = 12
        let dot = try DOTWriter(graph: try recordSample("selective_backprop"), options: options).dot()
        #expect(dot.contains("subgraph \"cluster_pass_2\"") && !dot.contains("subgraph \"cluster_pass_0\""))
        #expect(dot.contains("passes 0–1 left out to stay within --max-nodes 12"))
    }

    @Test func theDOTIsDeterministic() throws {
        let graph = try recordSample("retain_graph_hooks")
        var options = PassAllTests.options()
        options.showSaved = true
        #expect(try DOTWriter(graph: graph, options: options).dot() == DOTWriter(graph: graph, options: options).dot())
    }

    @Test func everyFormatRenders() throws {
        let writer = DOTWriter(graph: try recordSample("retain_graph_hooks"), options: PassAllTests.options())
        #expect(try writer.render(.png).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try writer.render(.pdf).starts(with: Array("%PDF".utf8)))
        #expect(SVGDocument.parse(try writer.render(.svg)) != nil)
    }
}
