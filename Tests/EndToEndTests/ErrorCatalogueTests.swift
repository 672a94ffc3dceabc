import Foundation
import Testing

/// One test per class of bad input, through the real `gradscope run`: each names the place
/// (file and line, or the path) and exits 1 for script errors, 2 for input errors.
@Suite struct ErrorCatalogueTests {
    /// Runs `source` and checks a traceback ending in `error` at `line` and exit status 1.
    private func expectScriptError(
        _ source: String, line: Int, _ error: String, options: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let r = try CLI.run(script: source, options: options)
        #expect(r.status == 1, "status \(r.status), stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("Traceback (most recent call last):\n"), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains("File \"script.py\", line \(line)"), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasSuffix(error + "\n"), "\(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func syntaxErrorUsesPythonsCaretForm() throws {
        let r = try CLI.run(script: "x = 1\ny = (1 +\nprint(x)\n")
        #expect(r.status == 1)
        #expect(r.stderr == "  File \"script.py\", line 2\n    y = (1 +\n        ^\nSyntaxError: '(' was never closed\n")
        #expect(r.stdout.isEmpty)
    }

    @Test func unknownName() throws {
        try expectScriptError("x = 1\nprint(y)\n", line: 2, "NameError: name 'y' is not defined")
    }

    @Test func unknownAttribute() throws {
        try expectScriptError(
            "import torch\nx = torch.ones(2)\nx.foo\n", line: 3,
            "AttributeError: 'Tensor' object has no attribute 'foo'")
    }

    @Test func unknownModule() throws {
        let r = try CLI.run(script: "import torch\nimport numpy\nimport pandas\n")
        #expect(r.status == 1)
        #expect(r.stderr.contains("line 3"))
        #expect(r.stderr.contains("ModuleNotFoundError: No module named 'pandas'"))
        #expect(r.stderr.contains("can import only torch, numpy,"))
    }

    @Test func wrongArgumentCount() throws {
        try expectScriptError(
            "def f(a):\n    return a\nf(1, 2)\n", line: 3,
            "TypeError: f() takes 1 positional argument but 2 were given")
    }

    @Test func wrongArgumentType() throws {
        try expectScriptError(
            "import torch\ntorch.ones(2) + \"a\"\n", line: 2,
            "TypeError: unsupported operand type(s) for +: 'Tensor' and 'str'")
    }

    @Test func shapeMismatch() throws {
        try expectScriptError(
            "import torch\na = torch.ones(2)\nb = a + torch.ones(3)\n", line: 3,
            "RuntimeError: The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0")
    }

    @Test func requiresGradOnIntegerTensor() throws {
        try expectScriptError(
            "import torch\nx = torch.tensor([1, 2], requires_grad=True)\n", line: 2,
            "RuntimeError: Only Tensors of floating point and complex dtype can require gradients")
    }

    @Test func divisionByZeroInPythonNumbers() throws {
        try expectScriptError("a = 1\nx = a / 0\n", line: 2, "ZeroDivisionError: division by zero")
        try expectScriptError("x = 7.0\ny = x / 0\n", line: 2, "ZeroDivisionError: float division by zero")
    }

    @Test func indexOutOfRange() throws {
        try expectScriptError("x = [1]\ny = x[5]\n", line: 2, "IndexError: list index out of range")
        try expectScriptError(
            "import torch\nx = torch.ones(2)[5]\n", line: 2,
            "IndexError: index 5 is out of bounds for dimension 0 with size 2")
    }

    @Test func missingScriptFile() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["run", "nosuch.py"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == "gradscope: can't open file 'nosuch.py': No such file or directory\n")
    }

    @Test func usageErrorsExitWithStatusTwo() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try CLI.run(["run"], in: dir)
        #expect(missing.status == 2 && missing.stderr.contains("Missing expected argument '<script>'"))
        let badFlag = try CLI.run(["run", "x.py", "--max-steps", "many"], in: dir)
        #expect(badFlag.status == 2 && badFlag.stderr.contains("--max-steps"))
    }

    @Test func directoryInsteadOfFile() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub.py"), withIntermediateDirectories: true)
        let r = try CLI.run(["run", "sub.py"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == "gradscope: can't open file 'sub.py': Is a directory\n")
    }

    @Test func nonUTF8File() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0x78, 0x20, 0x3D, 0x20, 0xFF, 0xFE, 0x0A]).write(to: dir.appendingPathComponent("bad.py"))
        let r = try CLI.run(["run", "bad.py"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == "gradscope: can't read 'bad.py': the file is not valid UTF-8 text\n")
    }

    /// An empty file is a valid Python program: it prints nothing and succeeds, as in Python.
    @Test func emptyFileRunsAndPrintsNothing() throws {
        let r = try CLI.run(script: "")
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty && r.stderr.isEmpty)
    }

    @Test func stepLimit() throws {
        try expectScriptError(
            "x = 0\nwhile True:\n    x += 1\n", line: 3,
            "TimeoutError: script exceeded the step limit of 100 statements (--max-steps)",
            options: ["--max-steps", "100"])
    }

    @Test func wallClockTimeout() throws {
        let start = Date()
        try expectScriptError(
            "x = 0\nwhile True:\n    x += 1\n", line: 3,
            "TimeoutError: script exceeded the time limit of 0.5 seconds (--timeout)",
            options: ["--timeout", "0.5"])
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func memoryLimitGivesMemoryErrorNotAKill() throws {
        let r = try CLI.run(script: "import torch\nx = torch.ones(10)\ny = torch.ones(100000, 100000)\n")
        #expect(r.status == 1 && !r.signaled)
        #expect(r.stderr.contains("File \"script.py\", line 3"))
        #expect(
            r.stderr.contains("MemoryError: out of memory: tried to allocate 40000000000 bytes with 40 bytes of tensors alive"))
    }

    @Test func smallMemoryLimitFlag() throws {
        try expectScriptError(
            "import torch\nx = torch.ones(1000, 1000)\n", line: 2,
            "MemoryError: out of memory: tried to allocate 4000000 bytes with 0 bytes of tensors alive; the limit is 1048576 bytes (--max-memory)",
            options: ["--max-memory", "1M"])
    }

    @Test func elementCountOverflowIsAnErrorNotATrap() throws {
        try expectScriptError(
            "import torch\nx = torch.ones(2**40, 2**40)\n", line: 2,
            "RuntimeError: Storage size calculation overflowed with sizes=[1099511627776, 1099511627776]")
    }

    @Test func recursion() throws {
        try expectScriptError(
            "def f(n):\n    return f(n + 1)\nf(0)\n", line: 2,
            "RecursionError: maximum recursion depth exceeded")
    }

    @Test func interruptExits130WithKeyboardInterrupt() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The deprecation warning reaches stderr at once, telling the test the loop is running.
        let source = "import torch\ntorch.range(0, 1)\nx = 0\nwhile True:\n    x += 1\n"
        try Data(source.utf8).write(to: dir.appendingPathComponent("script.py"))
        let r = try CLI.run(["run", "script.py", "--timeout", "30"], in: dir) { $0.interrupt() }
        #expect(r.status == 130 && !r.signaled, "status \(r.status), stderr: \(r.stderr)")
        #expect(r.stderr.contains("Traceback (most recent call last):\n  File \"script.py\", line "))
        #expect(r.stderr.hasSuffix("\nKeyboardInterrupt\n"))
    }
}
