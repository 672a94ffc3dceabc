import Autograd
import Python

/// `torch.tensordot(a, b, dims=2)` (torch/functional.py): `dims` as a count of trailing dims of
/// `a` paired with leading dims of `b`, or as two lists (or ints) of dims, then aten's tensordot.
enum TensordotBinding {
    /// The function, by name.
    static func members() -> [String: Value] {
        ["tensordot": .object(BuiltinFunction("tensordot") { args, interp in .tensor(try tensordot(args, interp)) })]
    }

    private static func tensordot(_ args: Arguments, _ interp: Interpreter) throws -> Tensor {
        let name = "tensordot"
        try args.check(name, maxPositional: 4, allowed: ["a", "b", "dims", "out"])
        let a = try interp.tensorValue(args.value(0, "a"), name, "a")
        let b = try interp.tensorValue(args.value(1, "b"), name, "b")
        let dims = args.value(2, "dims") ?? .int(2)
        let (dimsA, dimsB): ([Int], [Int])
        switch dims {
        case .int(let n):
            if n < 0 { throw PyException.runtime("tensordot expects dims >= 0, but got dims=\(n)") }
            if n > Swift.min(a.dim, b.dim) {
                throw PyException.runtime("tensordot expects dims < ndim_a or ndim_b, but got dims=\(n)")
            }
            (dimsA, dimsB) = (Array(-n..<0), Array(0..<n))
        case .list, .tuple:
            let pair = try interp.iterate(dims)
            guard pair.count == 2 else {
                throw PyException.value("too many values to unpack (expected 2)")
            }
            (dimsA, dimsB) = (try interp.intList(pair[0], name, "dims"), try interp.intList(pair[1], name, "dims"))
        default:
            throw PyException.runtime(
                "tensordot expects dims to be int or tuple[list[int], list[int]] or list[list[int]] containing two lists, but got dims=\(Formatting.repr(dims))"
            )
        }
        if let out = args.value(3, "out"), !interp.isNone(out) {
            throw PyException.runtime("GradScope does not support torch.tensordot(out=)")
        }
        return try Tensor.tensordot(a, b, dimsA: dimsA, dimsB: dimsB)
    }
}
