import Autograd
import Python

/// `torch.meshgrid(*tensors, indexing=None)` (torch/functional.py): the tensors as separate
/// arguments or one list/tuple; without `indexing=` it warns once, as aten does, and uses "ij".
enum MeshgridBinding {
    /// aten's TORCH_WARN_ONCE text for a call without `indexing=`.
    static let indexingWarning =
        "torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4207.)"

    /// The function, by name.
    static func members() -> [String: Value] {
        [
            "meshgrid": .object(
                BuiltinFunction("meshgrid") { args, interp in
                    try args.check("meshgrid", maxPositional: .max, allowed: ["indexing"])
                    var values = args.positional
                    if values.count == 1, case .list = values[0] { values = try interp.iterate(values[0]) }
                    if values.count == 1, case .tuple = values[0] { values = try interp.iterate(values[0]) }
                    let tensors = try values.map { try interp.tensorValue($0, "meshgrid", "tensors") }
                    var indexing = "ij"
                    if let v = args.keyword("indexing"), !interp.isNone(v) {
                        indexing = try interp.optionalString(v) ?? "ij"
                    } else {
                        interp.warnOnce(indexingWarning, category: "UserWarning")
                    }
                    return .tuple(try Tensor.meshgrid(tensors, indexing: indexing).map(Value.tensor))
                })
        ]
    }
}
