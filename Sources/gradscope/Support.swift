import ArgumentParser
import Foundation
import GraphRender
import Python
import Session
import Synchronization

/// Limits shared by every command that runs a script.
/// What follows `--` on the command line: the script's `sys.argv[1:]`.
struct ScriptArguments: ParsableArguments {
    @Argument(
        parsing: .postTerminator,
        help: "Arguments for the script, after `--`: its sys.argv[1:] (what argparse parses).")
    var values: [String] = []
}

struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-steps"), help: "Stop the script after this many statements.")
    var maxSteps: Int?

    @Option(
        name: .customLong("timeout"),
        help: ArgumentHelp(
            "Stop the script after this many seconds of wall-clock time.",
            valueName: "seconds"))
    var timeout: Double = ScriptLimits.defaultTimeout

    @Option(
        name: .customLong("max-memory"),
        help: ArgumentHelp(
            "Most bytes a script may hold: its tensors, and its growth of resident memory (suffixes K, M, G).",
            valueName: "bytes"))
    var maxMemory: ByteCount = ScriptLimits.defaultMaxMemory

    func validate() throws {
        if let problem = values.problem { throw ValidationError(problem) }
    }

    /// The parsed limits as a plain value.
    var values: ScriptLimits { ScriptLimits(maxSteps: maxSteps, timeout: timeout, maxMemory: maxMemory) }

    var executionLimits: ExecutionLimits { values.executionLimits }

    func guardProcess() -> RunWatchdog { values.guardProcess() }
}

/// The values of `--max-steps`, `--timeout` and `--max-memory`, whether parsed by ArgumentParser
/// (`LimitOptions`) or by `PlainRun`'s fast path.
struct ScriptLimits {
    static let defaultTimeout: Double = 60
    static let defaultMaxMemory = ByteCount(bytes: 4 << 30)

    var maxSteps: Int?
    var timeout = defaultTimeout
    var maxMemory = defaultMaxMemory

    /// The usage error these values are, if any.
    var problem: String? {
        if let maxSteps, maxSteps < 1 { return "--max-steps must be at least 1" }
        guard timeout.isFinite, timeout > 0 else { return "--timeout must be a positive number of seconds" }
        return nil
    }

    var executionLimits: ExecutionLimits {
        var l = ExecutionLimits()
        l.maxSteps = maxSteps
        l.timeout = timeout
        l.maxMemory = maxMemory.bytes
        l.countsProcessMemory = true
        return l
    }

    /// Starts the watchdog that ends this process when a command overruns its limits by more than
    /// a grace period (a script stuck in a C library, drawing past the deadline); call once at
    /// the start of a command and `finish()` it at the end.
    func guardProcess() -> RunWatchdog {
        RunWatchdog(limits: executionLimits, hardStop: true, beforeHardStop: AtomicFileWriter.removeUnfinished)
    }
}

/// A byte count given as `1048576`, `512K`, `64M` or `2G` (binary multiples).
struct ByteCount: ExpressibleByArgument {
    let bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var digits = Substring(argument.uppercased())
        var scale = 1
        if digits.last == "B" { digits = digits.dropLast() }
        if let last = digits.last, let unit = units[last] {
            scale = unit
            digits = digits.dropLast()
        }
        guard let n = Int(digits), n > 0 else { return nil }
        let (product, overflow) = n.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        bytes = product
    }

    var defaultValueDescription: String { "\(bytes)" }
}

/// Reads a script or exits with status 2 and a clear message.
func loadScript(_ path: String) throws -> String {
    do {
        return try ScriptRunner.load(path)
    } catch let e as InputError {
        FileHandle.standardError.write(Data("gradscope: \(e.description)\n".utf8))
        throw ExitCode(2)
    }
}

/// Buffered stdout and unbuffered stderr, as Python uses them when piped.
final class OutputStreams: Sendable {
    /// Pending stdout bytes; the script thread writes, the main thread flushes at exit.
    private let buffer = Mutex([UInt8]())

    func writeOut(_ s: String) {
        let full = buffer.withLock { buffer in
            buffer.append(contentsOf: s.utf8)
            return buffer.count > 1 << 16
        }
        if full { flush() }
    }

    func writeErr(_ s: String) {
        flush()
        FileHandle.standardError.write(Data(s.utf8))
    }

    func flush() {
        let pending = buffer.withLock { buffer in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        guard !pending.isEmpty else { return }
        FileHandle.standardOutput.write(Data(pending))
    }
}

/// Ctrl-C (SIGINT) stops the script with `KeyboardInterrupt` at its next statement; a second
/// Ctrl-C before that exits at once with status 130. SIGINT is unblocked first, since a parent
/// may have spawned us with it blocked.
func installInterruptHandler() {
    ScriptInterrupt.prepare()
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    signal(SIGINT) { _ in
        if ScriptInterrupt.request() {
            let text: StaticString = "\nKeyboardInterrupt\n"
            _ = write(2, text.utf8Start, text.utf8CodeUnitCount)
            _exit(130)
        }
    }
}
