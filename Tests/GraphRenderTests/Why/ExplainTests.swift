import Foundation
import GraphRender
import Session
import Testing

@testable import GraphModel

/// `gradscope why`'s analysis over the samples: reasons with their lines, paths, and findings.
@Suite struct ExplainTests {
    static let samples = samplesDirectory

    /// Runs a sample (or inline source) with a recorder; returns the graph and the source.
    static func record(sample name: String) throws -> (Graph, String) {
        let source = try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8)
        return (record(source: source, filename: name), source)
    }

    static func record(source: String, filename: String = "x.py") -> Graph {
        ScriptRunner.runRecording(source: source, filename: filename, writeOutput: { _ in }, writeError: { _ in }).graph
    }

    static func explain(_ g: Graph, _ name: String, options: ExplainOptions = ExplainOptions()) throws -> TensorExplanation {
        let found = g.tensors(named: name)
        #expect(found.count == 1, "one tensor named \(name)")
        return try #require(g.explain(found, options: options).first)
    }

    /// `ExplainOptions.passes` explains only the passes it names (the viewer's bound on long loops).
    @Test func onlyTheChosenPassesAreExplained() throws {
        let (g, _) = try Self.record(sample: "selective_backprop.py")
        #expect(try Self.explain(g, "xvar").passes.map(\.pass) == [0, 1, 2])
        var options = ExplainOptions()
        options.passes = 1..<3
        #expect(try Self.explain(g, "xvar", options: options).passes.map(\.pass) == [1, 2])
    }

    /// One analysis answers both `why` and the dump's gradient flow: a parameter whose value
    /// reaches the loss only through a tensor detached and then made to require grad is cut
    /// there, not unused.
    @Test func historyOfADetachedLeafIsCutAtTheDetach() throws {
        let source = """
            import torch
            a = torch.tensor([1., 2.], requires_grad=True)
            out = a * 2
            d = out.detach()
            d.requires_grad_()
            (d * 3).sum().backward()
            """
        let g = Self.record(source: source)
        let a = try Self.explain(g, "a")
        #expect(a.passes.first?.reason == .cut)
        #expect(a.passes.first?.cuts.map(\.line) == [4])
        #expect(g.gradientFlow(to: g.tensors(named: "a")[0], in: 0)?.blocked == .detached(line: 4, kind: .detach))
        #expect(
            g.whyText([a], source: source).contains(
                "its use at line 3 (`out = a * 2`) reaches the loss only through out, detached at line 4 (`d = out.detach()`)"))
    }

    @Test func selectiveBackpropExplainsTheDetachedBranches() throws {
        let (g, source) = try Self.record(sample: "selective_backprop.py")
        let e = try Self.explain(g, "xvar")
        #expect(e.passes.map(\.arrived) == [true, true, true])
        #expect(e.passes.map { $0.gradient?.values } == [[50], [70], [-20]])
        #expect(e.passes[0].paths.count == 2 && e.passes[0].cuts.isEmpty)
        // (2): only the out2 branch, the out1 use at line 19 was detached at line 21.
        #expect(e.passes[1].paths.count == 1)
        #expect(
            e.passes[1].paths[0].map { g.nodes[$0.node].name } == [
                "PowBackward0", "SubBackward0", "MulBackward0", "AccumulateGrad"
            ])
        #expect(e.passes[1].paths[0].dropLast().map { g.nodes[$0.node].line } == [22, 22, 20])
        #expect(e.passes[1].cuts.map(\.line) == [21])
        #expect(e.passes[1].cuts.map { $0.use.map { g.ops[$0].line } } == [19])
        // (3): the out2 use at line 28, detached at line 29.
        #expect(e.passes[2].cuts.map(\.line) == [29])
        #expect(e.passes[2].cuts.map { $0.use.map { g.ops[$0].line } } == [28])
        #expect(e.findings.isEmpty, "the script zeroes .grad between passes")
        let text = g.whyText([e], source: source)
        #expect(
            text.contains(
                "not through: its use at line 19 (`out1 = xvar * y1`) reaches the loss only through out1, detached at line 21 (`out1 = out1.detach()`)"
            ))
        #expect(
            text.contains(
                "not through: its use at line 28 (`out2 = xvar * y2`) reaches the loss only through out2, detached at line 29 (`out2 = out2.detach()`)"
            ))
    }

    @Test func noGradSampleNamesTheBlockAndTheUse() throws {
        let (g, source) = try Self.record(sample: "no_grad.py")
        let w1 = try Self.explain(g, "w1")
        #expect(w1.passes.count == 1 && !w1.passes[0].arrived)
        #expect(w1.passes[0].reason == .cut)
        let cut = try #require(w1.passes[0].cuts.first)
        #expect(cut.line == 10)
        guard case .noGrad(let o) = cut.kind else {
            Issue.record("expected a no_grad cut")
            return
        }
        #expect(g.ops[o].region.map { g.regions[$0].startLine } == 9)
        #expect(
            g.whyText([w1], source: source).contains(
                "no gradient: its use at line 10 (`h = x @ w1`) ran under no_grad opened at line 9 (`with torch.no_grad():`)"))
        let w2 = try Self.explain(g, "w2")
        #expect(w2.passes[0].gradient?.values == [8, -2.5])
    }

    @Test func moduleParametersAreNamedByTheirModulePath() throws {
        let (g, source) = try Self.record(sample: "mlp_module.py")
        let weight = try Self.explain(g, "fc1.weight")
        #expect(g.tensors(named: "model.fc1.weight") == [weight.tensor])
        let text = g.whyText([weight], source: source)
        #expect(
            text.hasPrefix(
                "model.fc1.weight: parameter of model.fc1 (Linear(4→8)), leaf tensor that requires grad, made at line 10\n"))
        #expect(text.contains("path (from the output down to model.fc1.weight):"))
        #expect(text.contains("└─ AddmmBackward0 line 15 in model.fc1  ← "))
        #expect(text.contains("└─ model.fc1.weight (AccumulateGrad)  ← "))
    }

    @Test func aModuleRunUnderNoGradIsNamedInTheReason() throws {
        let source = """
            import torch
            import torch.nn as nn
            model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
            x = torch.ones(2, 3)
            with torch.no_grad():
                h = model[1](model[0](x))
            loss = model[2](h).sum()
            loss.backward()
            """
        let g = Self.record(source: source)
        let bias = try Self.explain(g, "model.0.bias")
        #expect(
            g.whyText([bias], source: source).contains(
                "model.0.bias: parameter of model.0 (Linear(3→4)), leaf tensor that requires grad, made at line 3\n"
                    + "  backward at line 8 (b0): no gradient: its use in model.0 at line 6 "
                    + "(`h = model[1](model[0](x))`) ran under no_grad opened at line 5 (`with torch.no_grad():`)"))
    }

    @Test func deadReluReportsZeroGradientAtTheRelu() throws {
        let (g, source) = try Self.record(sample: "dead_relu.py")
        for name in ["w", "b"] {
            let e = try Self.explain(g, name)
            #expect(e.passes[0].gradient?.isZero == true)
            guard case .zeroGradient(let n?)? = e.passes[0].findings.first else {
                Issue.record("expected a zero-gradient finding for \(name)")
                continue
            }
            #expect(g.nodes[n].name == "ReluBackward0" && g.nodes[n].line == 9)
            #expect(
                g.whyText([e], source: source).contains(
                    "ReluBackward0 (line 9: `h = torch.relu(x @ w + b)`) received a non-zero gradient and passed on zeros (a dead ReLU"
                ))
        }
    }

    @Test func nanSampleNamesTheProducingNodes() throws {
        let (g, _) = try Self.record(sample: "nan_grad.py")
        let x = try Self.explain(g, "x")
        guard case .nonFinite(let nan, _, let firstNaN?, _)? = x.passes[0].findings.first else {
            Issue.record("expected a non-finite finding for x")
            return
        }
        #expect(nan == 1)
        #expect(g.nodes[firstNaN].name == "MulBackward0" && g.nodes[firstNaN].line == 10)
        #expect(x.findings.isEmpty, "a NaN gradient stored into an empty .grad is not an accumulation")
        let p = try Self.explain(g, "p")
        guard case .nonFinite(2, _, let pNaN?, let pInf?)? = p.passes[0].findings.first else {
            Issue.record("expected two NaN values for p")
            return
        }
        #expect(g.nodes[pInf].name == "SqrtBackward0")
        #expect(g.nodes[pNaN].name == "PowBackward0")
    }

    @Test func forgottenZeroGradIsFlagged() throws {
        let (g, source) = try Self.record(sample: "forgot_zero_grad.py")
        let w = try Self.explain(g, "w")
        #expect(w.findings == [.accumulated(passes: [1, 2, 3, 4, 5])])
        #expect(g.whyText([w], source: source).contains("w.grad was not zeroed between backward passes"))
        let (zeroed, _) = try Self.record(sample: "training_loop.py")
        #expect(zeroed.explain(zeroed.explainTargets).allSatisfy { $0.findings.isEmpty })
    }

    @Test func freedGraphNotAnInputAndHooks() throws {
        let (g, _) = try Self.record(sample: "retain_graph_hooks.py")
        let x = try Self.explain(g, "x")
        #expect(x.passes[2].reason == .graphFreed(pass: 1, line: 12))
        #expect(x.passes[3].reason == .notAnInput)
        #expect(x.passes[4].reason == .notUsed)
        let v = try Self.explain(g, "v")
        #expect(v.passes.first { $0.pass == 4 }?.findings.contains { $0.keyword == "hook_replaced" } == true)
    }

    @Test func inPlaceChangeOfASavedTensorIsNamed() throws {
        let (g, _) = try Self.record(sample: "detach.py")
        let a = try Self.explain(g, "a")
        guard case .passFailed(let e)? = a.passes[0].reason else {
            Issue.record("expected the failed pass as the reason")
            return
        }
        #expect(e.line == 18 && e.message.hasPrefix("one of the variables needed"))
        guard case .savedModified(let n, _, let inv, 0)? = a.passes[0].findings.first else {
            Issue.record("expected the in-place change")
            return
        }
        #expect(g.nodes[n].name == "SigmoidBackward0" && inv.line == 16 && inv.version == 1)
    }

    @Test func requiresGradFalseAndUnusedAndGradReads() throws {
        let g = Self.record(
            source: """
                import torch
                a = torch.ones(2, requires_grad=True)
                c = torch.ones(2)
                u = torch.ones(2, requires_grad=True)
                l = (a * c).sum()
                l.backward()
                print(c.grad)
                """)
        let ids = ["a", "c", "u"].map { g.tensors(named: $0)[0] }
        #expect(g.explainTargets == ids.sorted(), "parameters and the tensor whose .grad was read")
        let e = g.explain(ids)
        #expect(e[0].passes[0].gradient?.values == [1, 1])
        #expect(e[1].passes[0].reason == .requiresGradFalse(line: 3))
        #expect(e[2].passes[0].reason == .notUsed)
    }

    @Test func thresholdsFlagExplodingAndVanishing() throws {
        let (g, _) = try Self.record(sample: "tutorial.py")
        var options = ExplainOptions()
        options.explodingAbove = 1
        let loud = try Self.explain(g, "x", options: options)
        #expect(loud.passes[0].findings == [.exploding(norm: 9, threshold: 1)])
        options = ExplainOptions()
        options.vanishingBelow = 100
        let quiet = try Self.explain(g, "x", options: options)
        #expect(quiet.passes[0].findings == [.vanishing(norm: 9, threshold: 100)])
    }

    @Test func jsonCarriesReasonsCutsAndSentences() throws {
        let (g, source) = try Self.record(sample: "no_grad.py")
        let json = g.whyJSON(g.explain(g.explainTargets), source: source)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "gradscope.why/1")
        let tensors = try #require(object["tensors"] as? [[String: Any]])
        #expect(tensors.map { $0["name"] as? String } == ["w1", "w2"])
        let pass = try #require((tensors[0]["passes"] as? [[String: Any]])?.first)
        #expect(pass["arrived"] as? Bool == false)
        #expect((pass["reason"] as? [String: Any])?["kind"] as? String == "cut")
        let cut = try #require((pass["cuts"] as? [[String: Any]])?.first)
        #expect(cut["kind"] as? String == "no_grad" && cut["line"] as? Int == 10)
        #expect((cut["text"] as? String)?.contains("opened at line 9") == true)
    }
}
