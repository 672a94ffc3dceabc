import Autograd
import Python

/// `torch.broadcast_shapes`, `torch.promote_types`, `torch.result_type` and `torch.can_cast`:
/// the shape and dtype rules of broadcasting and type promotion, asked without an op
/// (torch/_refs `_broadcast_shapes`, c10's `promoteTypes` and `canCast`, ATen's `result_type`).
enum TypePromotionBindings {
    /// The functions, by name.
    static func members() -> [String: Value] {
        [
            "broadcast_shapes": function("broadcast_shapes", broadcastShapes),
            "promote_types": function("promote_types") { args, _ in
                try args.check("promote_types", maxPositional: 2, allowed: ["type1", "type2"])
                let a = try dtype(args, 0, "promote_types", "type1")
                let b = try dtype(args, 1, "promote_types", "type2")
                return .object(DTypeObject.of(a.promoted(with: b)))
            },
            "can_cast": function("can_cast") { args, _ in
                try args.check("can_cast", maxPositional: 2, allowed: ["from_", "to"])
                let from = try dtype(args, 0, "can_cast", "from_")
                let to = try dtype(args, 1, "can_cast", "to")
                // c10::canCast: no float to an integral type, nothing but bool to bool.
                return .bool(!(from.isFloatingPoint && !to.isFloatingPoint) && !(from != .bool && to == .bool))
            },
            "result_type": function("result_type") { args, _ in
                try args.check("result_type", maxPositional: 2, allowed: ["tensor", "other", "scalar", "scalar1", "scalar2"])
                var tensors = [Tensor]()
                var scalars = [ScalarValue]()
                for value in args.positional + args.keywords.map(\.value) {
                    switch value {
                    case .object(let t as Tensor): tensors.append(t)
                    case .bool(let b): scalars.append(.bool(b))
                    case .int(let n): scalars.append(.int(Int64(n)))
                    case .float(let d): scalars.append(.double(d))
                    default:
                        throw PyException.type(
                            "result_type(): argument 'tensor' (position 1) must be Tensor, not \(Formatting.typeName(value))")
                    }
                }
                return .object(DTypeObject.of(resultType(tensors, scalars: scalars)))
            }
        ]
    }

    private static func function(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) -> Value {
        .object(BuiltinFunction(name, body))
    }

    private static func dtype(_ args: Arguments, _ index: Int, _ function: String, _ name: String) throws -> DType {
        let v = args.value(index, name) ?? .none
        guard case .object(let d as DTypeObject) = v else {
            throw PyException.type(
                "\(function)(): argument '\(name)' (position \(index + 1)) must be torch.dtype, not \(Formatting.typeName(v))")
        }
        return d.dtype
    }

    /// torch/_refs `_broadcast_shapes`: ints stand for 1-D shapes, `None`s are skipped, and each
    /// shape's dims are matched from the right against the common shape so far.
    private static func broadcastShapes(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        try args.check("broadcast_shapes", maxPositional: .max, allowed: [])
        var shapes = [(value: Value, dims: [Int])]()
        for value in args.positional {
            switch value {
            case .none: continue
            case .int(let n): shapes.append((.tuple([.int(n)]), [n]))
            case .tuple, .list, .object(is SizeObject):
                shapes.append((value, try interp.intList(value, "broadcast_shapes", "shapes")))
            default:
                throw PyException.runtime(
                    "Input shapes should be of type ints, a tuple of ints, or a list of ints, got \(Formatting.repr(value))")
            }
        }
        guard let rank = shapes.map(\.dims.count).max() else { return .object(SizeObject([])) }
        var common = [Int](repeating: 1, count: rank)
        for (index, shape) in shapes.enumerated() {
            for offset in stride(from: 1, through: shape.dims.count, by: 1) {
                let size = shape.dims[shape.dims.count - offset]
                let c = rank - offset
                if size == common[c] { continue }
                if common[c] == 1 {
                    guard size >= 0 else { throw PyException.value("Attempting to broadcast a dimension with negative length!") }
                    common[c] = size
                }
                if size == 1 { continue }
                guard common[c] == size else {
                    throw PyException.runtime(
                        "Attempting to broadcast a dimension of length \(size) at -\(offset)! Mismatching argument at index \(index) had \(Formatting.repr(shape.value)); but expected shape should be broadcastable to [\(common.map(String.init).joined(separator: ", "))]"
                    )
                }
            }
        }
        return .object(SizeObject(common))
    }
}
