import Autograd
import Python

/// `torch.tril_indices(row, col, offset=0)` and `torch.triu_indices(row, col, offset=0)`: the
/// (row, column) coordinates of the lower or upper triangle of a `row × col` matrix, offset
/// diagonals included, in row-major order, as a `2 × n` int64 tensor.
enum TriangleIndicesBinding {
    static func members() -> [String: Value] {
        [
            "tril_indices": TorchFunctions.factory("tril_indices") { a, i in try indices("tril_indices", a, i) { $1 - $0 } },
            "triu_indices": TorchFunctions.factory("triu_indices") { a, i in try indices("triu_indices", a, i) { $0 - $1 } }
        ]
    }

    /// The coordinates `(r, c)` with `distance(r, c) <= offset` (tril: `c - r`), or with
    /// `distance(r, c) <= -offset` (triu: `r - c`, so that `c - r >= offset`).
    private static func indices(
        _ name: String, _ args: Arguments, _ interp: Interpreter, distance: (Int, Int) -> Int
    ) throws -> Value {
        try args.check(name, maxPositional: 3, allowed: ["row", "col", "offset", "dtype", "device", "layout"])
        let rows = try interp.intValue(args.value(0, "row"), name, "row")
        let cols = try interp.intValue(args.value(1, "col"), name, "col")
        let offset = try args.value(2, "offset").map { try interp.intValue($0, name, "offset") } ?? 0
        guard rows >= 0 else { throw PyException.runtime("row must be non-negative, got\(rows)") }
        guard cols >= 0 else { throw PyException.runtime("col must be non-negative, got\(cols)") }
        let dtype = try interp.dtypeArgument(args) ?? .int64
        guard dtype == .int64 else {
            throw PyException(.notImplementedError, "\"\(name)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let bound = name == "tril_indices" ? offset : -offset
        var rowIndices = [Double]()
        var colIndices = [Double]()
        for r in 0..<rows {
            for c in 0..<cols where distance(r, c) <= bound {
                rowIndices.append(Double(r))
                colIndices.append(Double(c))
            }
        }
        try MemoryBudget.checkedNumel([2, rowIndices.count], allocating: .int64)
        let out = try Tensor(rowIndices + colIndices, shape: [2, rowIndices.count], dtype: .int64)
        return .tensor(try Tensor.factory(name, out, requiresGrad: false))
    }
}
