import Autograd
import GraphModel
import Python
import TorchBindings

/// Connects a script run to a graph `Recorder`: the current line, variable names, grad-mode
/// regions and the uncaught error go to the recorder, while the engine reports ops to it directly.
public final class GraphRecording: ScriptObserver {
    public let recorder: Recorder
    private var modulePaths = ModulePaths()

    public init(recorder: Recorder = Recorder()) { self.recorder = recorder }

    public func lineWillRun(_ line: Int) { recorder.currentLine = line }

    public func bound(name: String, to value: Value) {
        switch value {
        case .object(let tensor as Tensor): recorder.bind(name: name, to: tensor)
        case .object(let instance as Instance): modulePaths.bound(name: name, to: instance)
        default: break
        }
    }

    public func moduleCallEntered(_ call: ModuleCallEvent, line: Int) {
        recorder.enterModuleCall(path: modulePaths.enter(call), className: call.className, summary: call.summary, line: line)
    }

    public func moduleCallExited(line: Int) {
        recorder.exitModuleCall(parameters: modulePaths.exit()?.parameters() ?? [])
    }

    public func regionEntered(_ kind: RegionKind, line: Int) { recorder.enterRegion(kind, line: line) }

    public func regionExited(line: Int) { recorder.exitRegion(line: line) }

    public func uncaughtError(type: String, message: String, line: Int) {
        recorder.recordError(line: line, type: type, message: message)
    }

    public func gradRead(of tensor: Tensor, line: Int) { recorder.recordGradRead(of: tensor) }
}

extension ScriptRunner {
    /// Runs `source` with a recorder installed on the calling thread; returns the exit status
    /// and the graph recorded (complete up to the point of failure when the script raised).
    public static func runRecording(
        source: String, filename: String,
        writeOutput: @escaping (String) -> Void, writeError: @escaping (String) -> Void,
        limits: ExecutionLimits = ExecutionLimits()
    ) -> (status: Int32, graph: Graph) {
        let recording = GraphRecording()
        let status = recording.recorder.recording {
            run(
                source: source, filename: filename, writeOutput: writeOutput, writeError: writeError,
                limits: limits, observer: recording)
        }
        return (status, recording.recorder.snapshot())
    }
}
