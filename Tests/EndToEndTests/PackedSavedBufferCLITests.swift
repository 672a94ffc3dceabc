import Foundation
import Testing

/// A script using `save_on_cpu` and `checkpoint(use_reentrant=False)`, through the CLI: the text
/// dump lists the buffers those hooks packed without a size, and a picture drawn from the JSON
/// dump (without running anything) still draws them packed.
@Suite struct PackedSavedBufferCLITests {
    private let script = """
        import torch
        from torch.utils.checkpoint import checkpoint
        w = torch.ones(3, requires_grad=True)
        with torch.autograd.graph.save_on_cpu():
            h = (w * w).exp()
        y = checkpoint(torch.sin, h, use_reentrant=False)
        loss = (y * 2).sum()
        loss.backward()

        """

    @Test func theTextDumpAndAPictureOfTheJSONDumpSayPackedByHook() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(script.utf8).write(to: dir.appendingPathComponent("hooks.py"))
        let text = try CLI.run(["dump", "hooks.py"], in: dir)
        #expect(text.status == 0, "\(text.stderr)")
        for buffer in ["other/self=[3] v0", "result=[3] v0", "self=[3] v0"] {
            #expect(text.stdout.contains("\(buffer) [packed by hook, freed by b0]"), "\(buffer)\n\(text.stdout)")
        }
        // `y * 2` saves the number 2 without hooks: kept as before, with its size.
        #expect(text.stdout.contains("other=[] v0 [freed 8 B by b0]"), "\(text.stdout)")
        let json = try CLI.run(["dump", "hooks.py", "--format", "json", "-o", "graph.json"], in: dir)
        #expect(json.status == 0, "\(json.stderr)")
        let render = try CLI.run(["render", "graph.json", "--show-saved", "-o", "graph.dot"], in: dir)
        #expect(render.status == 0, "\(render.stderr)")
        let dot = try String(contentsOf: dir.appendingPathComponent("graph.dot"), encoding: .utf8)
        #expect(dot.components(separatedBy: "class=\"saved packed\"").count - 1 == 3, "\(dot)")
        #expect(dot.contains("packed by hook") && dot.components(separatedBy: "class=\"saved freed\"").count - 1 == 1)
    }
}
