import Autograd
import Foundation
import GraphModel
import GraphRender
import Session

/// Runs a script in this process, recording its graph when `recording` is set (as `gradscope
/// dump` / `render` do), failing on a non-zero status; returns the graph (empty when not recording).
func runScript(_ source: String, named filename: String, recording: Bool) throws -> Graph {
    var errors = ""
    let status: Int32
    var graph = Graph()
    if recording {
        (status, graph) = ScriptRunner.runRecording(
            source: source, filename: filename, writeOutput: { _ in },
            writeError: { errors += $0 })
    } else {
        status = ScriptRunner.run(
            source: source, filename: filename, writeOutput: { _ in },
            writeError: { errors += $0 })
    }
    if status != 0 { throw BenchError("\(filename) failed:\n\(errors)") }
    return graph
}

/// Median times of `off` and `on`, run alternately (one untimed warm-up each) so that load
/// from other processes lands on both sides alike.
private func pairedMedians(repeats: Int, off: () throws -> Void, on: () throws -> Void) rethrows -> (off: Double, on: Double) {
    try off()
    try on()
    var offTimes = [Double]()
    var onTimes = [Double]()
    for _ in 0..<max(repeats, 1) {
        var start = now()
        try off()
        offTimes.append(now() - start)
        start = now()
        try on()
        onTimes.append(now() - start)
    }
    return (median(offTimes), median(onTimes))
}

/// The W1 chain (`ops` elementwise ops on a 1-element tensor, then backward) as a script.
func chainScript(ops: Int) -> String {
    """
    import torch

    x = torch.tensor([0.5], requires_grad=True)
    y = x
    for i in range(\(ops / 2)):
        y = y * 1.0001
        y = y + 0.0001
    y.backward()

    """
}

/// Graph recording on vs off for W1 and W2, through the Swift API (a `Recorder` installed
/// around the same code) and through the script runner (`runRecording` vs `run`, line and
/// name events included). Each pair is timed alternately; the overhead is (on / off - 1) in %.
func benchRecordingOverhead(_ config: BenchConfig) throws -> [Figure] {
    var figures = [Figure]()
    func add(_ name: String, _ t: (off: Double, on: Double), per: Double, unit: Double) {
        figures.append(Figure(name: "\(name)_off", value: t.off / per * unit))
        figures.append(Figure(name: "\(name)_on", value: t.on / per * unit))
        figures.append(Figure(name: "\(name)_overhead_pct", value: (t.on / t.off - 1) * 100))
    }
    let w1 = { () throws -> Void in
        let x = try Tensor([0.5], requiresGrad: true)
        var y = x
        for _ in 0..<(config.w1Ops / 2) {
            y = try y * 1.0001
            y = try y + 0.0001
        }
        try y.backward()
    }
    add(
        "rec_w1_swift_us_per_op", try pairedMedians(repeats: config.repeats, off: w1, on: { try Recorder().recording(w1) }),
        per: Double(config.w1Ops), unit: 1e6)

    let model = try MLP()
    let w2 = { () throws -> Void in for _ in 0..<config.w2Steps { _ = try model.step() } }
    add(
        "rec_w2_swift_ms_per_step", try pairedMedians(repeats: config.repeats, off: w2, on: { try Recorder().recording(w2) }),
        per: Double(config.w2Steps), unit: 1e3)

    // Through the script runner: recording alone, then recording and the JSON dump written
    // (`_json`: as `gradscope dump --format json` does after the run).
    func script(_ name: String, _ source: String, per: Double, unit: Double) throws {
        let off = { _ = try runScript(source, named: "\(name).py", recording: false) }
        let on = { _ = try runScript(source, named: "\(name).py", recording: true) }
        let json = { _ = try runScript(source, named: "\(name).py", recording: true).jsonWithAnalysis() }
        let figure = name == "w1" ? "rec_w1_script_us_per_op" : "rec_w2_script_ms_per_step"
        add(figure, try pairedMedians(repeats: config.repeats, off: off, on: on), per: per, unit: unit)
        add(figure + "_json", try pairedMedians(repeats: config.repeats, off: off, on: json), per: per, unit: unit)
    }
    try script("w1", chainScript(ops: config.w1Ops), per: Double(config.w1Ops), unit: 1e6)
    let path = (config.scriptsFolder as NSString).appendingPathComponent("w2.py")
    let w2Source = try ScriptRunner.load(path).replacingOccurrences(of: "range(20)", with: "range(\(config.w2Steps))")
    try script("w2", w2Source, per: Double(config.w2Steps), unit: 1e3)
    return figures
}

