import Foundation
import Session

/// Runs a script in this process like `gradscope run` does (the caller is on a large-stack
/// thread), failing on a non-zero status.
private func runScript(_ source: String, named filename: String) throws {
    var errors = ""
    let status = ScriptRunner.run(
        source: source, filename: filename, writeOutput: { _ in },
        writeError: { errors += $0 })
    if status != 0 { throw BenchError("\(filename) failed:\n\(errors)") }
}

/// The text of a bench script, with its loop sizes replaced for `--quick`.
private func scriptText(_ config: BenchConfig, _ name: String, replacing: [(String, String)]) throws -> String {
    let path = (config.scriptsFolder as NSString).appendingPathComponent(name)
    var text = try ScriptRunner.load(path)
    for (from, to) in replacing {
        guard text.contains(from) else { throw BenchError("\(path) no longer contains `\(from)`") }
        text = text.replacingOccurrences(of: from, with: to)
    }
    return text
}

/// W1 through the interpreter (bench/w1.py): microseconds per op, parse and backward included.
func benchW1Script(_ config: BenchConfig) throws -> [Figure] {
    let source = try scriptText(config, "w1.py", replacing: [("range(5000)", "range(\(config.w1Ops / 2))")])
    let seconds = try timeMedian(repeats: config.repeats) { try runScript(source, named: "w1.py") }
    return [Figure(name: "w1_script_us_per_op", value: seconds / Double(config.w1Ops) * 1e6)]
}

/// W2 through the interpreter (bench/w2.py): milliseconds per training step. Like PyTorch's
/// reference, which builds its data outside the timed loop, the time of the same script with
/// no steps (parse, random data, parameters) is subtracted; it is reported on its own line.
func benchW2Script(_ config: BenchConfig) throws -> [Figure] {
    let source = try scriptText(config, "w2.py", replacing: [("range(20)", "range(\(config.w2Steps))")])
    let setupOnly = try scriptText(config, "w2.py", replacing: [("range(20)", "range(0)")])
    let seconds = try timeMedian(repeats: config.repeats) { try runScript(source, named: "w2.py") }
    let setup = try timeMedian(repeats: config.repeats) { try runScript(setupOnly, named: "w2.py") }
    return [
        Figure(name: "w2_script_ms_per_step", value: max(seconds - setup, 0) / Double(config.w2Steps) * 1e3),
        Figure(name: "w2_script_setup_ms", value: setup * 1e3)
    ]
}
