import Foundation

/// Runs `body` on a thread with a 512 MiB stack and waits for its result, so deep (but bounded)
/// script recursion and deeply nested expressions cannot overflow the process stack.
public func runOnLargeStack<T>(_ body: @escaping () -> T) -> T {
    let box = ResultBox<T>()
    let thread = Thread {
        box.value = body()
        box.done.signal()
    }
    thread.stackSize = 512 << 20
    thread.start()
    box.done.wait()
    return box.value!
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
    let done = DispatchSemaphore(value: 0)
}
