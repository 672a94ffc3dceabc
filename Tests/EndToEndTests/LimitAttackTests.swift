import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The reproducers of issue 14 that grew memory without bound, ran past the time limit or killed
/// the process, run through the CLI under `--max-memory 64M --timeout 2`: each must end in a
/// Python-style error that names the limit, with exit status 1 and no signal.
@Suite struct LimitAttackTests {
    static let limits = ["--max-memory", "64M", "--timeout", "2"]

    static let scripts: [String: String] = [
        "list doubling": "s = [0] * 10**6\nfor i in range(6):\n    s = s + s\n",
        "list +=": "s = [0] * 10**6\nfor i in range(6):\n    s += s\n",
        "list extend": "s = [0] * 10**6\nfor i in range(6):\n    s.extend(s)\n",
        "append of big lists": "L = []\nfor i in range(60):\n    L.append([0] * 10**6)\n",
        "string doubling": "s = 'a' * 10**6\nfor i in range(12):\n    s = s + s\n",
        "replace growth": "s = 'ab' * 10**6\nfor i in range(12):\n    s = s.replace('a', 'aa')\n",
        "tolist": "import torch\nx = torch.ones(15_000_000).tolist()\n",
        "autograd chain": "import torch\ny = torch.ones(1, requires_grad=True)\nfor i in range(3000000):\n    y = y * 1.0\n",
        "reduction output": "import torch\nx = torch.zeros(0, 20000, 20000).sum(0)\n",
        "zfill": "x = '1'.zfill(10**9)\n",
        "split": "x = (',' * 4000000).split(',')\n",
        "matmul": "import torch\nx = torch.ones(16000, 16000)\ny = x @ x\n",
        "infinite loop": "i = 0\nwhile True:\n    i += 1\n",
        "3M-line script": String(repeating: "x = 1\n", count: 3_000_000),
        "1M adjacent literals": "x = (" + String(repeating: "'a' ", count: 1_000_000) + ")\n"
    ]

    @Test(arguments: scripts.keys.sorted())
    func endsAtALimit(_ name: String) throws {
        let r = try CLI.run(script: Self.scripts[name]!, options: Self.limits)
        #expect(!r.signaled)
        #expect(r.status == 1, "\(r.stderr)")
        let last = r.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(
            (last.hasPrefix("MemoryError: ") && last.hasSuffix("(--max-memory)"))
                || (last.hasPrefix("TimeoutError: ") && last.hasSuffix("(--timeout)")), "\(r.stderr)")
    }

    /// Structures a million levels deep: comparing, printing, converting and freeing them must not
    /// overflow the stack (RecursionError, or the time limit while building them in a slow build).
    static let deep: [String: String] = [
        "compare": "a = []\nb = []\nfor i in range(1000000):\n    a = [a]\n    b = [b]\nprint(a == b)\n",
        "print": "a = []\nfor i in range(1000000):\n    a = [a]\nprint(a)\n",
        "torch.tensor": "import torch\na = []\nfor i in range(1000000):\n    a = [a]\ntorch.tensor(a)\n",
        "free a deep list": "a = []\nfor i in range(4000000):\n    a = [a]\na = None\n",
        "free a linked list":
            "class N:\n    pass\nh = None\nfor i in range(4000000):\n    n = N()\n    n.next = h\n    h = n\nh = None\n"
    ]

    @Test(arguments: deep.keys.sorted())
    func deepStructuresDoNotCrash(_ name: String) throws {
        let r = try CLI.run(script: Self.deep[name]!, options: Self.limits)
        #expect(!r.signaled)
        let last = r.stderr.split(separator: "\n").last.map(String.init) ?? ""
        let clean = ["RecursionError: ", "RuntimeError: ", "MemoryError: ", "TimeoutError: "].contains { last.hasPrefix($0) }
        #expect(r.status == 0 && r.stderr.isEmpty || r.status == 1 && clean, "\(r.stderr)")
    }

    @Test func dumpOfALongLoopStopsAtTheLimit() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = "import torch\nx = torch.ones(3, requires_grad=True)\nfor i in range(200000):\n    y = (x * 2).sum()\n"
        try Data(source.utf8).write(to: dir.appendingPathComponent("loop.py"))
        let r = try CLI.run(["dump", "loop.py", "--max-memory", "64M", "--timeout", "5", "-o", "out.json"], in: dir)
        #expect(!r.signaled)
        #expect(r.status == 1, "\(r.stderr)")
        let limitHit = r.stderr.contains("(--max-memory)") || r.stderr.contains("(--timeout)")
        #expect(limitHit, "\(r.stderr)")
    }

    /// A script's error message with control characters, or of 12 million characters, still gives
    /// a picture, and the SVG is well-formed XML.
    @Test(arguments: ["\\x01", "\\x00", "\" + \"A\" * 12000000 + \""])
    func errorTextNeverSpoilsThePicture(_ message: String) throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source =
            "import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\nraise ValueError(\"bad \(message) value\")\n"
        try Data(source.utf8).write(to: dir.appendingPathComponent("bad.py"))
        let r = try CLI.run(["render", "bad.py", "-o", "x.svg"] + Self.limits, in: dir)
        #expect(!r.signaled)
        #expect(r.status == 1, "\(r.stderr)")
        let svg = try Data(contentsOf: dir.appendingPathComponent("x.svg"))
        #expect(XMLParser(data: svg).parse())
    }
}
