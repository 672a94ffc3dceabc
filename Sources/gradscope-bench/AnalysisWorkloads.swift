import Foundation
import GraphModel
import GraphRender
import Session

/// The PyTorch polynomial tutorial (Tests/RealPrograms/tut_polynomial_autograd.py, beside the
/// scripts folder): a third-order polynomial fitted by `iterations` backward calls, each
/// followed by a no_grad update.
func polynomialScript(_ config: BenchConfig, iterations: Int) throws -> String {
    let path = ((config.scriptsFolder as NSString).appendingPathComponent("..") as NSString)
        .appendingPathComponent("Tests/RealPrograms/tut_polynomial_autograd.py")
    let text = try ScriptRunner.load(path)
    guard text.contains("range(2000)") else { throw BenchError("\(path) no longer contains `range(2000)`") }
    return text.replacingOccurrences(of: "range(2000)", with: "range(\(iterations))")
}

/// What `gradscope why SCRIPT` does after the run: explain the default targets, word them as text.
private func whyText(_ graph: Graph, source: String) -> String {
    graph.whyText(graph.explain(graph.explainTargets), source: source)
}

/// `gradscope why` on the polynomial tutorial (`whyIterations` backward calls) against a
/// plain run of the same script, both in process and timed alternately: seconds for each and
/// the ratio why / run (target <= 3).
func benchWhy(_ config: BenchConfig) throws -> [Figure] {
    let source = try polynomialScript(config, iterations: config.whyIterations)
    var runTimes = [Double]()
    var whyTimes = [Double]()
    for i in 0...max(config.repeats, 1) {
        var start = now()
        _ = try runScript(source, named: "poly.py", recording: false)
        let run = now() - start
        start = now()
        _ = whyText(try runScript(source, named: "poly.py", recording: true), source: source)
        let why = now() - start
        if i > 0 {
            runTimes.append(run)
            whyTimes.append(why)
        }
    }
    return [
        Figure(name: "why_loop_iterations", value: Double(config.whyIterations)),
        Figure(name: "why_loop_run_s", value: median(runTimes)),
        Figure(name: "why_loop_why_s", value: median(whyTimes)),
        Figure(name: "why_loop_ratio", value: median(whyTimes) / median(runTimes))
    ]
}

/// `why`, `render` (folded, SVG) and `dump` (JSON with analysis, made in pieces) of a recorded training loop
/// of about 10k, 100k and 1M ops (`--scale-ops`): seconds for the recorded run and each step after
/// it (the sizes differ tenfold, so linear growth shows as tenfold times). Every size is run
/// `scaleRepeats` times (each a new run and graph) and reports each step's median, so one slow
/// timing of a short step does not skew the ratio, and every size is timed alike: a size's first
/// run pays the page faults of a heap grown to its size, the later ones reuse it.
func benchScaling(_ config: BenchConfig) throws -> [Figure] {
    let one = try runScript(trainingLoopScript(steps: 1), named: "loop.py", recording: true).ops.count
    let two = try runScript(trainingLoopScript(steps: 2), named: "loop.py", recording: true).ops.count
    let perStep = max(two - one, 1)
    var figures = [Figure]()
    for target in config.scaleOps {
        let steps = max((target - (one - perStep)) / perStep, 1)
        let source = trainingLoopScript(steps: steps)
        let repeats = max(1, min(config.repeats, scaleRepeats))
        var times: [String: [Double]] = [:]
        var ops = 0
        for _ in 0..<repeats {
            var start = now()
            let graph = try runScript(source, named: "loop.py", recording: true)
            ops = graph.ops.count
            times["run", default: []].append(now() - start)
            start = now()
            _ = whyText(graph, source: source)
            times["why", default: []].append(now() - start)
            start = now()
            _ = try DOTWriter(graph: graph).render(.svg)
            times["render", default: []].append(now() - start)
            // As `gradscope dump` makes it: in pieces, never held whole (here dropped as made).
            start = now()
            graph.writeJSONWithAnalysis(version: .v3) { _ in }
            times["dump", default: []].append(now() - start)
        }
        let name = "scale_\(target)"
        figures.append(Figure(name: "\(name)_ops", value: Double(ops)))
        for step in ["run", "why", "render", "dump"] {
            figures.append(Figure(name: "\(name)_\(step)_s", value: median(times[step] ?? [])))
        }
    }
    return figures
}

/// Timings per scaling size (fewer when `--repeats` asks for fewer).
let scaleRepeats = 3
