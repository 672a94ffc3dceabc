import ArgumentParser
import Foundation
import GraphModel
import GraphRender
import Python
import Session

/// `gradscope dump SCRIPT.py`: run a script and write the graph it recorded.
struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Run a script and write the graph it recorded as text, JSON or DOT.",
        discussion: """
            The script's own output goes to stderr so that stdout carries only the dump. If the script \
            raises, the graph up to that point is still written (with the error) and the exit status is 1.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, dot
    }

    @Argument(help: "The PyTorch script to run.")
    var script: String

    @Option(name: .shortAndLong, help: "text, json or dot (default: from the -o extension, else text).")
    var format: Format?

    @Option(name: .shortAndLong, help: "Write the dump to this file instead of stdout.")
    var output: String?

    @Option(
        help: """
            With --format dot: draw nn.Module calls this many levels below the module the script \
            called (level 0) as one node each.
            """)
    var depth: Int?

    @Option(
        help: """
            With --format json: the schema, 3 (gradscope.graph/3, fields at their defaults left out) \
            or 2 (gradscope.graph/2, every field written).
            """)
    var schema = 3

    @Flag(help: "With --format json: record each tensor's values (PyTorch's repr; a summary above 1,000 elements).")
    var values = false

    @OptionGroup var limits: LimitOptions
    @OptionGroup var scriptArguments: ScriptArguments

    func validate() throws {
        if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
        if ![2, 3].contains(schema) { throw ValidationError("--schema must be 2 or 3") }
    }

    func run() throws {
        let watchdog = limits.guardProcess()
        defer { watchdog.finish() }
        let chosen = try format ?? output.map(Self.format(forPath:)) ?? .text
        let source = try loadScript(script)
        let streams = OutputStreams()
        let (status, graph) = runOnLargeStack {
            ScriptRunner.runRecording(
                source: source, filename: script, writeOutput: streams.writeErr,
                writeError: streams.writeErr, limits: limits.executionLimits, values: values && chosen == .json,
                arguments: scriptArguments.values)
        }
        // Text and JSON are written in pieces as they are made, never held whole, and under the
        // script's memory limit: a dump that would take the process past it is not written.
        switch chosen {
        case .text:
            let color = output == nil && isatty(STDOUT_FILENO) != 0
            try writeResult(to: output, streams: streams, watchdog: watchdog) { piece in
                graph.writeTextDump(color: color, to: piece)
            }
        case .json:
            let version: GraphJSONVersion = schema == 2 ? .v2 : .v3
            try writeResult(to: output, streams: streams, watchdog: watchdog) { piece in
                graph.writeJSONWithAnalysis(version: version, to: piece)
            }
        case .dot:
            // A dump stays complete at any size: no folding, no node budget.
            var options = RenderOptions()
            options.unfold = true
            options.maxNodes = Int.max
            options.depth = depth
            let bytes = try drawing(graph, as: .dot, options: options, page: PageSource(title: "", text: ""), streams: streams)
            try writeResult(bytes, to: output, streams: streams)
        }
        if status != 0 { throw ExitCode(status) }
    }

    static func format(forPath path: String) throws -> Format {
        switch (path as NSString).pathExtension.lowercased() {
        case "json": return .json
        case "dot", "gv": return .dot
        case "txt", "text", "": return .text
        case let other:
            throw ValidationError("cannot tell the dump format from '.\(other)': use --format text|json|dot")
        }
    }
}

/// Writes bytes to a file atomically, or to stdout when no path is given; exits 2 with the
/// cause when the file cannot be written.
func writeResult(_ bytes: [UInt8], to path: String?, streams: OutputStreams) throws {
    try writeResult(to: path, streams: streams) { piece in bytes.withUnsafeBufferPointer { piece($0) } }
}

/// `writeResult` for a document `produce` hands over in pieces as it makes them. With a
/// `watchdog`, writing stops once the process is past `--max-memory` (plus the watchdog's
/// allowance): the rest is dropped, no file is left, and the run ends with the `MemoryError`
/// (exit status 1).
func writeResult(
    to path: String?, streams: OutputStreams, watchdog: RunWatchdog? = nil,
    producing produce: (_ piece: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Void
) throws {
    let overrun = { watchdog?.memoryOverrun }
    do {
        guard let path else {
            streams.flush()
            try produceWithinLimit(produce, into: { FileHandle.standardOutput.write(Data(buffer: $0)) }, limitError: overrun)
            return
        }
        try AtomicFileWriter.write(to: path) { piece in try produceWithinLimit(produce, into: piece, limitError: overrun) }
    } catch let error as PyException {
        streams.writeErr("gradscope: the dump was not written: it would take the process past --max-memory\n")
        streams.writeErr("\(error.typeName): \(error.message)\n")
        throw ExitCode(1)
    } catch {
        streams.writeErr("gradscope: \(error)\n")
        throw ExitCode(2)
    }
}
