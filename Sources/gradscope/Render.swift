import ArgumentParser
import Foundation
import GraphModel
import GraphRender
import Python
import Session

/// `gradscope render SCRIPT.py -o graph.svg`: run a script (or read a JSON dump) and draw its graph.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the graph a script records as SVG, PNG, PDF, an interactive HTML page (or DOT or JSON).",
        discussion: """
            INPUT is a script (run first; its output goes to stderr) or a graph dumped with \
            `gradscope dump SCRIPT.py -o graph.json` (drawn without running anything). The picture is \
            written atomically: on any failure nothing is written. Exit status: 0; 1 if the script \
            raised (the picture is still written); 2 for usage, input or render errors.
            """)

    @Argument(help: "A PyTorch script, or a gradscope.graph JSON dump (.json).")
    var input: String

    @Option(name: .shortAndLong, help: "The file to write; its extension picks the format.")
    var output: String?

    @Option(name: .shortAndLong, help: "svg, png, pdf, html, dot or json (default: from the -o extension).")
    var format: GraphFormat?

    @OptionGroup var picture: PictureOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var scriptArguments: ScriptArguments

    func run() throws {
        let watchdog = limits.guardProcess()
        defer { watchdog.finish() }
        let streams = OutputStreams()
        let chosen: GraphFormat
        if let format {
            chosen = format
        } else if let output {
            guard let f = GraphFormat(path: output) else {
                streams.writeErr(
                    "gradscope: cannot tell the picture format from '\(output)': "
                        + "use an .svg, .png, .pdf, .html, .dot or .json name, or --format\n")
                throw ExitCode(2)
            }
            chosen = f
        } else {
            streams.writeErr("gradscope: render needs -o FILE (or --format to write to stdout)\n")
            throw ExitCode(2)
        }
        let (status, graph) = try loadGraph(
            input, limits: limits, streams: streams, values: picture.recordsValues(for: chosen),
            arguments: scriptArguments.values)
        let isDump = (input as NSString).pathExtension.lowercased() == "json"
        let page = PageSource(title: (input as NSString).lastPathComponent, text: isDump ? "" : try loadScript(input))
        let bytes = try drawing(graph, as: chosen, options: picture.renderOptions, page: page, streams: streams)
        try writeResult(bytes, to: output, streams: streams)
        if status != 0 { throw ExitCode(status) }
    }
}

/// What `render` and `run --graph` can write.
enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
    case svg, png, pdf, html, dot, json

    /// The format named by a file's extension (`.gv` is DOT, `.htm` HTML), or nil.
    init?(path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "json" {
            self = .json
        } else if ext == "html" || ext == "htm" {
            self = .html
        } else if let f = RenderFormat(pathExtensionOf: path), let g = GraphFormat(rawValue: f.rawValue) {
            self = g
        } else {
            return nil
        }
    }
}

/// The options that shape a picture, shared by `render` and `run --graph`.
struct PictureOptions: ParsableArguments {
    @Flag(name: .customLong("show-saved"), help: "Draw the buffers each grad_fn saved (retained, freed, invalidated).")
    var showSaved = false

    @Flag(name: .customLong("show-grads"), help: "Label edges with a backward pass's gradients, coloured by size.")
    var showGrads = false

    @Option(
        name: .customLong("pass"),
        help: """
            The one backward pass --show-grads draws, numbered from 0 as `dump` lists them (default: the last), \
            or `all`: every pass in a frame of its own, holding only the ops it ran.
            """)
    var pass: PassChoice?

    @Option(help: "forward, backward or both (default both).")
    var view: RenderOptions.View = .both

    @Option(help: "dot, sfdp or neato (default: dot, or sfdp above 1,500 drawn nodes).")
    var layout: RenderOptions.Layout?

    @Option(help: "TB (top to bottom) or LR (left to right).")
    var rankdir: RenderOptions.RankDirection = .topToBottom

    @Option(name: .customLong("max-nodes"), help: "Draw at most this many nodes, those nearest the roots (default 400).")
    var maxNodes = 400

    @Option(help: "Draw the graph as it stood after this script line ran (the first time).")
    var at: Int?

    @Flag(name: .customLong("no-legend"), help: "Leave the legend out.")
    var noLegend = false

    @Flag(help: "Draw every loop iteration (by default a loop's identical iterations are drawn once, in a loop box).")
    var unfold = false

