import Foundation

/// Runs an executable to completion with its output discarded; returns its exit status and
/// standard output.
func spawn(
    _ path: String, _ arguments: [String],
    environment: [String: String] = [:]
) throws -> (status: Int32, output: String) {
    let process = Process()
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Whole-process time of `gradscope run bench/hello.py` (median of several launches).
func benchStartup(_ config: BenchConfig) throws -> [Figure] {
    let script = (config.scriptsFolder as NSString).appendingPathComponent("hello.py")
    guard FileManager.default.isExecutableFile(atPath: config.gradscopePath) else {
        throw BenchError("no gradscope executable at \(config.gradscopePath) (pass --gradscope PATH)")
    }
    var failure: Int32 = 0
    let seconds = try timeMedian(repeats: config.startupRuns) {
        let status = try spawn(config.gradscopePath, ["run", script]).status
        if status != 0 { failure = status }
    }
    if failure != 0 { throw BenchError("gradscope run \(script) exited with status \(failure)") }
    return [Figure(name: "startup_run_hello_ms", value: seconds * 1e3)]
}

/// Peak RSS of a training loop that keeps every step's loss (and so its graph) alive, with and
/// without retain_graph; and RSS growth between step 10 and the last step of a loop that
/// drops its graphs. Each runs in a fresh child process so peaks do not mix, with glibc's
/// mmap threshold fixed at 64 KB: buffers that size and up are unmapped when freed, so the
/// figures follow what the engine holds rather than heap layout (with the adaptive threshold the
/// same run's peak moved by 17 MB with the length of the executable's path).
func benchMemory(_ config: BenchConfig) throws -> [Figure] {
    var figures = [Figure]()
    for (mode, name) in [
        ("free", "mem_peak_rss_kb_keep_losses"), ("retain", "mem_peak_rss_kb_keep_losses_retain_graph"),
        ("growth", "mem_rss_growth_kb_zeroed_grads")
    ] {
        let result = try spawn(
            config.selfPath, ["--memory-child", mode, "--steps", "\(config.memorySteps)"],
            environment: ["MALLOC_MMAP_THRESHOLD_": "65536"])
        guard result.status == 0, let value = Double(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("memory child \(mode) failed with status \(result.status)")
        }
        figures.append(Figure(name: name, value: value))
    }
    return figures
}
