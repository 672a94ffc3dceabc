/// Batch normalisation of a contiguous `[batch, channels, spatial]` buffer in PyTorch 2.15's
/// order of operations (aten/src/ATen/native/cpu/batch_norm_kernel.cpp for the statistics, the
/// transform and the backward; aten/src/ATen/native/Normalization.cpp,
/// `batch_norm_cpu_update_stats_template`, for invstd and the running statistics). Sums
/// accumulate in double (`acc_type`), everything else in the tensor's type, and GCC fuses the
/// kernel's `x * alpha + beta`-shaped expressions into one rounding each.
struct BatchNormKernel<T: FloatElement> {
    let batch: Int, channels: Int, spatial: Int

    /// Elements per channel.
    var count: Int { batch * spatial }

    private func index(_ n: Int, _ c: Int, _ s: Int) -> Int { (n * channels + c) * spatial + s }

    /// Per-channel means and sums of squared deviations: `collect_stats_contiguous_impl`
    /// (double sums in memory order), or for one value per sample and channel
    /// `collect_stats_channels_last_impl` (running float sums over the rows, fused).
    func statistics(_ x: UnsafePointer<T>) -> (mean: [T], varSum: [T]) {
        var mean = [T](repeating: 0, count: channels)
        var varSum = mean
        if spatial == 1 {
            for c in 0..<channels {
                var sum: T = 0
                for n in 0..<batch { sum = x[n * channels + c] + sum }
                mean[c] = T(fromDouble: sum.doubleValue / Double(count))
                var squares: T = 0
                for n in 0..<batch {
                    let d = x[n * channels + c] - mean[c]
                    squares = squares.addingProduct(d, d)
                }
                varSum[c] = squares
            }
            return (mean, varSum)
        }
        for c in 0..<channels {
            var sum = 0.0
            for n in 0..<batch { for s in 0..<spatial { sum += x[index(n, c, s)].doubleValue } }
            let m = T(fromDouble: sum / Double(count))
            var squares = 0.0
            for n in 0..<batch {
                for s in 0..<spatial {
                    let d = x[index(n, c, s)] - m
                    squares += (d * d).doubleValue
                }
            }
            (mean[c], varSum[c]) = (m, T(fromDouble: squares))
        }
        return (mean, varSum)
    }

    /// `InvStd` of the biased variance (`var_sum / n` divides in the type), in double.
    func invstd(varSum: T, eps: Double) -> T {
        let variance = (varSum / T(fromDouble: Double(count))).doubleValue
        return variance == 0 && eps == 0 ? 0 : T(fromDouble: 1 / (variance + eps).squareRoot())
    }

    /// The running statistics' update: `momentum * mean + (1 - momentum) * running_mean` in the
    /// tensor's type, and the unbiased variance (`var_sum / (n - 1)` in the type) in double.
    func updatedRunning(mean: T, varSum: T, runningMean: T, runningVar: T, momentum: Double) -> (T, T) {
        let m = T(fromDouble: momentum)
        let newMean = m * mean + (1 - m) * runningMean
        let unbiased = (varSum / T(fromDouble: Double(count - 1))).doubleValue
        let newVar = m.doubleValue * unbiased + ((1 - m) * runningVar).doubleValue
        return (newMean, T(fromDouble: newVar))
    }

    /// `y = x * alpha + beta` with `alpha = invstd * weight`, `beta = bias - mean * alpha`.
    func transform(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, mean: [T], invstd: [T], weight: [T]?, bias: [T]?) {
        for c in 0..<channels {
            let alpha = invstd[c] * (weight?[c] ?? 1)
            let beta = (bias?[c] ?? 0).addingProduct(-mean[c], alpha)
            for n in 0..<batch {
                for s in 0..<spatial {
                    let i = index(n, c, s)
                    y[i] = beta.addingProduct(x[i], alpha)
                }
            }
        }
    }

    /// The gradients of input, weight and bias: `batch_norm_cpu_backward_contiguous_impl`
    /// (vector reductions per sample plane, the partial last vector's multiply-add fused,
    /// accumulated in double; `k = float(dotp) * invstd^2 / N` in the type) or, for one value per
    /// sample and channel, `batch_norm_cpu_backward_channels_last_impl` (running sums in the
    /// type). Fusion as measured against PyTorch 2.15.
    func backward(
        _ x: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ dx: UnsafeMutablePointer<T>,
        mean: [T], invstd: [T], weight: [T]?, training: Bool
    ) -> (weight: [T], bias: [T]) {
        var gradWeight = [T](repeating: 0, count: channels)
        var gradBias = gradWeight
        let n = T(fromDouble: Double(count))
        for c in 0..<channels {
            let w = weight?[c] ?? 1
            let (m, r) = (mean[c], invstd[c])
            var sum: T
            var dotp: T
            var gradMean: T
            if spatial == 1 {
                (sum, dotp) = (0, 0)
                for b in 0..<batch {
                    let i = b * channels + c
                    sum = sum + dy[i]
                    dotp = dotp.addingProduct(x[i] - m, dy[i])
                }
                gradMean = sum / n
                (gradWeight[c], gradBias[c]) = (dotp * r, sum)
            } else {
                var sumAcc = 0.0
                var dotAcc = 0.0
                for b in 0..<batch {
                    let base = index(b, c, 0)
                    sumAcc += VectorLanes<T>.avx2.sum(count: spatial) { dy[base + $0] }.doubleValue
                    dotAcc +=
                        VectorLanes<T>.avx2.reduce(
                            count: spatial, { (x[base + $0] - m) * dy[base + $0] },
                            tailStep: { acc, j in acc.addingProduct(x[base + j] - m, dy[base + j]) }
                        ).doubleValue
                }
                (sum, dotp) = (T(fromDouble: sumAcc), T(fromDouble: dotAcc))
                gradMean = T(fromDouble: sumAcc / Double(count))
                (gradWeight[c], gradBias[c]) = (T(fromDouble: dotAcc * r.doubleValue), sum)
            }
            let k = dotp * r * r / n
            // The channels-last kernel's partial last vector of channels is not fused.
            let fused = spatial > 1 || c < channels - channels % VectorLanes<T>.avx2.width
            for b in 0..<batch {
                for s in 0..<spatial {
                    let i = index(b, c, s)
                    let centered = x[i] - m
                    let shifted = dy[i] - gradMean
                    let g = fused ? shifted.addingProduct(-centered, k) : shifted - centered * k
                    dx[i] = training ? g * r * w : dy[i] * r * w
                }
            }
        }
        return (gradWeight, gradBias)
    }
}
