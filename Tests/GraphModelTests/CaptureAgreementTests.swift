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

    @Test func catAndStackAreOneOpEachWithoutTheSliceWritesInside() {
        let g = Self.record(
            "import torch\nw = torch.ones(2, requires_grad=True)\nboth = torch.cat([w, w * 2])\n"
                + "rows = torch.stack([w, w])\n")
        #expect(g.ops.map(\.name) == ["mul", "cat", "stack"])
    }
}
