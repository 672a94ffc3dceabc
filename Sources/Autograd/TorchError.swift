/// An error that knows the Python exception it is (the engine's own, or one a script's hook
/// raised inside backward), so records of it name it as Python would.
public protocol PythonDescribedError: Error {
    /// The Python exception class name (`RuntimeError`, `TypeError`, ...).
    var pythonType: String { get }
    /// The exception's message.
    var message: String { get }
}

/// An error raised by the engine, carrying the Python exception type PyTorch would raise.
public enum TorchError: PythonDescribedError, Equatable, CustomStringConvertible {
    case runtime(String)
    case type(String)
    case index(String)
    case value(String)
    /// An op PyTorch does not implement for these inputs; Python's `NotImplementedError`.
    case unsupportedOperation(String)
    /// A resource limit was hit (the memory budget); Python's `MemoryError`.
    case memory(String)
    /// A factorization or solve failed on the values (a singular matrix, one not
    /// positive-definite); PyTorch's `torch.linalg.LinAlgError`, a `RuntimeError`.
    case linalg(String)

    /// The Python exception class name (`RuntimeError`, `TypeError`, ...).
    public var pythonType: String {
        switch self {
        case .runtime: return "RuntimeError"
        case .type: return "TypeError"
        case .index: return "IndexError"
        case .value: return "ValueError"
        case .unsupportedOperation: return "NotImplementedError"
        case .memory: return "MemoryError"
        case .linalg: return "torch._C._LinAlgError"
        }
    }

    /// The error's message text, as PyTorch words it.
    public var message: String {
        switch self {
        case .runtime(let m), .type(let m), .index(let m), .value(let m), .unsupportedOperation(let m), .memory(let m),
            .linalg(let m):
            return m
        }
    }

    /// `Type: message`, as Python prints an uncaught exception.
    public var description: String { "\(pythonType): \(message)" }
}

/// Receives warnings the engine raises (PyTorch's `UserWarning`s).
public enum Diagnostics {
    /// Called with each warning message on this thread; the script layer prints them
    /// Python-style. Without a handler, warnings go to stderr.
    public static var warningHandler: ((String) -> Void)? {
        get { ThreadState.current.warningHandler }
        set { ThreadState.current.warningHandler = newValue }
    }

    static func warn(_ message: String) {
        if let handler = warningHandler {
            handler(message)
        } else {
            FileHandleStderr.write("UserWarning: \(message)\n")
        }
    }
}

enum FileHandleStderr {
    /// Writes `s` to file descriptor 2 unbuffered (C's `stderr` is a global `var`, which Swift 6
    /// does not allow to be shared between threads).
    static func write(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            var rest = UnsafeRawBufferPointer(buf)
            while !rest.isEmpty {
                let n = Glibc.write(2, rest.baseAddress, rest.count)
                if n <= 0 { return }
                rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            }
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Every message text the engine produces, word for word as PyTorch's.
package enum AutogradMessages {
    package static func doesNotRequireGrad(_ index: Int) -> String {
        "element \(index) of tensors does not require grad and does not have a grad_fn"
    }
    package static let backwardTwice =
        "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward."
    package static let implicitGradScalarOnly = "grad can be implicitly created only for scalar outputs"
    package static let requiresGradNonLeafFalse =
        "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach()."
    package static let requiresGradNonLeaf = "you can only change requires_grad flags of leaf variables."
    package static let onlyFloatRequiresGrad = "Only Tensors of floating point and complex dtype can require gradients"
    package static let leafInPlace = "a leaf Variable that requires grad is being used in an in-place operation."
    package static let viewOfLeafInPlace = "a view of a leaf Variable that requires grad is being used in an in-place operation."
    package static func unusedInput(_ index: Int) -> String {
        "The differentiated Tensor at index \(index) appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior."
    }
    package static let hookNoGrad = "cannot register a hook on a tensor that doesn't require gradient"
    package static let retainGradNoGrad = "can't retain_grad on Tensor that has requires_grad=False"
    package static func variableData(_ typeName: String) -> String {
        "Variable data has to be a tensor, but got \(typeName)"
    }
    package static func sizeMismatch(_ a: Int, _ b: Int, dim: Int) -> String {
        "The size of tensor a (\(a)) must match the size of tensor b (\(b)) at non-singleton dimension \(dim)"
    }
    package static func wrongGradientCount(_ name: String, expected: Int, got: Int) -> String {
        "function \(name) returned an incorrect number of gradients (expected \(expected), got \(got))"
    }
    package static let rangeDeprecated =
        "torch.range is deprecated and will be removed in a future release because its behavior is inconsistent with Python's range builtin. Instead, use torch.arange, which produces values in [start, end)."
    package static let nonLeafGradAccess =
        "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more information."

    /// The in-place modification error for a saved tensor whose version moved on.
    package static func modifiedInPlace(
        dtype: DType, shape: [Int], producer: (name: String, output: Int)?,
        version: Int, expected: Int
    ) -> String {
        let sizes = "[" + shape.map(String.init).joined(separator: ", ") + "]"
        var s =
            "one of the variables needed for gradient computation has been modified by an inplace operation: [\(dtype.legacyTypeName) \(sizes)]"
        if let p = producer { s += ", which is output \(p.output) of \(p.name)," }
        s +=
            " is at version \(version); expected version \(expected) instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."
        return s
    }
}
