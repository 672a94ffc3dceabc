import Foundation
import Synchronization

/// Keeps `repr` and `==` of nested containers finite, as CPython does: a list or dict already
/// being shown prints as `[...]` / `{...}`, and nesting deeper than `maxDepth` is cut short with
/// a `RecursionError` left pending for the builtin or statement that asked (`take()`), since
/// `repr` and `==` themselves cannot throw. Large repr text is admitted by the running
/// interpreter's memory and time limits before it is built (`admits(bytes:)`): when it does not
/// fit, the repr is cut short the same way, with the limit's error pending.
final class ReprGuard {
    /// How deep containers may nest in one repr (CPython's default recursion limit).
    static let maxDepth = 1000

    /// How many threads have an overflow waiting for `take()`: the interpreter calls `take()`
    /// before every statement, and this lets it skip the thread-local look-up when none has.
    private static let pending = Atomic<Int>(0)

    /// Text below this size is left to the watchdog's sampling, which sees its sum.
    private static let admittedFreely = 1 << 16

    private var active = Set<ObjectIdentifier>()
    private var depth = 0
    private var pendingError: PyException?
    /// The running interpreter's check of new text against its limits (`Interpreter.run()`).
    private var budget: ((Int) throws -> Void)?

    /// Shows `container` with `body`, or its placeholder if it is already being shown or the
    /// nesting is too deep.
    static func showing(_ container: AnyObject, placeholder: String, _ body: () -> String) -> String {
        let guardState = current
        let id = ObjectIdentifier(container)
        if guardState.depth >= maxDepth {
            guardState.record(
                PyException(.recursionError, "maximum recursion depth exceeded while getting the repr of an object"))
            return placeholder
        }
        guard guardState.pendingError == nil, guardState.checkLimits(bytes: 0) else { return placeholder }
        guard guardState.active.insert(id).inserted else { return placeholder }
        guardState.depth += 1
        defer {
            guardState.depth -= 1
            guardState.active.remove(id)
        }
        return body()
    }

    /// Compares one level of nested containers with `body`; too deep a nesting compares unequal.
    static func comparing(_ body: () -> Bool) -> Bool {
        let guardState = current
        if guardState.depth >= maxDepth {
            guardState.record(PyException(.recursionError, "maximum recursion depth exceeded in comparison"))
            return false
        }
        guardState.depth += 1
        defer { guardState.depth -= 1 }
        return body()
    }

    /// Whether `bytes` more of repr text may be built: false, with the limit's error pending for
    /// `take()`, when they do not fit the running interpreter's memory or its time is up.
    static func admits(bytes: Int) -> Bool {
        guard bytes >= admittedFreely else { return true }
        let guardState = current
        return guardState.pendingError == nil && guardState.checkLimits(bytes: bytes)
    }

    /// Whether a repr has been cut short on this thread, its error pending: the rest of it is
    /// placeholders, found without measuring what they stand for.
    static var isCutShort: Bool { pending.load(ordering: .relaxed) != 0 && current.pendingError != nil }

    /// Throws the error of a repr or comparison cut short since the last call: a `RecursionError`
    /// for too deep a nesting, or the error of the limit its text did not fit.
    @inline(__always)
    static func take() throws {
        if let error = takeError() { throw error }
    }

    /// The error `take()` would throw, taken.
    static func takeError() -> PyException? {
        guard pending.load(ordering: .relaxed) != 0 else { return nil }
        let guardState = current
        guard let error = guardState.pendingError else { return nil }
        guardState.pendingError = nil
        pending.subtract(1, ordering: .relaxed)
        return error
    }

    /// Runs `body` with `budget` checking new repr text on this thread (an interpreter's run).
    static func checking<T>(with budget: @escaping (Int) throws -> Void, _ body: () -> T) -> T {
        let guardState = current
        let previous = guardState.budget
        guardState.budget = budget
        defer { guardState.budget = previous }
        return body()
    }

    /// Checks `bytes` more of text with the budget; false, with its error pending, when refused.
    private func checkLimits(bytes: Int) -> Bool {
        guard let budget else { return true }
        do {
            try budget(bytes)
            return true
        } catch let error as PyException {
            record(error)
        } catch {
            record(PyException(.memoryError, "\(error)"))
        }
        return false
    }

    /// Leaves `error` pending for `take()`.
    private func record(_ error: PyException) {
        if pendingError == nil { ReprGuard.pending.add(1, ordering: .relaxed) }
        pendingError = error
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<ReprGuard>.fromOpaque(pointer).release() }
        }
        return key
    }()

    private static var current: ReprGuard {
        if let p = pthread_getspecific(key) { return Unmanaged<ReprGuard>.fromOpaque(p).takeUnretainedValue() }
        let state = ReprGuard()
        pthread_setspecific(key, Unmanaged.passRetained(state).toOpaque())
        return state
    }
}
