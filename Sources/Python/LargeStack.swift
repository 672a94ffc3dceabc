import Foundation
import Synchronization

/// Runs `body` on a thread with a 512 MiB stack and waits for its result, so deep (but bounded)
/// script recursion and deeply nested expressions cannot overflow the process stack. `body` is
/// sent to that thread: the caller keeps no access to what it captures.
package func runOnLargeStack<T: Sendable>(_ body: sending @escaping () -> T) -> T {
    let handoff = Handoff(body)
    let thread = Thread { handoff.run() }
    thread.stackSize = 512 << 20
    thread.start()
    return handoff.wait()
}

/// Carries a `runOnLargeStack` body to its thread and the result back to the waiting caller.
private final class Handoff<T: Sendable>: Sendable {
    private let body: Mutex<(() -> T)?>
    private let result = Mutex<T?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ body: sending @escaping () -> T) { self.body = Mutex(body) }

    /// Runs the body (once) and publishes its result.
    func run() {
        let value = body.withLock { body in
            defer { body = nil }
            return body!()
        }
        result.withLock { $0 = value }
        done.signal()
    }

    func wait() -> T {
        done.wait()
        return result.withLock { $0! }
    }
}
