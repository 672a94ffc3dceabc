import Foundation
import Python
import Session

/// Small limits so every input finishes quickly: the fuzzer looks for crashes, hangs and
/// unbounded allocations, not for long runs.
private let fuzzLimits: ExecutionLimits = {
    var limits = ExecutionLimits()
    limits.maxSteps = 5_000
    limits.timeout = 2
    limits.maxMemory = 64 << 20
    limits.maxCallDepth = 200
    return limits
}()

/// Lexes, parses and runs one input as a script, on a thread with the CLI's large stack.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        _ = ScriptRunner.run(source: source, filename: "fuzz.py", writeOutput: { _ in }, writeError: { _ in },
                             limits: fuzzLimits)
        done.signal()
    }
    thread.stackSize = 512 << 20
    thread.start()
    done.wait()
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable target's entry point under this name; hand over to libFuzzer's
/// driver, which parses the command line and calls `LLVMFuzzerTestOneInput`.
@_cdecl("ScriptFuzzer_main")
public func scriptFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
