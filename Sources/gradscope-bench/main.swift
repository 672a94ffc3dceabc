import Foundation
import Python
import Session

/// `gradscope-bench [--quick] [--only NAME] [--gradscope PATH] [--scripts DIR]`: runs the
/// benchmark workloads and prints one `name value` line per figure (medians of several repeats).
/// Every workload is one `Benchmark` function; add a target by adding it to this list.
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
]

let usage = """
    usage: gradscope-bench [--quick] [--only NAME[,NAME...]] [--gradscope PATH] [--scripts DIR]
                           [--repeats N] [--w1-ops N] [--w2-steps N] [--dump-ops N]
    benchmarks: \(allBenchmarks.map(\.name).joined(separator: ", "))
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("gradscope-bench: \(message)\n".utf8))
    exit(2)
}

let selfPath = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
var config = BenchConfig(
    gradscopePath: URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent("gradscope").path,
    scriptsFolder: "bench", selfPath: selfPath)
var only: Set<String>? = nil
var memoryChild: String? = nil
var childSteps = config.memorySteps

var arguments = CommandLine.arguments.dropFirst()
func value(after flag: String) -> String {
    guard let v = arguments.popFirst() else { fail("\(flag) needs a value\n\(usage)") }
    return v
}
while let arg = arguments.popFirst() {
    switch arg {
    case "--quick": config.shrink()
    case "--only": only = Set(value(after: arg).split(separator: ",").map(String.init))
    case "--gradscope": config.gradscopePath = value(after: arg)
    case "--scripts": config.scriptsFolder = value(after: arg)
    case "--repeats", "--w1-ops", "--w2-steps", "--dump-ops":
        guard let n = Int(value(after: arg)), n > 0 else { fail("\(arg) needs a positive integer") }
        switch arg {
        case "--repeats": config.repeats = n
        case "--w1-ops": config.w1Ops = n
        case "--dump-ops": config.dumpOps = n
        default: config.w2Steps = n
        }
    case "--memory-child": memoryChild = value(after: arg)
    case "--steps":
        guard let n = Int(value(after: arg)), n > 0 else { fail("--steps needs a positive integer") }
        childSteps = n
    case "-h", "--help": print(usage); exit(0)
    default: fail("unknown argument \(arg)\n\(usage)")
    }
}

if let mode = memoryChild {
    do {
        print(try runOnLargeStack {
            Result {
                mode.hasPrefix("chain-") ? try recordingChild(mode: mode, ops: childSteps)
                    : try runMemoryChild(mode: mode, steps: childSteps)
            }
        }.get())
        exit(0)
    } catch {
        fail("\(error)")
    }
}

if let only, let unknown = only.first(where: { name in !allBenchmarks.contains { $0.name == name } }) {
    fail("unknown benchmark \(unknown)\n\(usage)")
}
// Every workload runs on one large-stack thread (a 10,000-node chain is released recursively),
// the same kind of thread `gradscope run` executes scripts on.
let failed = runOnLargeStack { () -> Bool in
    var failed = false
    for bench in allBenchmarks where only?.contains(bench.name) ?? true {
        do {
            for figure in try bench.run(config) {
                print("\(figure.name) \(String(format: "%.3f", figure.value))")
                fflush(stdout)
            }
        } catch {
            FileHandle.standardError.write(Data("gradscope-bench: \(bench.name): \(error)\n".utf8))
            failed = true
        }
    }
    return failed
}
exit(failed ? 1 : 0)
