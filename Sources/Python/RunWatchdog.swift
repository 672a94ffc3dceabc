import Foundation
import Synchronization

/// Enforces one run's time and memory budgets independently of statements: a background thread
/// reads the monotonic clock and (when the run owns the process) its resident memory every 2 ms
/// and raises atomic flags that the interpreter reads before every statement and long builtins
/// read inside their loops (`RunWatchdog.poll()`), so one long statement is stopped too.
///
/// With `hardStop`, a run that does not stop by itself (stuck in a C library, or drawing after
/// the script ended) is ended by the watchdog: its error on stderr and exit status 1.
package final class RunWatchdog: Sendable {
    static let timeBit = 1
    static let memoryBit = 2
    /// Resident growth allowed beyond `--max-memory` for the interpreter's own working set (the
    /// torch prelude and the library code it parses), so that small limits still bound tensors.
    static let allowance = 16 << 20
    /// How long past its deadline a hard-stopping run may take to end by itself.
    static let hardStopGrace: UInt64 = 1_500_000_000

    let seconds: Double?
    let memoryLimit: Int?
    private let end: UInt64
    private let memory: ResidentMemory?
    private let hardStop: Bool
    /// Runs on the watchdog's thread right before a hard stop ends the process.
    private let beforeHardStop: (@Sendable () -> Void)?
    private let tripped = Atomic<Int>(0)
    private let finished = Atomic<Bool>(false)
    /// Resident bytes above the baseline at the last sample.
    private let growth = Atomic<Int>(0)
    /// For tests: the time limit expires at this builtin poll, as if the clock had run out.
    private let pollsLeft: Atomic<Int>
    private let countsPolls: Bool

    /// Starts watching `limits` from now. `hardStop` lets the watchdog end the process, after
    /// calling `beforeHardStop` (to remove unfinished output files).
    package init(limits: ExecutionLimits, hardStop: Bool = false, beforeHardStop: (@Sendable () -> Void)? = nil) {
        seconds = limits.timeout
        memoryLimit = limits.maxMemory
        let nanos = (limits.timeout ?? .infinity) * 1e9
        end = DispatchTime.now().uptimeNanoseconds &+ (nanos >= 1.8e19 ? UInt64.max / 2 : UInt64(max(nanos, 0)))
        memory = limits.maxMemory != nil && limits.countsProcessMemory ? ResidentMemory() : nil
        self.hardStop = hardStop
        self.beforeHardStop = beforeHardStop
        pollsLeft = Atomic(limits.expireAfterPolls ?? 0)
        countsPolls = limits.expireAfterPolls != nil
        if seconds != nil || memory != nil {
            let thread = Thread { [self] in watch() }
            thread.start()
        }
    }

    /// Stops the background thread; the run is over.
    package func finish() { finished.store(true, ordering: .sequentiallyConsistent) }

    /// Whether a limit has been hit.
    @inline(__always)
    var hasTripped: Bool { tripped.load(ordering: .relaxed) != 0 }

    /// The error for the limit that was hit.
    var error: PyException {
        switch Self.limitHit(tripped: tripped.load(ordering: .relaxed), pastMemoryLimit: isPastMemoryLimit) {
        case .memory: PyException(.memoryError, memoryMessage(requested: nil))
        case .time: PyException(.timeoutError, timeMessage)
        }
    }

    /// A limit a run can hit.
    enum Limit { case time, memory }

    /// Which limit the error names, from the flags raised so far (`timeBit`, `memoryBit`) and
    /// whether the process is past its memory limit now: memory while it is, or when no time
    /// limit was hit; a run whose time ran out after it came back under its memory limit (it
    /// caught `MemoryError` and let go) ran out of time.
    static func limitHit(tripped: Int, pastMemoryLimit: Bool) -> Limit {
        guard tripped & memoryBit != 0 else { return .time }
        return tripped & timeBit == 0 || pastMemoryLimit ? .memory : .time
    }

    private var timeMessage: String {
        "script exceeded the time limit of \(Formatting.str(.float(seconds ?? 0))) seconds (--timeout)"
    }

    private func memoryMessage(requested: Int?) -> String {
        let used = growth.load(ordering: .relaxed)
        let what = requested.map { "tried to allocate \($0) bytes with \(used) bytes in use" } ?? "\(used) bytes in use"
        return "out of memory: \(what); the limit is \(memoryLimit ?? 0) bytes (--max-memory)"
    }

    /// The `MemoryError` for a process that is now (sampled afresh) past `--max-memory` plus the
    /// allowance; nil while it is within (or without a memory limit). Unlike the sticky flag
    /// behind `check()`, this reads the size now: output written after a script that ran out of
    /// time, or out of memory in a tensor freed since, may go on; output that would grow the
    /// process past its limit is stopped.
    package var memoryOverrun: PyException? {
        if let memory { sample(memory) }
        return isPastMemoryLimit ? PyException(.memoryError, memoryMessage(requested: nil)) : nil
    }

    /// Whether the process is, at the last sample, past `--max-memory` plus the allowance.
    private var isPastMemoryLimit: Bool {
        guard let limit = memoryLimit else { return false }
        return growth.load(ordering: .relaxed) > limit + Self.allowance
    }

    /// Throws the error of a limit that has been hit (for long loops inside builtins).
    func check() throws {
        if countsPolls, pollsLeft.subtract(1, ordering: .relaxed).newValue == 0 {
            tripped.bitwiseOr(Self.timeBit, ordering: .relaxed)
        }
        if hasTripped { throw error }
    }

    /// Throws `TimeoutError` if work that takes at least `seconds` cannot end before the deadline
    /// (for calls that cannot be interrupted once started, such as one large BLAS product).
    package func refuseWork(taking seconds: Double) throws {
        guard self.seconds != nil else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let left = now >= end ? 0 : Double(end - now) / 1e9
        guard seconds > left else { return }
        throw PyException(
            .timeoutError,
            "this operation needs at least \(Formatting.str(.float(seconds.rounded(.up)))) seconds, more than are left of "
                + "the time limit of \(Formatting.str(.float(self.seconds ?? 0))) seconds (--timeout)")
    }

    /// Throws `MemoryError` unless `bytes` more fit in the memory counted so far. Large requests
    /// sample the resident size first, so growth by big steps is seen at once.
    func reserve(_ bytes: Int) throws {
        guard let memory, let limit = memoryLimit else { return }
        if bytes >= 1 << 20 { sample(memory) }
        if bytes > limit + Self.allowance - growth.load(ordering: .relaxed) {
            throw PyException(.memoryError, memoryMessage(requested: bytes))
        }
    }

    private func sample(_ memory: ResidentMemory) {
        let used = memory.growth()
        growth.store(used, ordering: .relaxed)
        if let limit = memoryLimit, used > limit + Self.allowance { tripped.bitwiseOr(Self.memoryBit, ordering: .relaxed) }
    }

    private func watch() {
        var trippedAt: UInt64?
        while !finished.load(ordering: .relaxed) {
            usleep(2000)
            let now = DispatchTime.now().uptimeNanoseconds
            if let memory { sample(memory) }
            if seconds != nil, now >= end { tripped.bitwiseOr(Self.timeBit, ordering: .relaxed) }
            guard hardStop, hasTripped else { continue }
            // A memory limit hit the process has come back under since (the script raised
            // `MemoryError` and let go of what it held) does not end the command: writing the
            // graph of the failed script goes on, under the limit (`memoryOverrun`).
            let timeIsUp = tripped.load(ordering: .relaxed) & Self.timeBit != 0
            guard timeIsUp || isPastMemoryLimit else {
                trippedAt = nil
                continue
            }
            let start = trippedAt ?? now
            trippedAt = start
            let overshoot = memoryLimit.map { growth.load(ordering: .relaxed) > ($0 + Self.allowance) * 3 / 2 } ?? false
            if overshoot || now - start >= Self.hardStopGrace, !finished.load(ordering: .relaxed) {
                let e = error
                beforeHardStop?()
                FileHandle.standardError.write(Data("\n\(e.instance.cls.name): \(e.message)\n".utf8))
                _exit(1)
            }
        }
    }
}

