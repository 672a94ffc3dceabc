import Autograd
import Python

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `torch.set_printoptions` state (torch/_tensor_str.py `__PrinterOptions`): how many digits,
/// when to summarize, how many edge items, the line width, and a forced scientific mode; and
/// the default dtype, which decides the dtype suffix.
package struct PrintOptions: Sendable, Equatable {
    /// Digits after the point (`precision`).
    package var precision = 4
    /// Element count above which tensors are summarized; nil for never (`float('inf')`).
    package var threshold: Double = 1000
    /// Items shown at each end of a summarized dimension.
    package var edgeItems = 3
    /// Characters per line before wrapping.
    package var lineWidth = 80
    /// True or False to force or forbid scientific notation; nil to choose from the values.
    package var sciMode: Bool?
    /// The default dtype (`torch.set_default_dtype`): floating tensors of it print without a
    /// dtype suffix.
    package var defaultDType = DType.float32

    /// PyTorch's defaults (`profile='default'`).
    package init() {}

    /// The options of the running script on this thread (the defaults outside a run).
    static var current: PrintOptions { PrintOptionsBox.current?.options ?? PrintOptions() }
}

/// The options of one interpreter, which a run makes current on its thread.
final class PrintOptionsBox {
    var options = PrintOptions()

    /// The thread's current box, held retained by a POSIX thread-specific value. Not
    /// Foundation's `threadDictionary`: its `AnyHashable` bridging cost 3% of a short script's
    /// start-up in protocol-conformance lookups (callgrind).
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<PrintOptionsBox>.fromOpaque(pointer).release() }
        }
        return key
    }()

    /// The box of the run on this thread, if any.
    static var current: PrintOptionsBox? {
        pthread_getspecific(key).map { Unmanaged<PrintOptionsBox>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Makes `box` (or none) current on this thread.
    private static func makeCurrent(_ box: PrintOptionsBox?) {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, box.map { Unmanaged.passRetained($0).toOpaque() })
        if let previous { Unmanaged<PrintOptionsBox>.fromOpaque(previous).release() }
    }

    /// Starts a run with the default options and makes them current; returns what ends it.
    static func enter(_ interp: Interpreter) -> () -> Void {
        let box = TorchRuntime.of(interp).printOptions
        box.options = PrintOptions()
        let previous = current
        makeCurrent(box)
        return { makeCurrent(previous) }
    }

    /// `torch.set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
    /// profile=None, sci_mode=None)`.
    static func torchMembers() -> [String: Value] {
        [
            "set_printoptions": .object(
                BuiltinFunction("set_printoptions") { a, i in
                    let names = ["precision", "threshold", "edgeitems", "linewidth", "profile", "sci_mode"]
                    try a.check("set_printoptions", maxPositional: names.count, allowed: names)
                    let box = TorchRuntime.of(i).printOptions
                    box.options = try updated(box.options, a, i)
                    return .none
                })
        ]
    }

    private static func updated(_ current: PrintOptions, _ a: Arguments, _ i: Interpreter) throws -> PrintOptions {
        var o = current
        func given(_ index: Int, _ name: String) -> Value? {
            guard let v = a.value(index, name), !i.isNone(v) else { return nil }
            return v
        }
        if let profile = given(4, "profile") {
            switch Formatting.str(profile) {
            case "default": (o.precision, o.threshold, o.edgeItems, o.lineWidth) = (4, 1000, 3, 80)
            case "short": (o.precision, o.threshold, o.edgeItems, o.lineWidth) = (2, 1000, 2, 80)
            case "full": (o.precision, o.threshold, o.edgeItems, o.lineWidth) = (4, .infinity, 3, 80)
            default: break
            }
        }
        if let v = given(0, "precision") { o.precision = try i.intValue(v, "set_printoptions", "precision") }
        if let v = given(1, "threshold") { o.threshold = try i.doubleValue(v, "set_printoptions", "threshold") }
        if let v = given(2, "edgeitems") { o.edgeItems = try i.intValue(v, "set_printoptions", "edgeitems") }
        if let v = given(3, "linewidth") { o.lineWidth = try i.intValue(v, "set_printoptions", "linewidth") }
        o.sciMode = try given(5, "sci_mode").map { try i.truthy($0) }
        return o
    }
}
