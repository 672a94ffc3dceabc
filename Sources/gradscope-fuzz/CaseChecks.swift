import Foundation
import GraphModel
import GraphRender
import Python
import Session

/// One generated case run in-process under the CLI's limits, and what was wrong with its
/// ending: a run that used more than `timeLimit` of CPU time, resident growth past the limit, or
/// an unclear error. (A crash ends the worker, and a worker that makes no progress for the
/// supervisor's hang time is ended; the supervisor records both.)
struct CaseChecks {
    /// The CLI's `--max-memory 64M --timeout 2`.
    static let limits: ExecutionLimits = {
        var l = ExecutionLimits()
        l.timeout = 2
        l.maxMemory = 64 << 20
        l.countsProcessMemory = true
        return l
    }()
    /// The issue's bound on one run's time (5 s of wall time on a quiet machine), applied to the
    /// worker's CPU time: the fuzzer runs at low priority beside other work, where a case that
    /// is merely waiting for a core would otherwise be reported as over the limit.
    static let timeLimit = 5.0
    /// Resident growth allowed above the worker's size before the case: the limit, the
    /// watchdog's 16 MiB allowance, and 16 MiB for its 2 ms sampling slack.
    static let growthLimit = (64 << 20) + (16 << 20) + (16 << 20)

    /// Whether `line` is a Python-style `Name: message` (or bare `Name`) line.
    static func isPythonError(_ line: Substring) -> Bool {
        let name = line.prefix { $0 != ":" }
        guard let first = name.first, first.isLetter || first == "_", first.isASCII,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") })
        else { return false }
        return name.count == line.count || line.dropFirst(name.count).hasPrefix(": ")
    }

    /// Runs `source` as a script; nil when it ended well, else the finding.
    static func script(_ source: String) -> String? {
        measured {
            let stderr = runOnLargeStack { () -> (Int32, String) in
                var err = ""
                let status = ScriptRunner.run(
                    source: source, filename: "case.py", writeOutput: { _ in }, writeError: { err += $0 }, limits: limits)
                return (status, err)
            }
            let (status, err) = stderr
            if status == 0 { return nil }
            guard status == 1 else { return "exit status \(status)" }
            let lines = err.split(separator: "\n")
            return lines.contains(where: isPythonError) ? nil : "unclear error: \(lines.last ?? "")"
        }
    }

    /// Reads `text` as a graph dump and, when it is accepted, writes its DOT (the scene that
    /// `render` draws); nil when that ended well, else the finding.
    static func dump(_ text: String) -> String? {
        measured {
            do {
                let graph = try Graph(json: text)
                _ = try DOTWriter(graph: graph).dot()
                return nil
            } catch {
                return "\(error)".isEmpty ? "an error without a message" : nil
            }
        }
    }

    /// `body`'s finding, or one about its wall time or resident growth.
    private static func measured(_ body: () -> String?) -> String? {
        let before = ProcessMemory.residentBytes()
        ProcessMemory.resetPeak()
        let start = ProcessMemory.cpuSeconds()
        let finding = body()
        let seconds = ProcessMemory.cpuSeconds() - start
        let growth = ProcessMemory.peakBytes() - before
        if let finding { return finding }
        if seconds > timeLimit { return "used \(seconds) s of CPU time (over \(timeLimit) s)" }
        if growth > growthLimit { return "resident growth \(growth) bytes (over \(growthLimit))" }
        return nil
    }
}

/// The worker's own resident size, from /proc/self.
enum ProcessMemory {
    static func residentBytes() -> Int { field("VmRSS:") }

    /// User and system CPU time of the worker's threads so far, in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let seconds = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
        let micros = usage.ru_utime.tv_usec + usage.ru_stime.tv_usec
        return Double(seconds) + Double(micros) / 1e6
    }

    /// The highest resident size since the last `resetPeak()`.
    static func peakBytes() -> Int { field("VmHWM:") }

    /// Starts a new peak from the current size (Linux's `clear_refs` value 5).
    static func resetPeak() {
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { return }
        _ = write(fd, "5", 1)
        close(fd)
    }

    private static func field(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
            let kilobytes = Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
        else { return 0 }
        return kilobytes << 10
    }
}
