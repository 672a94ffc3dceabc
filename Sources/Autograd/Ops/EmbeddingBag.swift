/// `torch.embedding_bag`, behind `F.embedding_bag` and `nn.EmbeddingBag` (EmbeddingBagBackward0):
/// each bag (a run of indices between offsets) reduces its rows of `weight` by sum (each row
/// scaled by its per-sample weight when given), mean or max, skipping `padding_idx`; an empty
/// bag gives zeros. Returns PyTorch's four outputs: the result, `offset2bag`, `bag_size` and
/// `max_indices`.
enum EmbeddingBagOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "embedding_bag.padding_idx(Tensor weight, Tensor indices, Tensor offsets, bool scale_grad_by_freq, int mode, bool sparse, Tensor? per_sample_weights, bool include_last_offset, int? padding_idx) -> (Tensor, Tensor, Tensor, Tensor)",
            gradFn: "EmbeddingBagBackward0", exposure: [.torch],
            samples: OpSamples(
                shapes: ["weight": [4, 3], "per_sample_weights": [5]], arguments: ["mode": .int(0)],
                constants: [
                    "indices": OpSamples.Constant([0, 2, 3, 2, 1], shape: [5], dtype: .int64),
                    "offsets": OpSamples.Constant([0, 2], shape: [2], dtype: .int64)
                ]),
            returningTuple: {
                let r = try Tensor.embeddingBag(
                    $0.tensor("weight"), $0.tensor("indices"), offsets: $0.tensor("offsets"),
                    mode: EmbeddingBagMode(rawValue: $0.int("mode")) ?? .sum,
                    perSampleWeights: $0.optionalTensor("per_sample_weights"),
                    includeLastOffset: $0.bool("include_last_offset"), paddingIdx: $0.optionalInt("padding_idx"))
                return [r.output, r.offset2bag, r.bagSize, r.maxIndices]
            })
    ]
}

/// How a bag reduces its rows, numbered as `F.embedding_bag` passes it.
public enum EmbeddingBagMode: Int, Sendable {
    case sum = 0
    case mean = 1
    case max = 2
}

/// The bags of one call: for each bag, the positions into `indices` it reduces (padding skipped).
private struct Bags {
    let members: [[Int]]
    let offset2bag: [Double]
    let bagSize: [Double]
}