    @Flag(
        help: """
            Record each tensor's values (PyTorch's repr; shape, min, max and mean above 1,000 elements) \
            for the tooltips and the JSON; always on for an .html page.
            """)
    var values = false

    /// Whether a run writing `format` records tensor values.
    func recordsValues(for format: GraphFormat) -> Bool { values || format == .html }

    @Option(
        help: """
            Draw nn.Module calls this many levels below the module the script called (level 0) \
            as one node each (default: every call is a cluster).
            """)
    var depth: Int?

    var renderOptions: RenderOptions {
        var o = RenderOptions()
        o.showSaved = showSaved
        o.showGrads = showGrads
        switch pass {
        case .index(let p): o.pass = p
        case .all: o.everyPass = true
        case nil: break
        }
        o.view = view
        o.layout = layout
        o.rankdir = rankdir
        o.maxNodes = maxNodes
        o.at = at
        o.legend = !noLegend
        o.unfold = unfold
        o.depth = depth
        return o
    }

    func validate() throws {
        guard maxNodes > 0 else { throw ValidationError("--max-nodes must be at least 1") }
        if pass == .all && view == .forward {
            throw ValidationError("--pass all draws backward passes: it cannot be combined with --view forward")
        }
        if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
    }
}

/// `--pass N` (a pass number, from 0) or `--pass all`.
enum PassChoice: Equatable, ExpressibleByArgument {
    case index(Int)
    case all

    init?(argument: String) {
        if argument == "all" {
            self = .all
        } else if let n = Int(argument), n >= 0 {
            self = .index(n)
        } else {
            return nil
        }
    }
}

extension RenderOptions.View: ExpressibleByArgument {}
extension RenderOptions.Layout: ExpressibleByArgument {}
extension RenderOptions.RankDirection: ExpressibleByArgument {}

/// The graph of a JSON dump (status 0) or of a script run (its exit status, with tensor values
/// when `values` asks, and `arguments` as its `sys.argv[1:]`); exits 2 when the input cannot be read.
func loadGraph(
    _ path: String, limits: LimitOptions, streams: OutputStreams, values: Bool = false, arguments: [String] = []
) throws -> (Int32, Graph) {
    guard (path as NSString).pathExtension.lowercased() == "json" else {
        let source = try loadScript(path)
        return runOnLargeStack {
            ScriptRunner.runRecording(
                source: source, filename: path, writeOutput: streams.writeErr,
                writeError: streams.writeErr, limits: limits.executionLimits, values: values,
                arguments: arguments)
        }
    }
    try checkDumpSize(path, limits: limits, streams: streams)
    guard let data = FileManager.default.contents(atPath: path) else {
        streams.writeErr("gradscope: cannot read \(path)\n")
        throw ExitCode(2)
    }
    do {
        return (0, try Graph(json: String(decoding: data, as: UTF8.self)))
    } catch {
        streams.writeErr("gradscope: \(path): \(error)\n")
        throw ExitCode(2)
    }
}

/// The script a page quotes and its name (the HTML viewer's title).
struct PageSource {
    var title: String
    var text: String
}

/// The bytes of `graph` in `format`; exits 2 with the cause when drawing fails.
func drawing(
    _ graph: Graph, as format: GraphFormat, options: RenderOptions, page: PageSource, streams: OutputStreams
) throws -> [UInt8] {
    if options.everyPass && (format == .html || format == .json) {
        streams.writeErr(
            "gradscope: --pass all draws svg, png, pdf or dot"
                + (format == .html ? "; the HTML viewer has its own pass selector\n" : "\n"))
        throw ExitCode(2)
    }
    do {
        return try graphBytes(graph, as: format, options: options, page: page)
    } catch {
        streams.writeErr("gradscope: cannot draw the graph: \(error)\n")
        throw ExitCode(2)
    }
}

/// The graph drawn (or dumped) in `format`.
func graphBytes(_ graph: Graph, as format: GraphFormat, options: RenderOptions, page: PageSource) throws -> [UInt8] {
    switch format {
    case .html:
        return Array(try ViewerPage(graph: graph, options: options, source: page.text, title: page.title).html().utf8)
    case .json: return Array(graph.jsonWithAnalysis().utf8)
    case .svg: return try DOTWriter(graph: graph, options: options).render(.svg)
    case .png: return try DOTWriter(graph: graph, options: options).render(.png)
    case .pdf: return try DOTWriter(graph: graph, options: options).render(.pdf)
    case .dot: return Array(try DOTWriter(graph: graph, options: options).dot().utf8)
    }
}
