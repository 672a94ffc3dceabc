/// `torch.combinations(input, r=2, with_replacement=False)`: the length-`r` combinations of a
/// 1-D tensor's elements, as PyTorch 2.15 computes them: `input[indices]` (IndexBackward0) with
/// the index tuples `i < j < ...` (`i <= j <= ...` with replacement) in lexicographic order.
enum CombinationsOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "combinations(Tensor self, int r=2, bool with_replacement=False) -> Tensor", gradFn: "IndexBackward0",
            exposure: [.torch], samples: OpSamples(shapes: ["self": [4]]),
            forward: {
                try $0.tensor("self").combinations(r: $0.int("r"), withReplacement: $0.bool("with_replacement"))
            })
    ]
}

extension Tensor {
    /// `torch.combinations(self, r, with_replacement)`.
    public func combinations(r: Int = 2, withReplacement: Bool = false) throws -> Tensor {
        guard dim == 1 else {
            throw TorchError.runtime("Expect a 1D vector, but got shape [\(shape.map(String.init).joined(separator: ", "))]")
        }
        guard r >= 0 else { throw TorchError.runtime("Expect a non-negative number, but got \(r)") }
        if r == 0 { return Tensor.zeros([0], dtype: dtype) }
        let tuples = Self.ascendingTuples(n: numel, r: r, withReplacement: withReplacement)
        let indices = Tensor.internalTensor(tuples.map(Double.init), shape: [tuples.count / r, r], dtype: .int64)
        return try advancedIndex(dims: [0], indices: [indices])
    }

    /// The index tuples of length `r` over `0..<n` that increase strictly (or weakly, with
    /// replacement), in lexicographic order, flattened.
    private static func ascendingTuples(n: Int, r: Int, withReplacement: Bool) -> [Int] {
        var tuples = [Int]()
        var current = [Int]()
        func extend(from start: Int) {
            if current.count == r {
                tuples += current
                return
            }
            guard start < n else { return }
            for i in start..<n {
                current.append(i)
                extend(from: withReplacement ? i : i + 1)
                current.removeLast()
            }
        }
        extend(from: 0)
        return tuples
    }
}
