import Foundation
@testable import Autograd
@testable import GraphModel

/// Stand-ins for ops the engine does not have yet (being added in parallel), with PyTorch's
/// node names and saved tensors, so the conformance programs can be written against the Swift API.
extension Tensor {
    /// `torch.pow(self, n)`: PowBackward0, saving `self`.
    func powForTest(_ n: Double) throws -> Tensor {
        let out = Tensor(storage: Storage(uninitialized: dtype, count: numel), shape: shape)
        dtype.dispatch(FillFromDoubles(values: doubles().map { Foundation.pow($0, n) }, storage: out.storage))
        record("pow", "PowBackward0", inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            let x = try ctx.saved(0)
            return [try ctx.grad.mul(.tensor(x.powForTest(n - 1))).mul(.scalar(.double(n)))]
        }
        return out
    }

    /// `self.mean()`: MeanBackward0.
    func meanForTest() throws -> Tensor {
        let v = doubles()
        let out = Tensor(storage: Storage(uninitialized: dtype, count: 1), shape: [])
        dtype.dispatch(FillFromDoubles(values: [v.reduce(0, +) / Double(Swift.max(v.count, 1))], storage: out.storage))
        let (inShape, n) = (shape, Double(numel))
        record("mean", "MeanBackward0", inputs: [self], outputs: [out]) { ctx in
            [try ctx.grad.expand(inShape).div(.scalar(.double(n)))]
        }
        return out
    }
}

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
        .appendingPathComponent("../ScriptTests/Fixtures/conformance/\(name).graphs.txt")
    return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
}

/// Releases a long autograd chain one node at a time (Swift would free it recursively).
func dismantle(_ tensor: Tensor) {
    var all: [Node] = []
    var stack: [Node] = tensor.gradFn.map { [$0] } ?? []
    var seen = Set<ObjectIdentifier>()
    while let n = stack.popLast() {
        guard seen.insert(ObjectIdentifier(n)).inserted else { continue }
        all.append(n)
        for case let e? in n.nextEdges { stack.append(e.node) }
    }
    for n in all {
        n.nextEdges = []
        n.saved = []
    }
}
