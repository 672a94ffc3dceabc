import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// `nn.Module` calls in pictures: nested clusters labelled with path and class, `--depth`
/// collapsing calls into single nodes, and repeated calls folded with loop iterations.
@Suite struct ModuleRenderTests {
    /// Every call drawn: mlp_module's three identical steps would otherwise fold into one loop box.
    static var unfolded: RenderOptions {
        var options = RenderOptions()
        options.unfold = true
        return options
    }

    static func svg(_ graph: Graph, depth: Int? = nil) throws -> SVGDocument {
        var options = unfolded
        options.depth = depth
        return try #require(SVGDocument.parse(try DOTWriter(graph: graph, options: options).render(.svg)))
    }

    @Test func moduleCallsAreNestedClustersLabelledWithPathAndClass() throws {
        let graph = try recordSample("mlp_module")
        let svg = try Self.svg(graph)
        for label in ["model: MLP", "fc1: Linear(4→8)", "relu: ReLU", "fc2: Linear(8→3)"] {
            #expect(svg.texts.contains(label), "cluster label \(label)")
        }
        // One cluster per call: three steps of model, fc1, relu, fc2.
        #expect(svg.ids(withClasses: "cluster module").count == 12)
        #expect(svg.legendShows(.moduleCall) && !svg.legendShows(.collapsedModule))
        // fc1's ops are drawn, inside fc1's cluster, which is inside model's.
        let dot = try DOTWriter(graph: graph, options: Self.unfolded).dot()
        let lines = dot.split(separator: "\n").map(String.init)
        func line(_ prefix: String) throws -> Int {
            try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }, "\(prefix)")
        }
        let model = try line(#"subgraph "cluster_module_0""#)
        let fc1 = try line(#"subgraph "cluster_module_1""#)
        let addmm = try line(#""op5" "#)
        #expect(model < fc1 && fc1 < addmm)
        #expect(lines[fc1].prefix { $0 == " " }.count > lines[model].prefix { $0 == " " }.count)
        #expect(lines[addmm].prefix { $0 == " " }.count > lines[fc1].prefix { $0 == " " }.count)
        // Parameters are named by module path.
        #expect(svg.texts.contains("fc1.weight") && svg.texts.contains("fc2.bias"))
    }

    @Test func depthOneCollapsesTheLayersIntoNodes() throws {
        let graph = try recordSample("mlp_module")
        let svg = try Self.svg(graph, depth: 1)
        // model stays a cluster; fc1, relu and fc2 are one node each.
        #expect(svg.ids(withClasses: "cluster module").count == 3)
        #expect(svg.ids.contains("cluster_module_0") && !svg.ids.contains("cluster_module_1"))
        #expect(svg.ids(withClasses: "node module collapsed").count == 9)
        #expect(svg.classes["module1"]?.contains("collapsed") == true)
        #expect(svg.texts.contains("fc1: Linear(4→8)") && svg.texts.contains("model.fc1"))
        // The ops inside the layers are gone; their data flow goes through the collapsed nodes.
        for call in graph.modules where call.parent != nil {
            for op in call.ops { #expect(!svg.ids.contains("op\(op)"), "op \(op) of \(call.path)") }
        }
        #expect(svg.ids.contains("e_module1_module2_0") && svg.ids.contains("e_module2_module3_1"))
        // What feeds the layers and what they make stays: the input, the parameters, logits.
        #expect(svg.ids.contains("e_t8_module1_1") && svg.ids.contains("e_module3_t14_0"))
        #expect(svg.texts.contains("fc1.weight") && svg.texts.contains("logits"))
        #expect(svg.legendShows(.collapsedModule))
    }

    @Test func depthZeroDrawsEachCallOfTheModelAsOneNode() throws {
        let svg = try Self.svg(try recordSample("mlp_module"), depth: 0)
        #expect(svg.ids(withClasses: "cluster module").isEmpty)
        #expect(svg.ids(withClasses: "node module collapsed").count == 3)
        #expect(svg.texts.contains("model: MLP"))
    }

    @Test func repeatedCallsFoldLikeLoopIterations() throws {
        var builder = try SceneBuilder(graph: try recordSample("mlp_module"), options: RenderOptions())
        let folded = builder.build().folded()
        let modules = folded.clusters.filter { $0.module != nil }
        #expect(modules.map(\.label) == ["model: MLP ×3", "fc1: Linear(4→8) ×3", "relu: ReLU ×3", "fc2: Linear(8→3) ×3"])
        // Each folded cluster sits in the folded cluster of the call around it.
        #expect(modules.dropFirst().allSatisfy { $0.parent.map { folded.clusters[$0].label } == "model: MLP ×3" })
    }

    @Test func regionsNestInsideAndAroundModuleCalls() throws {
        let graph = recordScript(
            """
            import torch
            import torch.nn as nn
            class Scaled(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.fc = nn.Linear(2, 2)
                def forward(self, x):
                    with torch.no_grad():
                        s = x.abs().max()
                    return self.fc(x) / s
            model = Scaled()
            x = torch.ones(3, 2)
            y = model(x)
            with torch.no_grad():
                z = model(x)
            """)
        #expect(graph.modules.map(\.path) == ["model", "model.fc", "model", "model.fc"])
        var builder = try SceneBuilder(graph: graph, options: RenderOptions())
        let scene = builder.build()
        func cluster(of call: Int) throws -> Int { try #require(scene.clusters.firstIndex { $0.module == call }) }
        // The no_grad the forward opens is drawn inside the call's cluster...
        let first = try cluster(of: 0)
        #expect(scene.clusters.contains { $0.isRegion && $0.parent == first && $0.label == "no_grad · lines 8–9" })
        #expect(scene.clusters[first].parent == nil)
        // ...and a call made under no_grad is drawn inside that region's cluster.
        let second = try cluster(of: 2)
        let around = try #require(scene.clusters[second].parent)
        #expect(scene.clusters[around].isRegion && scene.clusters[around].label == "no_grad · lines 14–15")
        #expect(scene.clusters.contains { $0.isRegion && $0.parent == second && $0.label == "no_grad · lines 8–9" })
    }

    /// A tensor the model's own forward makes and uses (not a layer's) is drawn in the model's
    /// cluster, in-place versions too; the forward's result, used outside, is drawn outside it.
    @Test func intermediatesOfAForwardStayInItsCluster() throws {
        let graph = recordScript(
            """
            import torch
            import torch.nn as nn
            class Gate(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.fc = nn.Linear(3, 3)
                def forward(self, x):
                    g = self.fc(x)
                    b = g * 2
                    g = g.sigmoid_()
                    return g + b
            model = Gate()
            y = model(torch.ones(2, 3))
            loss = y.sum()
            """)
        var builder = try SceneBuilder(graph: graph, options: RenderOptions())
        let scene = builder.build()
        let model = try #require(scene.clusters.firstIndex { $0.module == 0 })
        func cluster(ofTensorNamed name: String, version: Int = 0) throws -> Int? {
            let t = try #require(graph.tensors.indices.first { graph.tensors[$0].names.first == name })
            let id = version == 0 ? "t\(t)" : "t\(t)_v\(version)"
            return try #require(scene.nodes.first { $0.id == id }).cluster
        }
        #expect(try cluster(ofTensorNamed: "b") == model)
        #expect(try cluster(ofTensorNamed: "g", version: 1) == model)
        #expect(try cluster(ofTensorNamed: "y") == nil)
    }

    @Test func picturesWithModulesAreDeterministic() throws {
        let first = try DOTWriter(graph: try recordSample("mlp_module")).dot()
        let second = try DOTWriter(graph: try recordSample("mlp_module")).dot()
        #expect(first == second)
        var options = RenderOptions()
        options.depth = 1
        #expect(
            try DOTWriter(graph: try recordSample("mlp_module"), options: options).dot()
                == DOTWriter(graph: try recordSample("mlp_module"), options: options).dot())
    }
}
