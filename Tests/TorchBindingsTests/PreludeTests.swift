import Autograd
import Foundation
import Session
import Testing

@testable import Python
@testable import TorchBindings

/// The Python prelude (torch.nn, torch.optim): embedded in the binary from the .py files,
/// loaded only when a script touches it, and behaving as PyTorch where the interpreter runs it.
struct PreludeTests {
    static let preludeFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/TorchBindings/Prelude").standardizedFileURL
    static let fixtures = ScriptFixture.folder("prelude")

    /// Each .py file under Prelude by module name, read from disk.
    static func filesOnDisk() throws -> [String: String] {
        var files: [String: String] = [:]
        let root = preludeFolder.path + "/"
        let walker = FileManager.default.enumerator(atPath: root)
        while let relative = walker?.nextObject() as? String {
            guard relative.hasSuffix(".py") else { continue }
            var parts = relative.dropLast(3).split(separator: "/").map(String.init)
            if parts.last == "__init__" { parts.removeLast() }
            files[parts.joined(separator: ".")] = try String(contentsOfFile: root + relative, encoding: .utf8)
        }
        return files
    }

    @Test func embeddedSourcesAreTheFilesOnDisk() throws {
        let files = try Self.filesOnDisk()
        #expect(!files.isEmpty)
        #expect(TorchBindings.PreludeSources.moduleNames == files.keys.sorted())
        for (name, source) in files { #expect(TorchBindings.PreludeSources.source(of: name) == source, "\(name)") }
    }

    @Test func modulesAreLaidOutLikePyTorchsPackage() {
        for name in [
            "torch.nn", "torch.nn.modules", "torch.nn.modules.module", "torch.nn.modules.linear",
            "torch.nn.init", "torch.nn.parameter", "torch.optim", "torch.optim.optimizer",
            "torch.optim.sgd", "torch.optim.adam", "torch.optim.lr_scheduler"
        ] {
            #expect(TorchBindings.PreludeSources.source(of: name) != nil, "\(name)")
        }
        #expect(TorchBindings.PreludeSources.isPackage("torch.nn"))
        #expect(!TorchBindings.PreludeSources.isPackage("torch.nn.init"))
        #expect(TorchBindings.PreludeSources.source(of: "torch.nn.functional") == nil) // Swift, not prelude
    }

    /// Runs `source` and returns the prelude modules that ran, with what the script printed.
    static func loadedModules(running source: String) throws -> (loaded: [String], out: String) {
        var out = ""
        let interp = Interpreter(
            module: try parseModule(source: source, filename: "t.py"), filename: "t.py",
            writeOutput: { out += $0 }, writeError: { out += $0 })
        let runtime = TorchRuntime.install(into: interp)
        _ = interp.run()
        return (runtime.prelude?.loadedModuleNames ?? [], out)
    }

    @Test func scriptsThatDoNotTouchThePreludeDoNotRunIt() throws {
        let run = try Self.loadedModules(
            running:
                "import torch\nimport torch.nn as nn\nimport torch.optim\nprint(torch.ones(1), nn.functional.relu(torch.ones(1)))\n"
        )
        #expect(run.out == "tensor([1.]) tensor([1.])\n")
        #expect(run.loaded == [])
    }

    @Test func importingOneModuleRunsOnlyThatModule() throws {
        let run = try Self.loadedModules(running: "from torch.nn import init\nprint(init.calculate_gain('tanh'))\n")
        #expect(run.out == "1.6666666666666667\n")
        #expect(run.loaded == ["torch.nn.init"])
    }

    /// Fixtures/prelude: the parts of the prelude the interpreter already runs, with the output
    /// of Python 3.11 + PyTorch 2.15.
    @Test(arguments: ScriptFixture.scripts(in: fixtures))
    func fixtureBehavesAsPyTorch(_ name: String) throws {
        try ScriptFixture.check(name, in: Self.fixtures)
    }
}

/// `_gradscope.module_call_enter/exit`, which the prelude's `Module.__call__` calls around
/// `forward`, reach the TorchObserver.
struct ModuleCallEventTests {
    final class Events: TorchObserver {
        var log: [String] = []
        func regionEntered(_ kind: RegionKind, line: Int) {}
        func regionExited(line: Int) {}
        func gradRead(of tensor: Tensor, line: Int) {}
        func moduleCallEntered(_ call: ModuleCallEvent, line: Int) {
            log.append("enter \(call.className)(\(call.summary)) line \(line)")
        }
        func moduleCallExited(line: Int) { log.append("exit line \(line)") }
    }

    @Test func moduleCallsReachTheObserver() throws {
        let source =
            "import _gradscope\nclass Net:\n    pass\nnet = Net()\n_gradscope.module_call_enter(net, 'Net')\n_gradscope.module_call_exit()\n"
            + "net.in_features = 4\nnet.out_features = 3\n_gradscope.module_call_enter(net, 'Net')\n"
        let interp = Interpreter(
            module: try parseModule(source: source, filename: "t.py"), filename: "t.py",
            writeOutput: { _ in }, writeError: { _ in })
        let events = Events()
        TorchRuntime.install(into: interp).observer = events
        #expect(interp.run() == 0)
        #expect(events.log == ["enter Net() line 5", "exit line 6", "enter Net(4→3) line 9"])
    }
}
