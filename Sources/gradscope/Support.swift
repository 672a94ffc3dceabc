import ArgumentParser
import Foundation
import Script

/// Limits shared by every command that runs a script.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-steps"), help: "Stop the script after this many statements.")
    var maxSteps: Int?

    var executionLimits: ExecutionLimits {
        var l = ExecutionLimits()
        l.maxSteps = maxSteps
        return l
    }
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
final class OutputStreams: @unchecked Sendable {
    private var buffer = [UInt8]()

    func writeOut(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    func writeErr(_ s: String) {
        flush()
        FileHandle.standardError.write(Data(s.utf8))
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Runs `body` on a thread with a 512 MiB stack, so deep (but bounded) script recursion and
/// deeply nested expressions cannot overflow the process stack.
func runOnLargeStack<T>(_ body: @escaping () -> T) -> T {
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
