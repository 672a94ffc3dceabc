import ArgumentParser
import Autograd
import Foundation
import Python
import Session

/// Every workload, by the name `--only` takes; add a workload by adding its function here.
let allBenchmarks: [(name: String, run: Benchmark)] = [
    ("w1_swift", benchW1Swift),
    ("w1_script", benchW1Script),
    ("w2_swift", benchW2Swift),
    ("w2_script", benchW2Script),
    ("matmul", benchMatmul),
    ("startup", benchStartup),
    ("memory", benchMemory),
    ("recording", benchRecordingOverhead),
    ("dump", benchDump),
    ("render", benchRender),
    ("why", benchWhy),
    ("scaling", benchScaling)
]

/// `gradscope-bench`: runs the benchmark workloads and prints one `name value` line per figure
/// (medians of several repeats), the form `bench/compare.sh` reads next to PyTorch's figures.
///
/// Not package-benchmark: its harness times closures in one process and reports its own
/// statistics, while these workloads include whole `gradscope` processes, child processes for
/// peak memory, and figures (µs per op, bytes per op) that must line up with
/// bench/torch_reference.py's.
struct GradScopeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradscope-bench",
        abstract: "Run GradScope's benchmark workloads.",
        discussion: "Benchmarks: \(allBenchmarks.map(\.name).joined(separator: ", ")).")

    @Flag(help: "Tiny sizes, one repeat: the smoke run of make test.")
    var quick = false

    @Option(help: "Comma-separated workloads to run (default: all).")
    var only: String?

    @Option(help: "The gradscope executable for the startup figure (default: beside this one).")
    var gradscope: String?

    @Option(help: "The folder holding w1.py, w2.py and hello.py.")
    var scripts = "bench"

    @Option(help: "Timed repeats per workload.") var repeats: Int?
    @Option(name: .customLong("w1-ops"), help: "Ops in the W1 chain.") var w1Ops: Int?
    @Option(name: .customLong("w2-steps"), help: "Training steps per W2 repeat.") var w2Steps: Int?
    @Option(name: .customLong("dump-ops"), help: "Ops in the dumped chain.") var dumpOps: Int?
    @Option(name: .customLong("why-iterations"), help: "Backward calls in the loop `why` explains.") var whyIterations: Int?
    @Option(
        name: .customLong("scale-ops"), help: "Comma-separated loop sizes (ops) for the scaling rows.",
        transform: { text in text.split(separator: ",").compactMap { Int($0) } })
    var scaleOps: [Int]?

    func validate() throws {
        for (flag, value) in [
            ("--repeats", repeats), ("--w1-ops", w1Ops), ("--w2-steps", w2Steps),
            ("--dump-ops", dumpOps), ("--why-iterations", whyIterations)
        ] {
            if let value, value <= 0 { throw ValidationError("\(flag) needs a positive integer") }
        }
        if let scaleOps, scaleOps.isEmpty || scaleOps.contains(where: { $0 <= 0 }) {
            throw ValidationError("--scale-ops needs positive integers separated by commas")
        }
        if let unknown = selected?.first(where: { name in !allBenchmarks.contains { $0.name == name } }) {
            throw ValidationError("unknown benchmark \(unknown)")
        }
    }

    private var selected: Set<String>? { only.map { Set($0.split(separator: ",").map(String.init)) } }

    private var config: BenchConfig {
        let selfPath = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        var config = BenchConfig(
            gradscopePath: gradscope
                ?? URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent("gradscope").path,
            scriptsFolder: scripts, selfPath: selfPath)
        if quick { config.shrink() }
        if let repeats { config.repeats = repeats }
        if let w1Ops { config.w1Ops = w1Ops }
        if let w2Steps { config.w2Steps = w2Steps }
        if let dumpOps { config.dumpOps = dumpOps }
        if let whyIterations { config.whyIterations = whyIterations }
        if let scaleOps { config.scaleOps = scaleOps }
        return config
    }

    func run() throws {
        let config = config
        let selected = selected
        // Every workload runs on one large-stack thread (a 10,000-node chain is released
        // recursively), the same kind of thread `gradscope run` executes scripts on.
        let failed = runOnLargeStack { () -> Bool in
            var failed = false
            for bench in allBenchmarks where selected?.contains(bench.name) ?? true {
                do {
                    for figure in try bench.run(config) {
                        // Unbuffered, so a workload that fails later still leaves its figures.
                        FileHandle.standardOutput.write(Data("\(figure.name) \(String(format: "%.3f", figure.value))\n".utf8))
                    }
                } catch {
                    FileHandle.standardError.write(Data("gradscope-bench: \(bench.name): \(error)\n".utf8))
                    failed = true
                }
            }
            return failed
        }
        if failed { throw ExitCode.failure }
    }
}
