import Foundation
import Testing

/// `render --pass`: a pass the picture cannot show is a usage error, and nothing is written.
@Suite struct RenderPassOptionTests {
    static let script = """
        import torch
        x = torch.ones(2, requires_grad=True)
        y = (x * 3).sum()
        y.backward(retain_graph=True)
        y.backward()
        """

    func render(_ options: [String]) throws -> (CLIResult, wrote: Bool) {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.script.utf8).write(to: dir.appendingPathComponent("two.py"))
        let r = try CLI.run(["render", "two.py", "-o", "two.svg", "--show-grads"] + options, in: dir)
        return (r, FileManager.default.fileExists(atPath: dir.appendingPathComponent("two.svg").path))
    }

    @Test func passAllIsNotSupportedYet() throws {
        let (r, wrote) = try render(["--pass", "all"])
        #expect(r.status == 2 && !wrote)
        #expect(r.stderr.contains("--pass all (every pass side by side) is not supported yet"), "\(r.stderr)")
    }

    @Test func aPassTheScriptDidNotMakeNamesTheRange() throws {
        let (r, wrote) = try render(["--pass", "2"])
        #expect(r.status == 2 && !wrote)
        #expect(r.stderr.contains("--pass 2: the script made 2 backward passes (0…1)"), "\(r.stderr)")
    }

    @Test func aChosenPassIsDrawn() throws {
        let (r, wrote) = try render(["--pass", "0"])
        #expect(r.status == 0 && wrote, "\(r.stderr)")
    }
}
