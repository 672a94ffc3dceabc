import Foundation
import Session
import Testing

@testable import GraphModel

/// `nn.Module` calls in the recorded graph: their paths, classes and key sizes, the ops run in
/// them, parameters named by module path, and the `modules` array of the JSON dump.
@Suite struct ModuleRecordingTests {
    static func record(_ source: String) -> Graph {
        ScriptRunner.runRecording(source: source, filename: "m.py", writeOutput: { _ in }, writeError: { _ in }).graph
    }

    static func sample(_ name: String) throws -> Graph {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples/\(name).py")
        return record(try String(contentsOf: url, encoding: .utf8))
    }

    @Test func mlpModuleCallsFormATreePerStep() throws {
        let g = try Self.sample("mlp_module")
        // Three training steps, each calling model, model.fc1, model.relu, model.fc2.
        #expect(g.modules.count == 12)
        let step = Array(g.modules.prefix(4))
        #expect(step.map(\.path) == ["model", "model.fc1", "model.relu", "model.fc2"])
        #expect(step.map(\.className) == ["MLP", "Linear", "ReLU", "Linear"])
        #expect(step.map(\.summary) == ["", "4→8", "", "8→3"])
        #expect(step.map(\.parent) == [nil, 0, 0, 0])
        #expect(step.map(\.title) == ["model: MLP", "fc1: Linear(4→8)", "relu: ReLU", "fc2: Linear(8→3)"])
        // The call of model is on line 25; its children run on line 15 of MLP.forward.
        #expect(step.map(\.line) == [25, 15, 15, 15])
        #expect(step[0].ops.isEmpty)
        #expect(step[1].ops.map { g.ops[$0].name } == ["t", "addmm"])
        #expect(step[2].ops.map { g.ops[$0].name } == ["relu"])
        // Ops inside the library's Linear.forward carry the script's line, not the prelude's.
        #expect(step[1].ops.allSatisfy { g.ops[$0].line == 15 })
        #expect(g.modules[4].parent == nil && g.modules[5].parent == 4 && g.modules[8].parent == nil)
    }

    @Test func parametersAreNamedByModulePath() throws {
        let g = try Self.sample("mlp_module")
        let fc1 = g.modules[1]
        #expect(fc1.parameters.map(\.name) == ["weight", "bias"])
        let weight = g.tensors[fc1.parameters[0].tensor]
        #expect(weight.parameterPath == "model.fc1.weight" && weight.label == "fc1.weight")
        // The optimizer's own variables (`p`, `grad`, ...) name nothing: it is library code.
        let labels = Set(g.tensors.compactMap(\.label))
        #expect(labels == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "x", "target", "logits", "loss"])
        #expect(g.tensors(named: "model.fc2.bias") == g.tensors(named: "fc2.bias"))
        #expect(g.tensors(named: "fc2.bias").count == 1)
    }

    @Test func containersAndDirectCallsGetTheirPaths() {
        let g = Self.record(
            """
            import torch
            import torch.nn as nn
            class Net(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.layers = nn.Sequential(nn.Linear(2, 3), nn.Tanh())
                    self.heads = nn.ModuleList([nn.Linear(3, 1), nn.Linear(3, 1)])
                def forward(self, x):
                    h = self.layers(x)
                    return self.heads[0](h) + self.heads[1](h)
            net = Net()
            x = torch.ones(4, 2)
            y = net(x)
            z = net.heads[1](net.layers(x))
            w = nn.ReLU()(x)
            """)
        #expect(
            g.modules.map(\.path) == [
                "net", "net.layers", "net.layers.0", "net.layers.1", "net.heads.0", "net.heads.1",
                "net.layers", "net.layers.0", "net.layers.1", "net.heads.1", "ReLU"
            ])
        #expect(g.modules.map(\.parent) == [nil, 0, 1, 1, 0, 0, nil, 6, 6, nil, nil])
        #expect(g.modules[2].title == "0: Linear(2→3)")
        let weight = g.tensors[g.modules[4].parameters[0].tensor]
        #expect(weight.parameterPath == "net.heads.0.weight" && weight.label == "heads.0.weight")
    }

    @Test func convolutionsAndNormsSummariseTheirSizes() {
        let g = Self.record(
            """
            import torch
            import torch.nn as nn
            conv = nn.Conv2d(1, 6, 5)
            bn = nn.BatchNorm2d(6)
            norm = nn.LayerNorm([4, 4])
            y = norm(bn(conv(torch.ones(1, 1, 8, 8))))
            """)
        #expect(g.error == nil)
        #expect(g.modules.map(\.title) == ["conv: Conv2d(1→6, 5×5)", "bn: BatchNorm2d(6)", "norm: LayerNorm(4×4)"])
    }

    @Test func jsonWritesTheModulesTreeAndReadsItBack() throws {
        let g = try Self.sample("mlp_module")
        let text = g.json(version: .v2)
        #expect(text.hasPrefix(#"{"schema":"gradscope.graph/2","#))
        #expect(
            text.contains(
                #""modules":[{"id":0,"path":"model","class":"MLP","summary":"","parent":null,"region":null,"line":25,"ops":[],"nodes":[],"parameters":[]},{"id":1,"path":"model.fc1","class":"Linear","summary":"4→8","parent":0,"region":null,"line":15,"ops":[4,5],"nodes":[1,3],"parameters":[{"name":"weight","tensor":1},{"name":"bias","tensor":3}]}"#
            ))
        let read = try Graph(json: text)
        #expect(read.modules == g.modules)
        #expect(read.json(version: .v2) == text)
        let compact = g.json()
        #expect(compact.contains(#""modules":[{"path":"#))
        #expect(try Graph(json: compact).modules == g.modules)
        #expect(read.tensors[1].parameterPath == "model.fc1.weight")
        // Without module calls there is no `modules` key.
        #expect(!Self.record("import torch\nx = torch.ones(2) * 2").json().contains(#""modules""#))
    }

    @Test func textDumpListsTheModuleCalls() throws {
        let text = try Self.sample("mlp_module").textDump()
        #expect(
            text.contains(
                "modules:\n  m0 line 25 model: MLP\n"
                    + "  m1 line 15 model.fc1: Linear(4→8) in m0 ops op4 op5 params weight=t1 bias=t3\n"
                    + "  m2 line 15 model.relu: ReLU in m0 ops op6\n"))
    }

    @Test func decodingChecksTheTree() throws {
        let text = try Self.sample("mlp_module").json(version: .v2)
        let badParent = text.replacingOccurrences(
            of: #""path":"model","class":"MLP","summary":"","parent":null"#,
            with: #""path":"model","class":"MLP","summary":"","parent":3"#)
        #expect(throws: GraphJSONError.self) { try Graph(json: badParent) }
        let badOp = text.replacingOccurrences(of: #""ops":[4,5]"#, with: #""ops":[4,500]"#)
        #expect(throws: GraphJSONError.self) { try Graph(json: badOp) }
    }
}