extension RunWatchdog {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<RunWatchdog>.fromOpaque(pointer).release() }
        }
        return key
    }()

    /// The watchdog of the run on the calling thread.
    package static var current: RunWatchdog? {
        get { pthread_getspecific(key).map { Unmanaged<RunWatchdog>.fromOpaque($0).takeUnretainedValue() } }
        set {
            if let old = pthread_getspecific(key) { Unmanaged<RunWatchdog>.fromOpaque(old).release() }
            pthread_setspecific(key, newValue.map { Unmanaged.passRetained($0).toOpaque() })
        }
    }

    /// Runs `body` under the calling thread's watchdog, or under a new one for `limits` that
    /// ends with `body`.
    package static func during<T>(_ limits: ExecutionLimits, _ body: (RunWatchdog) throws -> T) rethrows -> T {
        if let current { return try body(current) }
        let watchdog = RunWatchdog(limits: limits)
        current = watchdog
        defer {
            watchdog.finish()
            current = nil
        }
        return try body(watchdog)
    }

    /// Throws if the calling thread's run has hit a limit: long loops in builtins call this every
    /// few thousand iterations.
    @inline(__always)
    package static func poll() throws {
        if let watchdog = current { try watchdog.check() }
    }
}

/// The process's resident set size above what it was when the first of these was made, read
/// from `/proc/self/statm` (Linux); zero where that file cannot be read. The baseline is the
/// process's, not each watchdog's: the CLI's watchdog starts before the script is read, and the
/// script's own (on the run thread) must count the script's text and everything since too.
final class ResidentMemory: Sendable {
    private let fd: Int32
    private let baseline: Int
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    private static let processBaseline: Int = {
        let fd = open("/proc/self/statm", O_RDONLY)
        defer { if fd >= 0 { close(fd) } }
        return read(fd)
    }()

    init() {
        fd = open("/proc/self/statm", O_RDONLY)
        baseline = Self.processBaseline
    }

    deinit { if fd >= 0 { close(fd) } }

    func growth() -> Int { max(Self.read(fd) - baseline, 0) }

    private static func read(_ fd: Int32) -> Int {
        guard fd >= 0 else { return 0 }
        // "size resident shared ...": the second field, in pages (read without allocating: the
        // watchdog reads it every 2 ms).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer in
            let n = pread(fd, buffer.baseAddress, 96, 0)
            var i = 0
            while i < n && buffer[i] != UInt8(ascii: " ") { i += 1 }
            i += 1
            var pages = 0
            var digits = 0
            while i < n && buffer[i] >= UInt8(ascii: "0") && buffer[i] <= UInt8(ascii: "9") {
                pages = pages * 10 + Int(buffer[i] - UInt8(ascii: "0"))
                digits += 1
                i += 1
            }
            return digits > 0 ? pages * pageSize : 0
        }
    }
}
