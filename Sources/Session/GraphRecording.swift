import Autograd
import GraphModel
import Python
import TorchBindings

/// Connects a script run to a graph `Recorder`: the current line, variable names, grad-mode
/// regions and the uncaught error go to the recorder, while the engine reports ops to it directly.
package final class GraphRecording: ScriptObserver {
    package let recorder: Recorder
    private var modulePaths = ModulePaths()

    /// How many calls deep the innermost frame is (0: the script's top-level code), for names.
    private var depth = 0

    package init(recorder: Recorder = Recorder()) { self.recorder = recorder }

    /// Records `interpreter`'s loop statements; its lines and call lines come with its events.
    func follow(_ interpreter: Interpreter) {
        recorder.recordLoopStatements(
            interpreter.module.loops.map { LoopStatement(line: $0.line, lastLine: $0.lastLine, header: $0.header) })
    }

    package func framesChanged(scriptLine: Int, scriptCallLines: [Int], depth: Int) {
        self.depth = depth
        recorder.scriptFramesChanged(line: scriptLine, callLines: scriptCallLines)
    }

    package func lineWillRun(_ line: Int) { recorder.currentLine = line }

    package func bound(name: String, to value: Value) {
        switch value {
        case .object(let tensor as Tensor):
            recorder.bind(name: name, to: tensor, depth: depth)
        case .object(let instance as Instance): modulePaths.bound(name: name, to: instance)
        default: break
        }
    }

    package func moduleCallEntered(_ call: ModuleCallEvent, line: Int) {
        recorder.enterModuleCall(path: modulePaths.enter(call), className: call.className, summary: call.summary, line: line)
    }

    package func moduleCallExited(line: Int) {
        recorder.exitModuleCall(parameters: modulePaths.exit()?.parameters() ?? [])
    }

    package func functionCallEntered(line: Int) { recorder.enterFunctionCall(line: line) }

    package func functionCallExited() { recorder.exitFunctionCall() }

    package func regionEntered(_ kind: RegionKind, line: Int) { recorder.enterRegion(kind, line: line) }

    package func regionExited(line: Int) { recorder.exitRegion(line: line) }

    package func uncaughtError(type: String, message: String, line: Int) {
        recorder.recordError(line: line, type: type, message: message)
    }

    package func gradRead(of tensor: Tensor, line: Int) { recorder.recordGradRead(of: tensor) }
}

extension ScriptRunner {
    /// Runs `source` with a recorder installed on the calling thread; returns the exit status
    /// and the graph recorded (complete up to the point of failure when the script raised).
    /// With `values`, each tensor's values are recorded too (`TensorValueText`).
    package static func runRecording(
        source: String, filename: String,
        writeOutput: @escaping (String) -> Void, writeError: @escaping (String) -> Void,
        limits: ExecutionLimits = ExecutionLimits(), values: Bool = false, arguments: [String] = []
    ) -> (status: Int32, graph: Graph) {
        let recording = GraphRecording()
        if values { recording.recorder.valueFormatter = TensorValueText.text(of:) }
        let status = recording.recorder.recording {
            run(
                source: source, filename: filename, writeOutput: writeOutput, writeError: writeError,
                limits: limits, observer: recording, arguments: arguments, prepare: recording.follow)
        }
        return (status, recording.recorder.snapshot())
    }
}
