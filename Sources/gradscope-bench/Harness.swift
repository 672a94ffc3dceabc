import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Sizes and repeat counts for one benchmark run; `--quick` shrinks them to a smoke test.
struct BenchConfig {
    var quick = false
    /// Timed repeats per workload (after one untimed warm-up); the median is reported.
    var repeats = 5
    /// Elementwise ops in the W1 chain.
    var w1Ops = 10_000
    /// Training steps per W2 repeat.
    var w2Steps = 20
    /// Training steps in the memory workloads.
    var memorySteps = 100
    /// Ops in the chain script recorded and dumped to JSON.
    var dumpOps = 100_000
    /// Ops (about) in the training loop rendered to SVG.
    var renderOps = 5_000
    /// Backward calls in the loop `gradscope why` explains.
    var whyIterations = 2_000
    /// Ops (about) in the training loops analysed, rendered and dumped at growing sizes.
    var scaleOps = [10_000, 100_000, 1_000_000]
    /// Process launches for the startup figure.
    var startupRuns = 7
    /// The `gradscope` executable used for the startup figure.
    var gradscopePath: String
    /// The folder holding w1.py, w2.py and hello.py.
    var scriptsFolder: String
    /// The path of this executable (the memory workloads run in child processes).
    var selfPath: String

    /// The smoke-test sizes CI runs.
    mutating func shrink() {
        quick = true
        repeats = 1
        w1Ops = 200
        w2Steps = 2
        memorySteps = 5
        dumpOps = 1_000
        renderOps = 200
        whyIterations = 20
        scaleOps = [300]
        startupRuns = 1
    }
}

/// One reported figure: a name and a value, printed as `name value` on its own line.
struct Figure {
    let name: String
    let value: Double
}

/// A benchmark: reads the configuration, returns its figures. Adding a target means adding
/// one such function to `allBenchmarks`.
typealias Benchmark = @Sendable (BenchConfig) throws -> [Figure]

/// Monotonic wall time in seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// The median of `values` (the mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Runs `body` once untimed, then `repeats` times; returns the median wall time in seconds.
func timeMedian(repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times = [Double]()
    for _ in 0..<max(repeats, 1) {
        let start = now()
        try body()
        times.append(now() - start)
    }
    return median(times)
}

/// Peak resident set size of this process image so far, in kilobytes (VmHWM; unlike
/// getrusage's ru_maxrss it does not carry over the spawning parent's peak across exec).
func peakRSSKilobytes() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return .nan }
    return kb
}

/// Current resident set size of this process, in kilobytes (from /proc/self/statm).
func currentRSSKilobytes() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return .nan }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return .nan }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

/// A benchmark failure (a script that raised, a child that failed).
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