extension Tensor {
    /// `torch.embedding_bag(weight, indices, offsets, ..., mode, ..., per_sample_weights,
    /// include_last_offset, padding_idx)` on 1-D int64 `indices` and `offsets`.
    public static func embeddingBag(
        _ weight: Tensor, _ indices: Tensor, offsets: Tensor, mode: EmbeddingBagMode, perSampleWeights: Tensor? = nil,
        includeLastOffset: Bool = false, paddingIdx: Int? = nil
    ) throws -> (output: Tensor, offset2bag: Tensor, bagSize: Tensor, maxIndices: Tensor) {
        guard weight.dim == 2 else {
            throw TorchError.runtime("weight has to be a 2D Tensor, but got Tensor of dimension \(weight.dim)")
        }
        guard indices.dim == 1, offsets.dim == 1 else {
            throw TorchError.runtime("input has to be a 1D or 2D Tensor, but got Tensor of dimension \(indices.dim)")
        }
        if let perSampleWeights {
            guard mode == .sum else {
                throw TorchError.runtime(
                    "embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for mode='sum' (got mode='\(mode == .mean ? "mean" : "max")'). Please open a feature request on GitHub."
                )
            }
            guard perSampleWeights.shape == indices.shape else {
                throw TorchError.runtime(
                    "expected per_sample_weights.numel() (\(perSampleWeights.numel)) to be the same as indices.numel() (\(indices.numel))"
                )
            }
        }
        let (rows, width) = (weight.shape[0], weight.shape[1])
        let ids = indices.indexValues()
        guard ids.allSatisfy({ $0 >= 0 && $0 < rows }) else {
            throw TorchError.index("index out of range in self")
        }
        let padding = paddingIdx.map { $0 < 0 ? $0 + rows : $0 }
        let bags = try bagsOf(ids, offsets: offsets.indexValues(), includeLastOffset: includeLastOffset, padding: padding)
        let w = weight.doubles()
        let scales = perSampleWeights?.doubles()
        let single = weight.dtype == .float32
        /// One addition or division in the weight's precision.
        func rounded(_ x: Double) -> Double { single ? Double(Float(x)) : x }
        var out = [Double](repeating: 0, count: bags.members.count * width)
        var maxIndices = [Double](repeating: -1, count: mode == .max ? bags.members.count * width : 0)
        for (b, members) in bags.members.enumerated() {
            let o = b * width
            for (n, k) in members.enumerated() {
                let row = ids[k] * width
                for c in 0..<width {
                    switch mode {
                    case .sum, .mean:
                        out[o + c] = rounded(out[o + c] + (scales.map { rounded(w[row + c] * $0[k]) } ?? w[row + c]))
                    case .max:
                        if n == 0 || w[row + c] > out[o + c] {
                            out[o + c] = w[row + c]
                            maxIndices[o + c] = Double(ids[k])
                        }
                    }
                }
            }
            if mode == .mean && !members.isEmpty {
                for c in 0..<width { out[o + c] = rounded(out[o + c] / Double(members.count)) }
            }
        }
        let bagCount = bags.members.count
        let output = Tensor.fromValues(out, shape: [bagCount, width], dtype: weight.dtype)
        let offset2bag = Tensor.fromValues(bags.offset2bag, shape: [ids.count], dtype: .int64)
        let bagSize = Tensor.fromValues(bags.bagSize, shape: [bagCount], dtype: .int64)
        let maxIndexTensor = Tensor.fromValues(maxIndices, shape: mode == .max ? [bagCount, width] : [0], dtype: .int64)
        record(
            "embedding_bag", .embeddingBagBackward0, inputs: [weight, perSampleWeights], outputs: [output],
            observed: [weight, indices, offsets, perSampleWeights],
            saving: [.input("indices", indices), .input("weight", weight), .input("per_sample_weights", perSampleWeights)]
        ) { ctx in
            let g = ctx.grad.doubles()
            var weightGrad: Tensor? = nil
            if ctx.needsGrad(0) {
                var grad = [Double](repeating: 0, count: rows * width)
                for (b, members) in bags.members.enumerated() {
                    let o = b * width
                    if mode == .max {
                        if members.isEmpty { continue }
                        for c in 0..<width { grad[Int(maxIndices[o + c]) * width + c] += g[o + c] }
                        continue
                    }
                    for k in members {
                        let row = ids[k] * width
                        for c in 0..<width {
                            let share = mode == .mean ? rounded(g[o + c] / Double(members.count)) : g[o + c]
                            grad[row + c] = rounded(grad[row + c] + (scales.map { rounded(share * $0[k]) } ?? share))
                        }
                    }
                }
                weightGrad = Tensor.fromValues(grad, shape: [rows, width], dtype: ctx.grad.dtype)
            }
            var scaleGrad: Tensor? = nil
            if ctx.needsGrad(1) {
                var grad = [Double](repeating: 0, count: ids.count)
                for (b, members) in bags.members.enumerated() {
                    for k in members {
                        for c in 0..<width { grad[k] += g[b * width + c] * w[ids[k] * width + c] }
                    }
                }
                scaleGrad = Tensor.fromValues(grad, shape: [ids.count], dtype: ctx.grad.dtype)
            }
            return [weightGrad, scaleGrad]
        }
        return (output, offset2bag, bagSize, maxIndexTensor)
    }

    /// Splits `ids` into bags at `offsets` (the last offset closing the last bag when
    /// `includeLastOffset`), leaving out positions whose index is `padding`.
    private static func bagsOf(_ ids: [Int], offsets: [Int], includeLastOffset: Bool, padding: Int?) throws -> Bags {
        let bagCount = includeLastOffset ? Swift.max(offsets.count - 1, 0) : offsets.count
        guard offsets.isEmpty || offsets[0] == 0 else {
            throw TorchError.runtime(
                "offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from position 0. However, got \(offsets[0])"
            )
        }
        var members = [[Int]]()
        var offset2bag = [Double](repeating: 0, count: ids.count)
        var bagSize = [Double]()
        for b in 0..<bagCount {
            let start = offsets[b]
            let end = b + 1 < offsets.count ? Swift.min(offsets[b + 1], ids.count) : ids.count
            guard start <= end else {
                throw TorchError.runtime(
                    "offsets[\(b + 1)] (\(offsets[b + 1])) must be greater than or equal to offsets[\(b)] (\(start))")
            }
            let kept = (start..<end).filter { ids[$0] != padding }
            for k in start..<end { offset2bag[k] = Double(b) }
            members.append(kept)
            bagSize.append(Double(kept.count))
        }
        return Bags(members: members, offset2bag: offset2bag, bagSize: bagSize)
    }
}

extension NodeKind {
    static let embeddingBagBackward0 = NodeKind("EmbeddingBagBackward0")
}
