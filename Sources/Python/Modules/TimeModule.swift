import Foundation

/// Python's `time`: the clocks a training loop reads to time itself (`time.time()`,
/// `perf_counter()`, ...), and `sleep`, which the run's time limit interrupts.
enum TimeModule {
    static func make() -> Value {
        var m = [String: Value]()
        func add(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
            m[name] = .object(BuiltinFunction(name, body))
        }
        add("time") { _, _ in .float(Date().timeIntervalSince1970) }
        add("time_ns") { _, _ in .int(Int(Date().timeIntervalSince1970 * 1e9)) }
        for name in ["perf_counter", "monotonic"] {
            add(name) { _, _ in .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9) }
            add(name + "_ns") { _, _ in .int(Int(DispatchTime.now().uptimeNanoseconds)) }
        }
        add("process_time") { _, _ in .float(Double(clock()) / Double(CLOCKS_PER_SEC)) }
        add("sleep") { args, interp in
            let seconds = try interp.toDouble(args.value(0, "secs") ?? .none)
            guard seconds >= 0 else { throw PyException.value("sleep length must be non-negative") }
            let end = DispatchTime.now().uptimeNanoseconds + UInt64(min(seconds, 1e9) * 1e9)
            while case let now = DispatchTime.now().uptimeNanoseconds, now < end {
                try interp.checkTime()
                usleep(useconds_t(min(10_000, (end - now) / 1000 + 1)))
            }
            return .none
        }
        return .object(ModuleObject(name: "time", members: m))
    }
}
