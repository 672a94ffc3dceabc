/// Where PyTorch 2.15's CPU convolution runs oneDNN's JIT kernels, and the order in which
/// oneDNN's backward-weights kernel sums.
extension ConvGeometry {
    /// Whether PyTorch sends a float32 convolution of this geometry to oneDNN on one thread
    /// (aten/src/ATen/native/Convolution.cpp, `ConvParams::use_mkldnn`): not a 1x1 kernel
    /// without stride or dilation below 16 images, and then grouped, a kernel above 3x3, more
    /// than one image, or more than 20480 input values. Other float32 convolutions and every
    /// float64 one take the im2col path (thnn_conv2d).
    var runsOnOneDNN: Bool {
        let strided = stride.0 != 1 || stride.1 != 1
        let dilated = dilation.0 != 1 || dilation.1 != 1
        guard strided || dilated || batch >= 16 || kernelW != 1 || kernelH != 1 else { return false }
        return groups > 1 || (kernelW > 3 && kernelH > 3) || batch > 1 || batch * inChannels * height * width > 20480
    }

    /// Adds one image's weight gradient into `gradWeight` as oneDNN's `jit:avx512_core`
    /// backward-weights kernel does on one thread: each weight's value is one accumulator that
    /// takes a fused multiply-add per output position, row by row, image after image (measured:
    /// bit-identical to PyTorch's on a 32-image 5x5 convolution). `columns` is the image's
    /// im2col matrix of the group, `grad` the group's output gradient of that image.
    @_optimize(speed)
    func addWeightGradientInOneDNNOrder(
        columns: UnsafePointer<Float>, grad: UnsafePointer<Float>, into gradWeight: UnsafeMutablePointer<Float>
    ) {
        for o in 0..<groupOutChannels {
            let g = grad + o * positions
            for r in 0..<columnRows {
                let c = columns + r * positions
                var total = gradWeight[o * columnRows + r]
                for p in 0..<positions { total = total.addingProduct(c[p], g[p]) }
                gradWeight[o * columnRows + r] = total
            }
        }
    }
}

extension ConvGeometry {
    /// One image's output channels of one group as oneDNN's `jit:avx512_core` forward kernel
    /// sums them on one thread: per block of 16 input channels, one accumulator takes a fused
    /// multiply-add per kernel row, kernel column and channel (channels innermost, padding
    /// skipped); the first block's sum gets the bias added, each later block's sum the output so
    /// far (measured bit-identical to PyTorch's with 3, 6, 32 and 40 input channels).
    @_optimize(speed)
    func forwardInOneDNNOrder(
        image: UnsafePointer<Float>, group: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        into out: UnsafeMutablePointer<Float>
    ) {
        let firstChannel = group * groupChannels
        for o in (group * groupOutChannels)..<((group + 1) * groupOutChannels) {
            let w = weight + o * columnRows
            for oy in 0..<outH {
                for ox in 0..<outW {
                    var value: Float = 0
                    for blockStart in Swift.stride(from: 0, to: groupChannels, by: 16) {
                        let blockEnd = Swift.min(blockStart + 16, groupChannels)
                        var total: Float = 0
                        for ki in 0..<kernelH {
                            let y = oy * stride.0 - padTop + ki * dilation.0
                            guard y >= 0 && y < height else { continue }
                            for kj in 0..<kernelW {
                                let x = ox * stride.1 - padLeft + kj * dilation.1
                                guard x >= 0 && x < width else { continue }
                                for c in blockStart..<blockEnd {
                                    total = total.addingProduct(
                                        image[((firstChannel + c) * height + y) * width + x],
                                        w[(c * kernelH + ki) * kernelW + kj])
                                }
                            }
                        }
                        value = blockStart == 0 ? total + (bias?[o] ?? 0) : total + value
                    }
                    out[(o * outH + oy) * outW + ox] = value
                }
            }
        }
    }
}

extension ConvGeometry {
    /// One image's input gradient for one group as oneDNN's `jit:avx512_core` backward-data
    /// kernel sums it on one thread: per block of 16 output channels, one accumulator takes a
    /// fused multiply-add per kernel row, kernel column and output channel (channels innermost);
    /// each later block's sum is added to the value so far (measured bit-identical to PyTorch's
    /// with 8, 16 and 40 output channels).
    @_optimize(speed)
    func inputGradientInOneDNNOrder(
        grad: UnsafePointer<Float>, group: Int, weight: UnsafePointer<Float>, into image: UnsafeMutablePointer<Float>
    ) {
        let firstOut = group * groupOutChannels
        for c in 0..<groupChannels {
            let plane = image + (group * groupChannels + c) * height * width
            for iy in 0..<height {
                for ix in 0..<width {
                    var value: Float = 0
                    for blockStart in Swift.stride(from: 0, to: groupOutChannels, by: 16) {
                        let blockEnd = Swift.min(blockStart + 16, groupOutChannels)
                        var total: Float = 0
                        for ki in 0..<kernelH {
                            guard let oy = outputIndex(iy + padTop - ki * dilation.0, step: stride.0, count: outH)
                            else { continue }
                            for kj in 0..<kernelW {
                                guard let ox = outputIndex(ix + padLeft - kj * dilation.1, step: stride.1, count: outW)
                                else { continue }
                                for o in (firstOut + blockStart)..<(firstOut + blockEnd) {
                                    total = total.addingProduct(
                                        grad[(o * outH + oy) * outW + ox],
                                        weight[((o * groupChannels + c) * kernelH + ki) * kernelW + kj])
                                }
                            }
                        }
                        value = blockStart == 0 ? total : total + value
                    }
                    plane[iy * width + ix] = value
                }
            }
        }
    }

    /// The output position a kernel tap at padded input offset `offset` comes from, if any.
    private func outputIndex(_ offset: Int, step: Int, count: Int) -> Int? {
        guard offset >= 0, offset % step == 0, offset / step < count else { return nil }
        return offset / step
    }
}
