import Foundation
import Synchronization

/// Keeps `repr` and `==` of nested containers finite, as CPython does: a list or dict already
/// being shown prints as `[...]` / `{...}`, and nesting deeper than `maxDepth` is cut short with
/// a `RecursionError` left pending for the builtin or statement that asked (`take()`), since
/// `repr` and `==` themselves cannot throw.
final class ReprGuard {
    /// How deep containers may nest in one repr (CPython's default recursion limit).
    static let maxDepth = 1000

    /// How many threads have an overflow waiting for `take()`: the interpreter calls `take()`
    /// before every statement, and this lets it skip the thread-local look-up when none has.
    private static let pending = Atomic<Int>(0)

    private var active = Set<ObjectIdentifier>()
    private var depth = 0
    private var overflow: String?

    /// Shows `container` with `body`, or its placeholder if it is already being shown or the
    /// nesting is too deep.
    static func showing(_ container: AnyObject, placeholder: String, _ body: () -> String) -> String {
        let guardState = current
        let id = ObjectIdentifier(container)
        if guardState.depth >= maxDepth {
            guardState.record("maximum recursion depth exceeded while getting the repr of an object")
            return placeholder
        }
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
            guardState.record("maximum recursion depth exceeded in comparison")
            return false
        }
        guardState.depth += 1
        defer { guardState.depth -= 1 }
        return body()
    }

    /// Throws the `RecursionError` of a repr or comparison that nested too deep since the last call.
    @inline(__always)
    static func take() throws {
        guard pending.load(ordering: .relaxed) != 0 else { return }
        let guardState = current
        guard let message = guardState.overflow else { return }
        guardState.overflow = nil
        pending.subtract(1, ordering: .relaxed)
        throw PyException(.recursionError, message)
    }

    /// Leaves `message` pending for `take()`.
    private func record(_ message: String) {
        if overflow == nil { ReprGuard.pending.add(1, ordering: .relaxed) }
        overflow = message
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
