import Foundation
import Testing

/// `render --pass`: a pass the picture cannot show is a usage error, and nothing is written;
/// `--pass all` draws a frame per pass. A PNG too large to draw is refused the same way.
@Suite struct RenderPassOptionTests {
    static let script = """
        import torch
        x = torch.ones(2, requires_grad=True)
        y = (x * 3).sum()
        y.backward(retain_graph=True)
        y.backward()
        """

    func render(_ options: [String], script: String = script, output: String = "two.svg") throws -> (CLIResult, wrote: Bool) {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(script.utf8).write(to: dir.appendingPathComponent("two.py"))
        let r = try CLI.run(["render", "two.py", "-o", output, "--show-grads"] + options, in: dir)
        return (r, FileManager.default.fileExists(atPath: dir.appendingPathComponent(output).path))
    }

    @Test func passAllDrawsAFramePerPass() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.script.utf8).write(to: dir.appendingPathComponent("two.py"))
        let r = try CLI.run(["render", "two.py", "-o", "two.svg", "--show-grads", "--pass", "all"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOf: dir.appendingPathComponent("two.svg"), encoding: .utf8)
        #expect(svg.contains("pass 0: backward at line 4") && svg.contains("pass 1: backward at line 5"))
    }

    @Test func passAllWithoutABackwardSaysSo() throws {
        let (r, wrote) = try render(
            ["--pass", "all"], script: "import torch\nx = torch.ones(2, requires_grad=True)\nprint((x * 2).sum())\n")
        #expect(r.status == 2 && !wrote)
        #expect(r.stderr.contains("--pass all: no backward pass ran"), "\(r.stderr)")
    }

    @Test func passAllIsForPicturesNotTheViewer() throws {
        let (r, wrote) = try render(["--pass", "all"], output: "two.html")
        #expect(r.status == 2 && !wrote)
        #expect(r.stderr.contains("--pass all draws svg, png, pdf or dot; the HTML viewer has its own pass selector"))
    }

    /// A 250-step chain is about 33,000 pixels tall: too large for a PNG, fine as SVG.
    @Test func aTooLargePNGIsAnErrorThatSuggestsWhatToDo() throws {
        // 400 separate leaf → mul pairs side by side (a long chain would be wrapped into columns).
        let wide = "import torch\nfor i in range(400):\n    z = torch.ones(3, requires_grad=True) * 2\n"
        let options = ["--unfold", "--max-nodes", "2000"]
        let (r, wrote) = try render(options, script: wide, output: "wide.png")
        #expect(r.status == 2 && !wrote)
        #expect(r.stderr.hasPrefix("gradscope: cannot draw the graph: the picture would be "), "\(r.stderr)")
        #expect(r.stderr.contains("write SVG or PDF instead") && r.stderr.contains("--max-nodes"))
        #expect(try render(options, script: wide, output: "wide.svg").wrote)
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
