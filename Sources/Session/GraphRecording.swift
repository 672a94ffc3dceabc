import Autograd
import GraphModel
import Python
import TorchBindings

/// Connects a script run to a graph `Recorder`: the current line, variable names, grad-mode
/// regions and the uncaught error go to the recorder, while the engine reports ops to it directly.
package final class GraphRecording: ScriptObserver {
    package let recorder: Recorder
    private var modulePaths = ModulePaths()

    /// The interpreter running the script: where lines and call depths come from.
    private weak var interpreter: Interpreter?

    package init(recorder: Recorder = Recorder()) { self.recorder = recorder }

    /// Takes lines from `interpreter`'s frames (so an op after a call returns gets the caller's
    /// line, not the callee's last one), the lines that called script functions, call depths for
    /// names, and the script's loop statements.
    func follow(_ interpreter: Interpreter) {
        self.interpreter = interpreter
        recorder.lineSource = { [weak interpreter] in interpreter?.scriptLine ?? 0 }
        recorder.callLinesSource = { [weak interpreter] in
            // The script's top-level code, where most ops run, has no calling lines.
            guard let interpreter, interpreter.frames.count > 1 else { return [] }
            return interpreter.scriptCallLines
        }
        recorder.recordLoopStatements(
            interpreter.module.loops.map { LoopStatement(line: $0.line, lastLine: $0.lastLine, header: $0.header) })
    }

    package func lineWillRun(_ line: Int) { recorder.currentLine = line }

    package func bound(name: String, to value: Value) {
        switch value {
        case .object(let tensor as Tensor):
            recorder.bind(name: name, to: tensor, depth: max(0, (interpreter?.frames.count ?? 1) - 1))
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
