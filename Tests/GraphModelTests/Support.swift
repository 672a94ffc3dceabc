import Foundation

@testable import Autograd
@testable import GraphModel

/// Plays the script layer: sets lines and binds names.
struct ScriptStub {
    let recorder: Recorder

    /// `name = make()` at `line`.
    @discardableResult
    func bind(_ line: Int, _ name: String, _ make: () throws -> Tensor) rethrows -> Tensor {
        recorder.currentLine = line
        let t = try make()
        recorder.bind(name: name, to: t)
        return t
    }

    /// A statement without an assignment at `line`.
    func run<R>(_ line: Int, _ body: () throws -> R) rethrows -> R {
        recorder.currentLine = line
        return try body()
    }
}

/// Runs `program` with a fresh recorder installed and returns the recorder.
func record(_ program: (ScriptStub) throws -> Void) rethrows -> Recorder {
    let r = Recorder()
    try r.recording { try program(ScriptStub(recorder: r)) }
    return r
}

/// The lines PyTorch produced for a conformance program (`NAME.graphs.txt`).
func pytorchGraphLines(_ name: String) throws -> [String] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../TorchBindingsTests/Fixtures/conformance/\(name).graphs.txt")
    return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
}
