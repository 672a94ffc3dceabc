import Foundation
import Testing

/// `render -o graph.html` and `run --graph graph.html` through the real binary: the page is
/// written atomically, from a script or a JSON dump, and a bad path writes nothing.
@Suite struct ViewerCLITests {
    static let script = """
        import torch
        x = torch.ones(2, requires_grad=True)
        y = (x * 3).sum()
        y.backward()
        print(x.grad)
        """

    func scratch() throws -> URL {
        let dir = try CLI.scratchDirectory()
        try Data(Self.script.utf8).write(to: dir.appendingPathComponent("s.py"))
        return dir
    }

    func contents(_ dir: URL, _ name: String) -> String? {
        (try? Data(contentsOf: dir.appendingPathComponent(name))).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func renderWritesOneSelfContainedPage() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["render", "s.py", "-o", "g.html"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try #require(contents(dir, "g.html"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>s.py · GradScope</title>"))
        #expect(html.contains("`y = (x * 3).sum()`"))
        let again = try CLI.run(["render", "s.py", "-o", "h.html"], in: dir)
        #expect(again.status == 0 && contents(dir, "h.html") == html)
    }

    @Test func runWithGraphWritesThePageAndKeepsTheOutput() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["run", "s.py", "--graph", "g.html"], in: dir)
        #expect(r.status == 0 && r.stdout == "tensor([3., 3.])\n", "\(r.stderr)")
        #expect(contents(dir, "g.html")?.contains("id=\"gradscope-data\"") == true)
    }

    @Test func aJSONDumpRendersWithoutRunning() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["dump", "s.py", "--format", "json", "-o", "g.json"], in: dir).status == 0)
        let r = try CLI.run(["render", "g.json", "-o", "g.html"], in: dir)
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
        #expect(contents(dir, "g.html")?.contains("<title>g.json · GradScope</title>") == true)
    }

    @Test func aBadOutputPathIsAClearErrorAndWritesNothing() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["render", "s.py", "-o", "missing/g.html"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot write missing/g.html: No such file or directory"), "\(r.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".std") }
        #expect(left == ["s.py"])
    }
}
