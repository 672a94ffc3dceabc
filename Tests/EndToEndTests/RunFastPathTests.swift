import Foundation
import Testing

/// `gradscope run SCRIPT` with only the common flags is parsed by hand, not by ArgumentParser.
/// Each case runs the same request both ways (a `--` before the script sends it through
/// ArgumentParser) and expects the same status, stdout and stderr; command lines the fast path
/// declines keep ArgumentParser's usage errors.
@Suite struct RunFastPathTests {
    /// Runs `source` as `run script.py OPTIONS` and as `run OPTIONS -- script.py`; returns both.
    private func bothRoutes(_ source: String, _ options: [String]) throws -> (fast: CLIResult, parsed: CLIResult) {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(source.utf8).write(to: dir.appendingPathComponent("script.py"))
        let fast = try CLI.run(["run", "script.py"] + options, in: dir)
        let parsed = try CLI.run(["run"] + options + ["--", "script.py"], in: dir)
        return (fast, parsed)
    }

    private func expectSame(
        _ source: String, _ options: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLIResult {
        let (fast, parsed) = try bothRoutes(source, options)
        #expect(fast.status == parsed.status, "\(options)", sourceLocation: sourceLocation)
        #expect(fast.stdout == parsed.stdout, "\(options)", sourceLocation: sourceLocation)
        #expect(fast.stderr == parsed.stderr, "\(options)", sourceLocation: sourceLocation)
        return fast
    }

    @Test func plainRunAndRaisingScript() throws {
        let ok = try expectSame("print(1 + 1)\n", [])
        #expect(ok.status == 0 && ok.stdout == "2\n")
        let raised = try expectSame("print('a')\nraise ValueError('b')\n", [])
        #expect(raised.status == 1 && raised.stderr.hasSuffix("ValueError: b\n"))
    }

    @Test func stepLimitBothSpellings() throws {
        let loop = "i = 0\nwhile True:\n    i += 1\n"
        for options in [["--max-steps", "50"], ["--max-steps=50"]] {
            let r = try expectSame(loop, options)
            #expect(r.status == 1 && r.stderr.contains("step limit of 50 statements"), "\(r.stderr)")
        }
    }

    @Test func memoryLimitAndTimeoutValues() throws {
        let big = "import torch\nx = torch.zeros(1000000)\n"
        let spellings = [
            ["--max-memory", "1M"], ["--max-memory=1024K", "--timeout", "30"], ["--timeout=1e3", "--max-memory", "1M"]
        ]
        for options in spellings {
            let r = try expectSame(big, options)
            #expect(r.status == 1 && r.stderr.contains("the limit is 1048576 bytes (--max-memory)"), "\(r.stderr)")
        }
    }

    @Test func detectAnomalyIsHonoured() throws {
        let source = "import torch\nx = torch.tensor([-1.0], requires_grad=True)\ntorch.sqrt(x).backward()\nprint(x.grad)\n"
        let withFlag = try expectSame(source, ["--detect-anomaly"])
        let without = try expectSame(source, [])
        #expect(without.status == 0 && without.stdout == "tensor([nan])\n", "\(without.stderr)")
        #expect(withFlag.status == 1 && withFlag.stderr.contains("SqrtBackward0"), "\(withFlag.stderr)")
    }

    @Test func missingScriptIsAnInputError() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["run", "absent.py", "--timeout", "5"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == "gradscope: can't open file 'absent.py': No such file or directory\n")
    }

    /// Values ArgumentParser rejects, repeated options and extra arguments fall through to it.
    @Test func declinedCommandLinesKeepArgumentParsersErrors() throws {
        let cases: [([String], String)] = [
            (["--timeout", "0"], "Error: --timeout must be a positive number of seconds\n"),
            (["--timeout=inf"], "Error: --timeout must be a positive number of seconds\n"),
            (["--timeout", "5", "--timeout", "0"], "Error: --timeout must be a positive number of seconds\n"),
            (["--max-steps", "0"], "Error: --max-steps must be at least 1\n"),
            (["--max-steps", "-3"], "Error: Missing value for '--max-steps <max-steps>'\n"),
            (["--max-memory", "0"], "Error: The value '0' is invalid for '--max-memory <bytes>'\n"),
            (["--detect-anomaly=1"], "Error: The option '--detect-anomaly' does not take any value, but '1' was specified.\n"),
            (["extra.py"], "Error: Unexpected argument 'extra.py'\n"),
            (["--timeout"], "Error: Missing value for '--timeout <seconds>'\n")
        ]
        for (options, firstLine) in cases {
            let (fast, parsed) = try bothRoutes("print(1)\n", options)
            #expect(fast.status == 2 && parsed.status == 2, "\(options)")
            #expect(fast.stdout.isEmpty, "\(options)")
            #expect(fast.stderr.hasPrefix(firstLine), "\(options): \(fast.stderr)")
            #expect(fast.stderr.contains("Usage: gradscope run [<options>] <script>"), "\(options): \(fast.stderr)")
        }
    }
}
