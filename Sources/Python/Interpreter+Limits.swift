import Foundation
import Synchronization

/// A request to stop the running script (SIGINT), raised as `KeyboardInterrupt` at the next
/// statement. The flag is a lock-free atomic so a signal handler can set it safely.
package enum ScriptInterrupt {
    private static let flag = Atomic<Int32>(0)

    /// Asks the running script to stop; returns whether a request was already pending.
    /// Async-signal-safe once `prepare()` has run.
    @discardableResult
    package static func request() -> Bool {
        flag.exchange(1, ordering: .sequentiallyConsistent) != 0
    }

    /// Creates the flag ahead of time (call before installing a signal handler).
    package static func prepare() { flag.store(0, ordering: .sequentiallyConsistent) }

    /// Takes a pending request, clearing it.
    static func take() -> Bool {
        guard flag.load(ordering: .relaxed) != 0 else { return false }
        return flag.exchange(0, ordering: .sequentiallyConsistent) != 0
    }
}

extension Interpreter {
    /// Counts one statement and enforces the step limit, the wall-clock limit and interrupts.
    @inline(__always)
    func tick() throws {
        steps += 1
        if let max = limits.maxSteps, steps > max {
            throw attachFrames(PyException(.timeoutError, "script exceeded the step limit of \(max) statements (--max-steps)"))
        }
        try checkTime()
    }

    /// Enforces the watchdog's limits and interrupts; also called inside comprehensions, which run
    /// no statements.
    @inline(__always)
    func checkTime() throws {
        if ScriptInterrupt.take() {
            throw attachFrames(PyException(instance: ExceptionInstance(.keyboardInterrupt, [])))
        }
        if let watchdog, watchdog.hasTripped { throw attachFrames(watchdog.error) }
        try ReprGuard.take()
    }
}
