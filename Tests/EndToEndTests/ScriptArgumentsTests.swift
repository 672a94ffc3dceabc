import Foundation
import Testing

/// `gradscope run SCRIPT -- ARGS`: what follows `--` is the script's `sys.argv[1:]`, so a
/// training script's argparse options work as they do under `python SCRIPT ARGS`.
@Suite struct ScriptArgumentsTests {
    private let trainer = """
        import argparse
        parser = argparse.ArgumentParser(description='Train.')
        parser.add_argument('--epochs', type=int, default=1, metavar='N', help='epochs (default: 1)')
        parser.add_argument('--lr', type=float, default=0.1)
        args = parser.parse_args()
        print(args)

        """

    @Test func argumentsAfterTheScriptReachSysArgv() throws {
        let r = try CLI.run(script: "import sys\nprint(sys.argv)\n", options: ["--", "a", "--b", "-c"])
        #expect(r.status == 0)
        #expect(r.stdout == "['script.py', 'a', '--b', '-c']\n")
        let plain = try CLI.run(script: "import sys\nprint(sys.argv)\n")
        #expect(plain.stdout == "['script.py']\n")
    }

    @Test func theScriptMayFollowTheSeparator() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("import sys\nprint(sys.argv)\n".utf8).write(to: dir.appendingPathComponent("s.py"))
        let r = try CLI.run(["run", "--timeout", "30", "--", "s.py", "x"], in: dir)
        #expect(r.status == 0 && r.stdout == "['s.py', 'x']\n", "\(r.stderr)")
        let missing = try CLI.run(["run"], in: dir)
        #expect(missing.status == 2 && missing.stderr.contains("Missing expected argument '<script>'"), "\(missing.status)")
    }

    @Test func argparseParsesThem() throws {
        let r = try CLI.run(script: trainer, options: ["--", "--epochs", "3", "--lr=0.5"])
        #expect(r.status == 0 && r.stdout == "Namespace(epochs=3, lr=0.5)\n", "\(r.stderr)")
    }

    @Test func argparseErrorsExitWithStatus2AndUsage() throws {
        let r = try CLI.run(script: trainer, options: ["--", "--epochs", "many"])
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(
            r.stderr == """
                usage: script.py [-h] [--epochs N] [--lr LR]
                script.py: error: argument --epochs: invalid int value: 'many'

                """)
    }

    @Test func helpExitsWithStatus0() throws {
        let r = try CLI.run(script: trainer, options: ["--", "-h"])
        #expect(r.status == 0 && r.stderr == "")
        #expect(r.stdout.hasPrefix("usage: script.py [-h] [--epochs N] [--lr LR]\n\nTrain.\n\noptions:\n"))
        #expect(r.stdout.contains("  --epochs N  epochs (default: 1)\n"))
    }

    @Test func dumpAndRenderPassThemOn() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("import sys\nprint(sys.argv)\n".utf8).write(to: dir.appendingPathComponent("s.py"))
        let dump = try CLI.run(["dump", "s.py", "--", "a", "-b"], in: dir)
        #expect(dump.status == 0 && dump.stderr == "['s.py', 'a', '-b']\n", "\(dump.stderr)")
        let render = try CLI.run(["render", "s.py", "-o", "g.dot", "--", "c"], in: dir)
        #expect(render.status == 0 && render.stderr == "['s.py', 'c']\n", "\(render.stderr)")
    }

    @Test func aRecordedRunGetsThemToo() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(trainer.utf8).write(to: dir.appendingPathComponent("t.py"))
        let r = try CLI.run(["run", "t.py", "--graph", "g.json", "--", "--epochs", "4"], in: dir)
        #expect(r.status == 0 && r.stdout == "Namespace(epochs=4, lr=0.1)\n", "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("g.json").path))
    }
}
