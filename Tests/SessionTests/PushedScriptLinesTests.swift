import Autograd
import GraphModel
import Python
import Testing

@testable import Session

/// The interpreter pushes the script's line and call lines to the recorder as frames come and
/// go; each op must carry what the interpreter's frames say at that moment (the values the
/// recorder used to ask for per op).
@Suite struct PushedScriptLinesTests {
    static let script = """
        import torch
        def square(t):
            u = t * t
            return u + 1
        def twice(t):
            return square(square(t)) * 2
        def steps(t):
            for k in range(2):
                t = t * 3
                yield t
            t = t - 1
            yield t
        def fails(t):
            t = t * 5
            raise ValueError("no")
        x = torch.ones(2, requires_grad=True)
        y = twice(x) + square(x)
        z = sum(s.sum() for s in steps(y)) * 4
        w = (lambda t: t * 6)(z)
        try:
            fails(w)
        except ValueError:
            w = w - 7
        v = [square(a) for a in (w, z)][0] / 8
        v.sum().backward()
        """

    @Test func eachOpCarriesTheLineAndCallLinesOfTheInterpretersFrames() {
        let recording = GraphRecording()
        let checker = FrameCheckingObserver(recorder: recording.recorder)
        var errors = ""
        let status = checker.recording {
            ScriptRunner.run(
                source: Self.script, filename: "t.py", writeOutput: { _ in }, writeError: { errors += $0 },
                limits: ExecutionLimits(), observer: recording,
                prepare: { interpreter in
                    recording.follow(interpreter)
                    checker.interpreter = interpreter
                })
        }
        #expect(status == 0, "\(errors)")
        #expect(checker.seen.count > 20)
        #expect(checker.seen.map(\.recorded) == checker.seen.map(\.frames))
        // Ops after a call returned are at the calling line again, with no call lines.
        #expect(checker.seen.last { $0.recorded.callLines.isEmpty && $0.recorded.line == 17 } != nil)
        #expect(Set(checker.seen.map(\.recorded.callLines)) == [[], [17], [17, 6], [18], [19], [21], [24]])
    }
}

/// Forwards the engine's events to a recorder and notes, per op, the line and call lines the
/// recorder gave it next to those the interpreter's frames give.
private final class FrameCheckingObserver: AutogradObserver {
    struct Position: Equatable {
        let line: Int
        let callLines: [Int]
    }

    let recorder: Recorder
    weak var interpreter: Interpreter?
    var seen: [(recorded: Position, frames: Position)] = []

    init(recorder: Recorder) { self.recorder = recorder }

    func recording<R>(_ body: () throws -> R) rethrows -> R {
        let previous = Observation.observer
        Observation.observer = self
        defer { Observation.observer = previous }
        return try body()
    }

    func opExecuted(_ event: OpEvent) {
        recorder.opExecuted(event)
        guard let interpreter, let op = recorder.snapshot().ops.last else { return }
        seen.append(
            (
                Position(line: op.line, callLines: op.callLines),
                Position(line: interpreter.scriptLine, callLines: interpreter.scriptCallLines)
            ))
    }

    func tensorCreated(_ tensor: Tensor, origin: TensorOrigin, op: String) {
        recorder.tensorCreated(tensor, origin: origin, op: op)
    }
    func versionBumped(_ tensor: Tensor, op: String) { recorder.versionBumped(tensor, op: op) }
    func detached(source: Tensor, result: Tensor, origin: TensorOrigin) {
        recorder.detached(source: source, result: result, origin: origin)
    }
    func backwardStarted(_ pass: BackwardPass) { recorder.backwardStarted(pass) }
    func nodeExecuted(_ node: Node, gradOutputs: [Tensor?], gradInputs: [Tensor?]) {
        recorder.nodeExecuted(node, gradOutputs: gradOutputs, gradInputs: gradInputs)
    }
    func savedTensorsFreed(_ node: Node) { recorder.savedTensorsFreed(node) }
    func gradAccumulated(_ leaf: Tensor, grad: Tensor) { recorder.gradAccumulated(leaf, grad: grad) }
    func hookFired(_ node: Node, outputNr: Int, replaced: Bool) {
        recorder.hookFired(node, outputNr: outputNr, replaced: replaced)
    }
    func anomalyDetected(_ node: Node, outputNr: Int) { recorder.anomalyDetected(node, outputNr: outputNr) }
    func backwardFinished(_ pass: BackwardPass, error: Error?) { recorder.backwardFinished(pass, error: error) }
}
