/// `logical_and`, `logical_or`, `logical_xor` and `logical_not`: every element read as a truth
/// value (non-zero, NaN included, is true), broadcasting; bool results, not differentiable.
enum LogicalOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "logical_and(Tensor self, Tensor other) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").logical("logical_and", $0.tensor("other")) { $0 && $1 } }),
        OpDeclaration(
            "logical_or(Tensor self, Tensor other) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").logical("logical_or", $0.tensor("other")) { $0 || $1 } }),
        OpDeclaration(
            "logical_xor(Tensor self, Tensor other) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").logical("logical_xor", $0.tensor("other")) { $0 != $1 } }),
        OpDeclaration(
            "logical_not(Tensor self) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").logical("logical_not", nil) { a, _ in !a } })
    ]
}

extension Tensor {
    /// `op` of the truth values of `self` and `other` (broadcast together), or of `self` alone.
    func logical(_ op: String, _ other: Tensor?, _ f: (Bool, Bool) -> Bool) throws -> Tensor {
        let shape = try other.map { try broadcastShapes(self.shape, $0.shape) } ?? self.shape
        let n = shape.reduce(1, *)
        let x = contiguousStorage(as: .bool, broadcastTo: shape)
        let y = other?.contiguousStorage(as: .bool, broadcastTo: shape)
        let out = Storage.uninitialized(.bool, count: n)
        let (a, d) = (x.pointer(Bool.self), out.pointer(Bool.self))
        if let y {
            let b = y.pointer(Bool.self)
            for i in 0..<n { d[i] = f(a[i], b[i]) }
        } else {
            for i in 0..<n { d[i] = f(a[i], false) }
        }
        let result = withExtendedLifetime((x, y)) { Tensor(storage: out, shape: shape) }
        reportNonDifferentiable(op, inputs: other.map { [self, $0] } ?? [self], outputs: [result])
        return result
    }
}
