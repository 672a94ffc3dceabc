import ArgumentParser
import Foundation

/// `gradscope run SCRIPT.py`: run a script like `python SCRIPT.py`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script like `python SCRIPT.py`: same stdout, stderr and exit status.",
        usage: "gradscope run [<options>] <script> [-- <script-arguments> ...]",
        discussion: """
            With --graph FILE the graph is recorded too and drawn to FILE (svg, png, pdf, html, dot or json \
            by its extension) after the script ends, even if it raised; the picture options of `render` apply.
            """)

    @Argument(help: "The PyTorch script to run.")
    var script: String?

    @Argument(
        parsing: .postTerminator,
        help: "Arguments for the script, after `--`: its sys.argv[1:] (what argparse parses).")
    var scriptArguments: [String] = []

    /// The script and its arguments: `run SCRIPT -- ARGS` or `run -- SCRIPT ARGS`.
    private var invocation: (script: String, arguments: [String])? {
        if let script { return (script, scriptArguments) }
        guard let first = scriptArguments.first else { return nil }
        return (first, Array(scriptArguments.dropFirst()))
    }

    @Flag(
        name: .customLong("detect-anomaly"),
        help: "Turn on torch.autograd.set_detect_anomaly(True) before the script runs.")
    var detectAnomaly = false

    @Option(help: "Also draw the recorded graph to this file (.svg, .png, .pdf, .html, .dot, .json).")
    var graph: String?

    @OptionGroup var picture: PictureOptions
    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if invocation == nil { throw ValidationError("Missing expected argument '<script>'") }
        if let graph, GraphFormat(path: graph) == nil {
            throw ValidationError("cannot tell the picture format from '\(graph)': use .svg, .png, .pdf, .html, .dot or .json")
        }
    }

    func run() throws {
        guard let (script, arguments) = invocation else { return }
        let request = ScriptRun(script: script, arguments: arguments, detectAnomaly: detectAnomaly, limits: limits.values)
        if let graph, let format = GraphFormat(path: graph) {
            try request.run(drawingTo: graph, as: format, picture: picture)
        } else {
            try request.run()
        }
    }
}
