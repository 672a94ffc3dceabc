import ArgumentParser
import Autograd
import Foundation
import Python
import Session

/// One `gradscope run`: the script and the options that apply to every run, however they were
/// parsed (by `Run`, or by the fast path in `ScriptRun(commandLine:)`).
struct ScriptRun {
    let script: String
    /// The script's `sys.argv[1:]`.
    var arguments: [String] = []
    let detectAnomaly: Bool
    let limits: ScriptLimits

    /// Runs the script like `python SCRIPT.py`; a non-zero exit status is thrown as `ExitCode`.
    func run() throws {
        try withScript { source, output, limits in
            let anomaly = detectAnomaly
            let script = script
            let arguments = arguments
            let status = runOnLargeStack {
                if anomaly { GradMode.anomalyDetection = true }
                return ScriptRunner.run(
                    source: source, filename: script, writeOutput: output.writeOut,
                    writeError: output.writeErr, limits: limits, arguments: arguments)
            }
            output.flush()
            return status
        }
    }

    /// Runs the script recording its graph, then draws the graph to `graph` in `format`, even
    /// if the script raised.
    func run(drawingTo graph: String, as format: GraphFormat, picture: PictureOptions) throws {
        try withScript { source, output, limits in
            let anomaly = detectAnomaly
            let script = script
            let values = picture.recordsValues(for: format)
            let arguments = arguments
            let (status, recorded) = runOnLargeStack {
                if anomaly { GradMode.anomalyDetection = true }
                return ScriptRunner.runRecording(
                    source: source, filename: script, writeOutput: output.writeOut,
                    writeError: output.writeErr, limits: limits, values: values, arguments: arguments)
            }
            output.flush()
            let page = PageSource(title: (script as NSString).lastPathComponent, text: source)
            let bytes = try drawing(
                recorded, as: format, options: picture.renderOptions, page: page, streams: output)
            try writeResult(bytes, to: graph, streams: output)
            return status
        }
    }

    /// Guards the process with the limits, loads the script and hands `body` its source, the
    /// output streams and the execution limits; `body` returns the script's exit status.
    private func withScript(
        _ body: (String, OutputStreams, ExecutionLimits) throws -> Int32
    ) throws {
        let watchdog = limits.guardProcess()
        defer { watchdog.finish() }
        let source = try loadScript(script)
        let output = OutputStreams()
        installInterruptHandler()
        let status = try body(source, output, limits.executionLimits)
        if status != 0 { throw ExitCode(status) }
    }
}
