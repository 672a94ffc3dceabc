import Autograd
import Python

/// The torch functions that take their tensors as separate arguments: `cartesian_prod`,
/// `block_diag` and `chain_matmul` (torch/functional.py), and `atleast_1d`/`atleast_2d`/`atleast_3d`, which also
/// take one list/tuple and return one tensor for one tensor argument, a tuple otherwise.
enum VariadicTensorBindings {
    /// The functions, by name.
    static func members() -> [String: Value] {
        var m: [String: Value] = [
            "cartesian_prod": variadic("cartesian_prod") { .tensor(try Tensor.cartesianProd($0)) },
            "block_diag": variadic("block_diag") { .tensor(try Tensor.blockDiag($0)) },
            "chain_matmul": variadic("chain_matmul") { .tensor(try Tensor.chainMatmul($0)) }
        ]
        for (name, promote) in [
            ("atleast_1d", { (t: Tensor) in try t.atleast1d() }), ("atleast_2d", { try $0.atleast2d() }),
            ("atleast_3d", { try $0.atleast3d() })
        ] {
            m[name] = .object(
                BuiltinFunction(name) { args, interp in
                    try args.check(name, maxPositional: .max, allowed: [])
                    if args.positional.count == 1, case .object(let t as Tensor) = args.positional[0] {
                        return .tensor(try promote(t))
                    }
                    var values = args.positional
                    if values.count == 1, case .list = values[0] { values = try interp.iterate(values[0]) }
                    if values.count == 1, case .tuple = values[0] { values = try interp.iterate(values[0]) }
                    return .tuple(try values.map { .tensor(try promote(interp.tensorValue($0, name, "tensors"))) })
                })
        }
        return m
    }

    /// A function of the tensors passed as separate arguments (ATen's `TensorList` parameter,
    /// whose TypeError names the first argument that is not a tensor).
    private static func variadic(_ name: String, _ body: @escaping ([Tensor]) throws -> Value) -> Value {
        .object(
            BuiltinFunction(name) { args, _ in
                try args.check(name, maxPositional: .max, allowed: [])
                let tensors = try args.positional.enumerated().map { i, value -> Tensor in
                    if case .object(let t as Tensor) = value { return t }
                    if case .object(let s as TensorSubclassInstance) = value { return s.tensor }
                    throw PyException.type(
                        "expected Tensor as element \(i) in argument 0, but got \(Formatting.typeName(value))")
                }
                return try body(tensors)
            })
    }
}
