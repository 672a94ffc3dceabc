import Foundation
import Testing

/// `gradscope why GRAPH.json`: explanations from a dump (or a capture of a real PyTorch run)
/// without running anything.
@Suite struct WhyFromJSONTests {
    private let script = """
        import torch
        w = torch.ones(2, requires_grad=True)
        with torch.no_grad():
            h = w * 2
        loss = (h * w).sum()
        loss.backward()

        """

    /// Dumps the script to graph.json in a fresh directory and runs `gradscope why` on the dump.
    private func why(_ arguments: [String]) throws -> CLIResult {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(script.utf8).write(to: dir.appendingPathComponent("script.py"))
        let dump = try CLI.run(["dump", "script.py", "--format", "json", "-o", "graph.json"], in: dir)
        #expect(dump.status == 0, "\(dump.stderr)")
        return try CLI.run(["why", "graph.json"] + arguments, in: dir)
    }

    @Test func explainsFromTheDumpAndQuotesTheSourceWhenGiven() throws {
        let r = try why(["w", "--source", "script.py"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("w: leaf tensor that requires grad, made at line 2"), "\(r.stdout)")
        #expect(r.stdout.contains("`loss = (h * w).sum()`"), "\(r.stdout)")
    }

    @Test func withoutTheSourceItStillExplainsWithLineNumbers() throws {
        let r = try why(["w"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("backward at line 6 (b0): gradient arrived"), "\(r.stdout)")
        #expect(!r.stdout.contains("`"), "\(r.stdout)")
    }

    @Test func anUnknownNameExitsTwoListingTheNames() throws {
        let r = try why(["nosuch"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no tensor was bound to 'nosuch' in graph.json (tensor names: h, loss, w)"), "\(r.stderr)")
    }
}
