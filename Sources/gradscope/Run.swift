import ArgumentParser
import Script

/// `gradscope run SCRIPT.py`: run a script like `python SCRIPT.py`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a script like `python SCRIPT.py`: same stdout, stderr and exit status.",
        discussion: """
        With --graph FILE the graph is recorded too and drawn to FILE (svg, png, pdf, dot or json by \
        its extension) after the script ends, even if it raised; the picture options of `render` apply.
        """)

    @Argument(help: "The PyTorch script to run.")
    var script: String

    @Option(help: "Also draw the recorded graph to this file (.svg, .png, .pdf, .dot, .json).")
    var graph: String?

    @OptionGroup var picture: PictureOptions
    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if let graph, GraphFormat(path: graph) == nil {
            throw ValidationError("cannot tell the picture format from '\(graph)': use .svg, .png, .pdf, .dot or .json")
        }
    }

    func run() throws {
        let source = try loadScript(script)
        let output = OutputStreams()
        guard let graph, let format = GraphFormat(path: graph) else {
            let status = runOnLargeStack {
                ScriptRunner.run(source: source, filename: script, writeOutput: output.writeOut,
                                 writeError: output.writeErr, limits: limits.executionLimits)
            }
            output.flush()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let (status, recorded) = runOnLargeStack {
            ScriptRunner.runRecording(source: source, filename: script, writeOutput: output.writeOut,
                                      writeError: output.writeErr, limits: limits.executionLimits)
        }
        output.flush()
        let bytes = try drawing(recorded, as: format, options: picture.renderOptions, streams: output)
        try writeResult(bytes, to: graph, streams: output)
        if status != 0 { throw ExitCode(status) }
    }
}
