import ArgumentParser
import Autograd
import Foundation
import Python
import Session

/// `gradscope run SCRIPT.py`: run a script like `python SCRIPT.py`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script like `python SCRIPT.py`: same stdout, stderr and exit status.",
        discussion: """
            With --graph FILE the graph is recorded too and drawn to FILE (svg, png, pdf, html, dot or json \
            by its extension) after the script ends, even if it raised; the picture options of `render` apply.
            """)

    @Argument(help: "The PyTorch script to run.")
    var script: String

    @Flag(
        name: .customLong("detect-anomaly"),
        help: "Turn on torch.autograd.set_detect_anomaly(True) before the script runs.")
    var detectAnomaly = false

    @Option(help: "Also draw the recorded graph to this file (.svg, .png, .pdf, .html, .dot, .json).")
    var graph: String?

    @OptionGroup var picture: PictureOptions
    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if let graph, GraphFormat(path: graph) == nil {
            throw ValidationError("cannot tell the picture format from '\(graph)': use .svg, .png, .pdf, .html, .dot or .json")
        }
    }

    func run() throws {
        let watchdog = limits.guardProcess()
        defer { watchdog.finish() }
        let source = try loadScript(script)
        let output = OutputStreams()
        installInterruptHandler()
        let anomaly = detectAnomaly
        let limits = limits.executionLimits
        guard let graph, let format = GraphFormat(path: graph) else {
            let status = runOnLargeStack {
                if anomaly { GradMode.anomalyDetection = true }
                return ScriptRunner.run(
                    source: source, filename: script, writeOutput: output.writeOut,
                    writeError: output.writeErr, limits: limits)
            }
            output.flush()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let values = picture.recordsValues(for: format)
        let (status, recorded) = runOnLargeStack {
            if anomaly { GradMode.anomalyDetection = true }
            return ScriptRunner.runRecording(
                source: source, filename: script, writeOutput: output.writeOut,
                writeError: output.writeErr, limits: limits, values: values)
        }
        output.flush()
        let page = PageSource(title: (script as NSString).lastPathComponent, text: source)
        let bytes = try drawing(recorded, as: format, options: picture.renderOptions, page: page, streams: output)
        try writeResult(bytes, to: graph, streams: output)
        if status != 0 { throw ExitCode(status) }
    }
}
