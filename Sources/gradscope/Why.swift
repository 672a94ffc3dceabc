import ArgumentParser
import Foundation
import GraphModel
import GraphRender
import Python
import Session

/// `gradscope why SCRIPT.py [NAME ...]`: explain who got a gradient, through which ops, and why not.
struct Why: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why",
        abstract: "Explain, per backward pass, whether each tensor got a gradient, how, or exactly why not.",
        discussion: """
            Without names, explains every leaf that requires grad and every tensor whose .grad the script \
            read. A name bound to several tensors explains each of them. Also flags all-zero, vanishing, \
            exploding and NaN/Inf gradients, .grad accumulating across passes without being zeroed, and \
            saved tensors modified in place. The script's own output goes to stderr.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The PyTorch script to run, or a gradscope.graph JSON dump (.json; nothing is run).")
    var script: String

    @Argument(help: "Script variable names of the tensors to explain.")
    var names: [String] = []

    @Option(name: .shortAndLong, help: "text or json.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the explanation to this file instead of stdout.")
    var output: String?

    @Option(name: .customLong("vanishing-below"), help: "Report gradients whose norm is below this (default 1e-6).")
    var vanishingBelow: Double = 1e-6

    @Option(name: .customLong("exploding-above"), help: "Report gradients whose norm is above this (default 1e4).")
    var explodingAbove: Double = 1e4

    @Option(name: .customLong("source"), help: "For a JSON dump: the script it was made from, to quote its lines.")
    var sourcePath: String?

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let watchdog = limits.guardProcess()
        defer { watchdog.finish() }
        let streams = OutputStreams()
        let (status, graph) = try loadGraph(script, limits: limits, streams: streams)
        let isDump = (script as NSString).pathExtension.lowercased() == "json"
        let source = try isDump ? sourcePath.map(loadScript) ?? "" : loadScript(script)
        let (targets, labels) = try resolveTargets(graph, streams: streams)
        var options = ExplainOptions()
        options.vanishingBelow = vanishingBelow
        options.explodingAbove = explodingAbove
        let explanations = graph.explain(targets, options: options)
        let text: String
        switch format {
        case .text:
            text = graph.whyText(
                explanations, source: source, names: labels,
                color: output == nil && isatty(STDOUT_FILENO) != 0)
        case .json: text = graph.whyJSON(explanations, source: source, names: labels) + "\n"
        }
        try writeResult(Array(text.utf8), to: output, streams: streams)
        if status != 0 { throw ExitCode(status) }
    }

    /// The tensors to explain and their display names; exits 2 for a name the script never bound.
    private func resolveTargets(_ graph: Graph, streams: OutputStreams) throws -> ([Int], [Int: String]) {
        guard !names.isEmpty else { return (graph.explainTargets, [:]) }
        var targets: [Int] = []
        var labels: [Int: String] = [:]
        for name in names {
            let found = graph.tensors(named: name)
            guard !found.isEmpty else {
                let known = Array(Set(graph.tensors.flatMap(\.names) + graph.tensors.compactMap(\.parameterPath))).sorted()
                streams.writeErr(
                    "gradscope: no tensor was bound to '\(name)' in \(script)"
                        + (known.isEmpty ? "\n" : " (tensor names: \(known.joined(separator: ", ")))\n"))
                throw ExitCode(2)
            }
            for t in found where labels[t] == nil {
                targets.append(t)
                labels[t] =
                    graph.tensors[t].parameterPath ?? (found.count == 1 ? name : "\(name) (line \(graph.tensors[t].line))")
            }
        }
        return (targets, labels)
    }
}