/// A W1-style script of `dumpOps` ops (the chain, then backward) recorded and written as
/// JSON, as `gradscope dump --json` does: seconds for the recorded run, for json(), and both;
/// then the dump read back (`Graph(json:)`, as `gradscope render graph.json` does), and the same
/// document written by Foundation's `JSONSerialization` instead of `JSONWriter` (from a parsed
/// tree, so without the cost of building one: a lower bound for Foundation).
/// The graph model's bytes per op are measured in child processes (see `recordingChild`):
/// the peak RSS of the same script with recording on minus off, divided by the op count.
func benchDump(_ config: BenchConfig) throws -> [Figure] {
    let source = chainScript(ops: config.dumpOps)
    var runTimes = [Double]()
    var jsonTimes = [Double]()
    var json = ""
    for i in 0...max(config.repeats, 1) {
        let start = now()
        let graph = try runScript(source, named: "chain.py", recording: true)
        let mid = now()
        json = graph.jsonWithAnalysis()
        let end = now()
        guard graph.ops.count == config.dumpOps else {
            throw BenchError("chain.py recorded \(graph.ops.count) ops, expected \(config.dumpOps)")
        }
        if i > 0 {
            runTimes.append(mid - start)
            jsonTimes.append(end - mid)
        }
    }
    var readTimes = [Double]()
    var foundationTimes = [Double]()
    let tree = try JSONSerialization.jsonObject(with: Data(json.utf8))
    for _ in 0..<max(config.repeats, 1) {
        let start = now()
        _ = try Graph(json: json)
        let mid = now()
        _ = try JSONSerialization.data(withJSONObject: tree)
        readTimes.append(mid - start)
        foundationTimes.append(now() - mid)
    }
    var peaks = [String: Double]()
    for mode in ["chain-off", "chain-on"] {
        let output = try spawn(
            config.selfPath, ["--memory-child", mode, "--steps", "\(config.dumpOps)"],
            environment: ["MALLOC_MMAP_THRESHOLD_": "65536"]
        ).output
        guard let kb = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("memory child \(mode) failed")
        }
        peaks[mode] = kb
    }
    let perOp = ((peaks["chain-on"] ?? .nan) - (peaks["chain-off"] ?? .nan)) * 1024 / Double(config.dumpOps)
    return [
        Figure(name: "dump_run_recording_s", value: median(runTimes)),
        Figure(name: "dump_json_s", value: median(jsonTimes)),
        Figure(name: "dump_total_s", value: median(runTimes) + median(jsonTimes)),
        Figure(name: "dump_json_bytes_per_op", value: Double(json.utf8.count) / Double(config.dumpOps)),
        Figure(name: "dump_read_s", value: median(readTimes)),
        Figure(name: "dump_json_foundation_s", value: median(foundationTimes)),
        Figure(name: "dump_model_bytes_per_op_rss", value: perOp)
    ]
}

/// The child side of the model-size figure: runs the `ops`-op chain script with recording
/// off (`chain-off`) or on (`chain-on`, the graph kept until the peak is read); returns peak RSS in KB.
func recordingChild(mode: String, ops: Int) throws -> Double {
    let graph = try runScript(chainScript(ops: ops), named: "chain.py", recording: mode == "chain-on")
    let peak = peakRSSKilobytes()
    withExtendedLifetime(graph) {}
    return peak
}

/// A training loop of a small MLP (forward, cross-entropy, backward, SGD under no_grad) with
/// enough steps for about `ops` recorded ops.
func trainingLoopScript(steps: Int) -> String {
    """
    import torch

    torch.manual_seed(0)
    x = torch.randn(8, 16)
    t = torch.randint(0, 4, (8,))
    w1 = (torch.randn(16, 32) * 0.1).requires_grad_()
    b1 = torch.zeros(32, requires_grad=True)
    w2 = (torch.randn(32, 4) * 0.1).requires_grad_()
    b2 = torch.zeros(4, requires_grad=True)

    for step in range(\(steps)):
        h = torch.relu(x @ w1 + b1)
        loss = torch.nn.functional.cross_entropy(h @ w2 + b2, t)
        loss.backward()
        with torch.no_grad():
            for p in (w1, b1, w2, b2):
                p -= 0.01 * p.grad
                p.grad = None

    """
}

/// Render of a recorded training loop of about `renderOps` ops to SVG with the default
/// options (loop iterations folded), as `gradscope render` does after the run: seconds for
/// DOTWriter + Graphviz layout, and the ops actually recorded.
func benchRender(_ config: BenchConfig) throws -> [Figure] {
    let one = try runScript(trainingLoopScript(steps: 1), named: "loop.py", recording: true).ops.count
    let two = try runScript(trainingLoopScript(steps: 2), named: "loop.py", recording: true).ops.count
    let perStep = max(two - one, 1)
    let steps = max((config.renderOps - (one - perStep)) / perStep, 1)
    let graph = try runScript(trainingLoopScript(steps: steps), named: "loop.py", recording: true)
    var svgBytes = 0
    let seconds = try timeMedian(repeats: config.repeats) {
        svgBytes = try DOTWriter(graph: graph).render(.svg).count
    }
    let dotSeconds = try timeMedian(repeats: config.repeats) { _ = try DOTWriter(graph: graph).dot() }
    return [
        Figure(name: "render_ops", value: Double(graph.ops.count)),
        Figure(name: "render_dot_s", value: dotSeconds),
        Figure(name: "render_svg_s", value: seconds),
        Figure(name: "render_svg_kb", value: Double(svgBytes) / 1024)
    ]
}
