import Session
import Testing

@testable import GraphModel

/// Records that the capture of the same script under real PyTorch has too
/// (docs/capture-crosscheck.md, "Fixed in this branch").
@Suite struct CaptureAgreementTests {
    static func record(_ source: String) -> Graph {
        ScriptRunner.runRecording(source: source, filename: "c.py", writeOutput: { _ in }, writeError: { _ in }).graph
    }

    @Test func aSavedTensorChangedInPlaceAfterItsGraphIsGoneIsInvalidated() {
        let g = Self.record(
            "import torch\nw = torch.ones(2, requires_grad=True)\nprint(w.sin().sum())\n"
                + "with torch.no_grad():\n    w.add_(1)\n")
        let dump = g.textDump()
        #expect(dump.contains("n1 SinBackward0 line 3 -> (n0) self=[2] v0 [invalidated 8 B at line 5]"), "\(dump)")
    }

    @Test func aBufferFreedByBackwardStaysFreedAfterAnInPlaceChange() throws {
        let g = Self.record(
            "import torch\nw = torch.ones(2, requires_grad=True)\nw.sin().sum().backward()\n"
                + "with torch.no_grad():\n    w.add_(1)\n")
        let sin = try #require(g.nodes.first { $0.name == "SinBackward0" })
        #expect(sin.saved.map(\.state) == [.freed(pass: 0)])
    }

    @Test func opsListTheTensorsTheyAreNotDifferentiableInAmongTheirInputs() {
        let g = Self.record(
            "import torch\nlogp = torch.zeros(3, 4, requires_grad=True)\ntarget = torch.tensor([0, 2, 1])\n"
                + "loss = torch.nn.functional.nll_loss(logp, target)\nidx = target.view(3, 1)\n"
                + "picked = logp.gather(1, idx)\nkept = torch.where(target > 0, logp[:, 0], 0.0)\n"
                + "rows = torch.nn.functional.embedding(target, logp)\n")
        let inputs = { (name: String) in
            g.ops.first { $0.name == name }.map { $0.inputs.map { g.tensors[$0].shape } }
        }
        #expect(inputs("nll_loss") == [[3, 4], [3]])
        #expect(inputs("gather") == [[3, 4], [3, 1]])
        #expect(inputs("where")?.first == [3])
        #expect(inputs("embedding") == [[3, 4], [3]])
    }

    /// PyTorch's nodes have no next edge for a non-differentiable input (a mask, an index):
    /// `next_functions` of these has 1, 2, 2, 2 and 1 entries under PyTorch 2.15.
    @Test func nonDifferentiableInputsHaveNoNextEdge() {
        let g = Self.record(
            "import torch\nx = torch.ones(3, requires_grad=True)\nm = torch.tensor([True, False, True])\n"
                + "v = torch.tensor(2.0, requires_grad=True)\ni = torch.tensor([0])\na = x.masked_fill(m, 1.0)\n"
                + "b = x.masked_fill(m, v)\nc = x.scatter(0, i, x[:1])\nd = x.scatter_add(0, i, x[1:2])\n"
                + "e = torch.nn.functional.embedding(i, x.view(3, 1))\n")
        let names = [
            "MaskedFillBackward0", "MaskedFillBackward1", "ScatterBackward0", "ScatterAddBackward0", "EmbeddingBackward0"
        ]
        #expect(names.map { name in g.nodes.first { $0.name == name }?.next.count } == [1, 2, 2, 2, 1])
    }

    @Test func catAndStackAreOneOpEachWithoutTheSliceWritesInside() {
        let g = Self.record(
            "import torch\nw = torch.ones(2, requires_grad=True)\nboth = torch.cat([w, w * 2])\n"
                + "rows = torch.stack([w, w])\n")
        #expect(g.ops.map(\.name) == ["mul", "cat", "stack"])
    }
}
