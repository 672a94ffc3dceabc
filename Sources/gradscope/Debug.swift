import ArgumentParser
import Foundation
import GraphModel
import GraphRender
import Python
import Session

/// `gradscope debug SCRIPT.py`: step through a script and its backward passes, like pdb.
struct Debug: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Step through a script statement by statement and its backward passes node by node.",
        discussion: """
            Stops before the first statement. Type help at the prompt for the commands. Commands are \
            read from stdin, so a session can be scripted: `printf 'break 13\\nc\\nbs\\n' | gradscope debug x.py` \
            (commands are echoed when stdin is not a terminal). End of input quits.
            """)

    @Argument(help: "The PyTorch script to debug.")
    var script: String

    @OptionGroup var limits: LimitOptions

    /// `render FILE` at the prompt: the graph so far, in the format of the file's extension.
    static func render(_ graph: Graph, to path: String, page: PageSource) throws {
        guard let format = GraphFormat(path: path) else {
            throw ValidationError("cannot tell the picture format from '\(path)': use .svg, .png, .pdf, .html, .dot or .json")
        }
        try AtomicFileWriter.write(try graphBytes(graph, as: format, options: RenderOptions(), page: page), to: path)
    }

    func run() throws {
        let source = try loadScript(script)
        let page = PageSource(title: (script as NSString).lastPathComponent, text: source)
        let streams = OutputStreams()
        let io = DebuggerIO(
            readLine: { Swift.readLine(strippingNewline: true) },
            write: { text in
                streams.writeOut(text)
                streams.flush()
            },
            echoCommands: isatty(STDIN_FILENO) == 0)
        let status = runOnLargeStack {
            Debugger(
                source: source, filename: script, io: io, writeOutput: streams.writeOut,
                writeError: streams.writeErr, limits: limits.executionLimits,
                render: { graph, path in try Self.render(graph, to: path, page: page) }
            ).run()
        }
        streams.flush()
        if status != 0 { throw ExitCode(status) }
    }
}
