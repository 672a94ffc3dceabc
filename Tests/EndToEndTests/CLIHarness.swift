import Foundation
import Testing

/// What one run of the `gradscope` binary printed and how it ended.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
    /// Whether the process was killed by a signal rather than exiting.
    let signaled: Bool
    /// The highest resident size seen while it ran (`VmHWM`, sampled every 5 ms), when asked for.
    var peakResidentBytes = 0
}

/// Runs the real `gradscope` binary built next to this test bundle, on scripts written to a
/// temporary directory.
enum CLI {
    /// The built binary: `GRADSCOPE_BIN` if set, else `gradscope` in the test bundle's products
    /// directory, else `.build/debug/gradscope` under the package root.
    static func binary() throws -> URL {
        var candidates = [URL]()
        if let path = ProcessInfo.processInfo.environment["GRADSCOPE_BIN"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("gradscope"))
            directory = directory.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/gradscope"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CLIError(
                "the gradscope binary was not found (looked in \(candidates.map(\.path))); "
                    + "build it first (`swift build`) or set GRADSCOPE_BIN")
        }
        return found
    }

    /// A fresh temporary directory for one test's files.
    static func scratchDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gradscope-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `source` to `name` in a fresh directory and runs `gradscope run` on it.
    static func run(script source: String, name: String = "script.py", options: [String] = []) throws -> CLIResult {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(source.utf8).write(to: dir.appendingPathComponent(name))
        return try run(["run", name] + options, in: dir)
    }

    /// Runs the binary with `arguments` in `directory`. `whileRunning` is called once the
    /// process has written to stderr (with the process), e.g. to interrupt it.
    /// With `measuringPeak`, the result has the process's peak resident size.
    static func run(
        _ arguments: [String], in directory: URL,
        whileRunning: ((Process) -> Void)? = nil, measuringPeak: Bool = false
    ) throws -> CLIResult {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let outURL = directory.appendingPathComponent(".stdout")
        let errURL = directory.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if let whileRunning {
            let start = Date()
            while process.isRunning, (try? Data(contentsOf: errURL).isEmpty) ?? true, Date().timeIntervalSince(start) < 60 {
                Thread.sleep(forTimeInterval: 0.05)
            }
            if process.isRunning { whileRunning(process) }
        }
        var peak = 0
        while measuringPeak && process.isRunning {
            peak = max(peak, peakResidentBytes(of: process.processIdentifier))
            Thread.sleep(forTimeInterval: 0.005)
        }
        process.waitUntilExit()
        var result = CLIResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            signaled: process.terminationReason == .uncaughtSignal)
        result.peakResidentBytes = peak
        return result
    }

    /// The `VmHWM` line of `/proc/PID/status` in bytes (0 once the process is gone).
    static func peakResidentBytes(of pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
        else { return 0 }
        return kilobytes << 10
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
