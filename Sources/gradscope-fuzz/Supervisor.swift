import Foundation
import Synchronization

/// Runs the cases in worker processes (this executable with `--worker-progress`): a worker
/// that dies or stops making progress is recorded as a finding at the case it was running, and
/// a new worker resumes at the next case.
struct Supervisor {
    let seed: UInt64
    let from: Int
    let count: Int
    let findingsPath: String?
    let hangSeconds: Double

    func run() throws -> Int32 {
        let start = Date()
        let progressPath = NSTemporaryDirectory() + "gradscope-fuzz-\(getpid()).progress"
        defer { try? FileManager.default.removeItem(atPath: progressPath) }
        var next = from
        let end = from + count
        var executed = 0
        var findings = [(index: Int, what: String)]()
        while next < end {
            let outcome = try runWorker(from: next, count: end - next, progressPath: progressPath)
            executed += outcome.executed
            findings += outcome.findings
            guard let failed = outcome.failedAt else { break }
            findings.append((failed.index, failed.what))
            print("FINDING \(failed.index): \(failed.what)")
            next = failed.index + 1
        }
        for finding in findings { save(finding.index) }
        let seconds = Date().timeIntervalSince(start)
        print(
            "gradscope-fuzz: seed \(seed), cases \(from)..<\(end), \(executed) executions in "
                + "\(String(format: "%.0f", seconds)) s, \(findings.count) findings")
        return findings.isEmpty ? 0 : 1
    }

    private struct Outcome {
        var executed = 0
        var findings = [(index: Int, what: String)]()
        /// The case a crashed or hung worker was running.
        var failedAt: (index: Int, what: String)?
    }

    private func runWorker(from first: Int, count: Int, progressPath: String) throws -> Outcome {
        let worker = Process()
        worker.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        worker.arguments = [
            "--seed", String(seed), "--from", String(first), "--count", String(count), "--worker-progress", progressPath
        ]
        let output = Pipe()
        worker.standardOutput = output
        worker.standardError = FileHandle.nullDevice
        try? FileManager.default.removeItem(atPath: progressPath)
        try worker.run()
        let lines = LineCollector(output.fileHandleForReading)
        var lastIndex = -1
        var lastChange = Date()
        var cpuAtChange = 0.0
        var hung: String?
        while worker.isRunning {
            Thread.sleep(forTimeInterval: 0.2)
            let index = currentIndex(progressPath) ?? -1
            let cpu = cpuSeconds(of: worker.processIdentifier)
            if index != lastIndex {
                lastIndex = index
                lastChange = Date()
                cpuAtChange = cpu
            } else if cpu - cpuAtChange > hangSeconds {
                hung = "hang: no progress in \(hangSeconds) s of CPU time"
            } else if Date().timeIntervalSince(lastChange) > hangSeconds * Self.blockedFactor {
                hung = "hang: no progress for \(hangSeconds * Self.blockedFactor) s"
            }
            if hung != nil {
                kill(worker.processIdentifier, SIGKILL)
                break
            }
        }
        worker.waitUntilExit()
        var outcome = Outcome()
        for line in lines.finish() {
            if line.hasPrefix("FINDING "), let colon = line.firstIndex(of: ":"), let index = Int(line.dropFirst(8)[..<colon]) {
                outcome.findings.append((index, String(line[line.index(colon, offsetBy: 2)...])))
                print(line)
            }
        }
        let failed = currentIndex(progressPath) ?? first
        let crashed = worker.terminationReason == .uncaughtSignal || worker.terminationStatus != 0
        outcome.executed = max(failed - first + (hung != nil || crashed ? 1 : 0), 0)
        if let hung {
            outcome.failedAt = (failed, hung)
        } else if crashed {
            let how = worker.terminationReason == .uncaughtSignal ? "killed by signal" : "exit status"
            outcome.failedAt = (failed, "\(how) \(worker.terminationStatus)")
        } else {
            outcome.executed = count
        }
        return outcome
    }

    /// A worker is hung when it makes no progress for `hangSeconds` of its own CPU time (a loop
    /// the limits failed to stop), or for this many times `hangSeconds` of wall time (a worker
    /// blocked without running). CPU time, because the fuzzer runs at low priority beside other
    /// work, where a case may wait a long time for a core.
    static let blockedFactor = 10.0

    /// User and system CPU time of process `pid` so far (fields 14 and 15 of /proc/PID/stat).
    private func cpuSeconds(of pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let afterName = stat.lastIndex(of: ")")
        else { return 0 }
        // Fields after the name start at field 3 (the state); utime and stime are fields 14, 15.
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private func currentIndex(_ path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private func save(_ index: Int) {
        guard let findingsPath else { return }
        let fuzzCase = FuzzCase(seed: seed, index: index)
        try? FileManager.default.createDirectory(atPath: findingsPath, withIntermediateDirectories: true)
        let name = "seed\(seed)-case\(index)-" + fuzzCase.fileName
        try? Data(fuzzCase.text.utf8).write(to: URL(fileURLWithPath: findingsPath).appendingPathComponent(name))
    }
}

/// Reads a worker's stdout on a background thread, so a full pipe never blocks it.
final class LineCollector: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let text = Mutex<String>("")

    init(_ handle: FileHandle) {
        Thread { [self] in
            let data = handle.readDataToEndOfFile()
            text.withLock { $0 = String(decoding: data, as: UTF8.self) }
            done.signal()
        }.start()
    }

    /// The lines written, once the worker has closed its stdout.
    func finish() -> [String] {
        done.wait()
        return text.withLock { $0.split(separator: "\n").map(String.init) }
    }
}
