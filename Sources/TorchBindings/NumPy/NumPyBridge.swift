import Autograd
import Python

/// Where torch meets numpy: `torch.from_numpy`, `torch.as_tensor`, `Tensor.numpy()`; the
/// tensor and the array are views of one storage, so a write through either is seen by both.
enum NumPyBridge {
    /// `t.numpy()`: an array over the tensor's storage.
    static func numpyView(of t: Tensor) throws -> NDArray {
        if t.requiresGrad {
            throw PyException.runtime("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        }
        if t.dtype.isNarrowInteger {
            throw PyException.type("GradScope's numpy has no \(t.dtype.shortName) arrays: call numpy() on t.long() instead")
        }
        return NDArray(t.detach())
    }

    /// `torch.from_numpy(a)`: a tensor over the array's storage.
    static func fromNumpy(_ v: Value) throws -> Tensor {
        guard case .object(let a as NDArray) = v, !a.isScalar else {
            throw PyException.type("expected np.ndarray (got \(Formatting.typeName(v)))")
        }
        return a.tensor.detach()
    }

    /// `torch.from_numpy` and `torch.as_tensor`, added to the torch module's members.
    static func torchMembers(_ interp: Interpreter) -> [String: Value] {
        var m = [String: Value]()
        m["from_numpy"] = .object(
            BuiltinFunction("from_numpy") { args, _ in
                try args.check("from_numpy", maxPositional: 1, allowed: [])
                return .object(try fromNumpy(args.positional.first ?? .none))
            })
        m["as_tensor"] = .object(
            BuiltinFunction("as_tensor") { args, interp in
                try args.check("as_tensor", maxPositional: 1, allowed: ["dtype", "device"])
                guard let data = args.positional.first else {
                    throw PyException.type("as_tensor() missing 1 required positional arguments: \"data\"")
                }
                let dtype = try interp.dtypeArgument(args)
                switch data {
                case .object(let a as NDArray) where !a.isScalar:
                    let shared = a.tensor.detach()
                    return .object(dtype.map { $0 == shared.dtype ? shared : (try? shared.to($0)) ?? shared } ?? shared)
                case .object(let t as Tensor):
                    return .object(try dtype.map { try t.to($0) } ?? t)
                default:
                    let d = try interp.nestedData(data)
                    let inferred = d.dtype == .float32 ? interp.defaultFloatDType : d.dtype
                    return .object(try Tensor(d.values, shape: d.shape, dtype: dtype ?? inferred))
                }
            })
        return m
    }
}
