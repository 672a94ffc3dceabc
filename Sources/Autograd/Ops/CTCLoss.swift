/// `torch.ctc_loss` / `F.ctc_loss`: ATen's `ctc_loss_impl` around `_ctc_loss` (CtcLossBackward0,
/// saving log_probs, targets and both results, keeping blank, the lengths and zero_infinity),
/// with its checks and messages; the kernels are Kernels/CTCLossKernel.swift.
extension Tensor {
    /// `torch.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank, reduction,
    /// zero_infinity)`: `log_probs` is `[T, N, C]` (or `[T, C]` unbatched), `targets` `[N, S]` or
    /// the targets concatenated; `"mean"` divides each loss by its target length (at least 1)
    /// before averaging, as PyTorch does.
    public static func ctcLoss(
        _ logProbs: Tensor, targets: Tensor, inputLengths: [Int], targetLengths: [Int], blank: Int = 0,
        reduction: String = "mean", zeroInfinity: Bool = false
    ) throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        let batched = logProbs.dim == 3
        let input = batched ? logProbs : try logProbs.unsqueeze(1)
        let longTargets = targets.dtype == .int64 ? targets : try targets.to(.int64)
        var res = try ctcLossCore(input, longTargets, inputLengths, targetLengths, blank, zeroInfinity)
        if zeroInfinity {
            res = try maskedWhere(res.eq(.scalar(.double(.infinity))), zeros([], dtype: res.dtype), res)
        }
        switch mode {
        case .mean:
            let lengths = try Tensor(targetLengths.map(Double.init), shape: [targetLengths.count], dtype: res.dtype)
            return try res.div(.tensor(lengths.clampMin(.int(1)))).mean()
        case .sum: return try res.sum()
        case .none: return batched ? res : try res.squeeze(0)
        }
    }

    /// `_ctc_loss`: the per-sample losses (and the alphas the backward reads).
    private static func ctcLossCore(
        _ logProbs: Tensor, _ targets: Tensor, _ inputLengths: [Int], _ targetLengths: [Int], _ blank: Int,
        _ zeroInfinity: Bool
    ) throws -> Tensor {
        guard logProbs.dtype.isFloatingPoint else {
            throw TorchError.runtime("\"ctc_loss_cpu\" not implemented for '\(logProbs.dtype.scalarTypeName)'")
        }
        let checked = "(while checking arguments for ctc_loss_allocate_outputs)"
        guard logProbs.dim == 3 else {
            throw TorchError.runtime(
                "Expected 3-dimensional tensor, but got \(logProbs.dim)-dimensional tensor for argument #1 'log_probs' \(checked)"
            )
        }
        guard targets.dim >= 1 && targets.dim <= 2 else {
            throw TorchError.runtime(
                "Expected 1 to 2 dimensions, but got \(targets.dim)-dimensional tensor for argument #2 'targets' \(checked)")
        }
        let (steps, batch, labels) = (logProbs.shape[0], logProbs.shape[1], logProbs.shape[2])
        guard blank >= 0 && blank < labels else { throw TorchError.runtime("blank must be in label range") }
        guard inputLengths.count == batch else { throw TorchError.runtime("input_lengths must be of size batch_size") }
        guard targetLengths.count == batch else { throw TorchError.runtime("target_lengths must be of size batch_size") }
        for length in targetLengths where length < 0 {
            throw TorchError.runtime("Expected target_lengths to have value at least 0, but got value \(length) \(checked)")
        }
        let maxTargetLength = targetLengths.max() ?? 0
        var offsets = [Int]()
        let targetStride: Int
        if targets.dim == 1 {
            var position = 0
            for length in targetLengths {
                offsets.append(position)
                position += length
            }
            guard targets.shape[0] == position else {
                throw TorchError.runtime(
                    "Expected tensor to have size \(position) at dimension 0, but got size \(targets.shape[0]) for argument #2 'targets' \(checked)"
                )
            }
            targetStride = 1
        } else {
            offsets = (0..<batch).map { $0 * targets.shape[1] }
            targetStride = 1
            guard targets.shape[0] == batch else {
                throw TorchError.runtime(
                    "Expected tensor to have size \(batch) at dimension 0, but got size \(targets.shape[0]) for argument #2 'targets' \(checked)"
                )
            }
            guard targets.shape[1] >= maxTargetLength else {
                throw TorchError.runtime(
                    "Expected tensor to have size at least \(maxTargetLength) at dimension 1, but got size \(targets.shape[1]) for argument #2 'targets' \(checked)"
                )
            }
        }
        for length in inputLengths {
            guard length >= 0 else {
                throw TorchError.runtime("Expected input_lengths to have value at least 0, but got value \(length) \(checked)")
            }
            guard length <= steps else {
                throw TorchError.runtime(
                    "Expected input_lengths to have value at most \(steps), but got value \(length) \(checked)")
            }
        }
        guard logProbs.numel > 0 else { throw TorchError.runtime("log_probs tensor must not be empty") }
        let storage = targets.contiguousStorage(as: .int64)
        let problem = CTCProblem(
            steps: steps, batch: batch, labels: labels,
            targets: Array(UnsafeBufferPointer(start: storage.pointer(Int64.self), count: targets.numel)),
            targetOffsets: offsets, targetStride: targetStride, inputLengths: inputLengths, targetLengths: targetLengths,
            blank: blank, maxTargetLength: maxTargetLength)
        let forward = logProbs.dtype.dispatchFloat(CTCForward(problem: problem, logProbs: logProbs.contiguousStorage()))
        let nll = Tensor(storage: forward.nll, shape: [batch])
        let logAlpha = Tensor(storage: forward.logAlpha, shape: [batch, steps, problem.states])
        let inputShape = logProbs.shape
        record(
            "_ctc_loss", .ctcLossBackward0, inputs: [logProbs], outputs: [nll, logAlpha],
            observed: [logProbs, targets],
            saving: [.input("log_probs", logProbs), .input("targets", targets), .output("result0", 0), .output("result1", 1)],
            keeping: [
                ("blank", .int(blank)), ("input_lengths", .ints(inputLengths)), ("target_lengths", .ints(targetLengths)),
                ("zero_infinity", .bool(zeroInfinity))
            ]
        ) { ctx in
            let backward = CTCBackward(
                problem: problem, logProbs: try ctx.saved(0).contiguousStorage(), gradOut: ctx.grad.contiguousStorage(),
                nll: try ctx.saved(2).contiguousStorage(), logAlpha: try ctx.saved(3).contiguousStorage(),
                zeroInfinity: zeroInfinity)
            return [Tensor(storage: ctx.grad.dtype.dispatchFloat(backward), shape: inputShape)]
        }
        return nll
    }
}

extension NodeKind {
    static let ctcLossBackward0 = NodeKind("CtcLossBackward0")
}
