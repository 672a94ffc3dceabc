/// `grid_sampler_2d`'s CPU forward and backward, computed as ATen's vectorized kernel
/// (`GridSamplerKernel.cpp`: `ComputeLocation`, `ApplyGridSample`,
/// `grid_sample_2d_grid_slice_iterator`) computes them, lane by lane.
///
/// The output positions of each batch element are taken in chunks of one 256-bit vector
/// (8 floats or 4 doubles: what PyTorch 2.15 uses on an AVX-512 machine too; 16 and 8 lanes
/// give other input gradients, measured): the whole `H × W` slice at once when the grid's slice is contiguous, else row by
/// row. Within a chunk every step of ATen's vector code is done per lane in the same order, so
/// values match bit for bit; the order matters in the backward, where a chunk scatters all its
/// north-west contributions into the input gradient, then all north-east ones, and so on.
/// GCC contracts the kernel's `a * b + c` into fused multiply-adds (in a sum of two products the
/// first is rounded, the second fused), which `addingProduct` reproduces.

/// The modes of `grid_sampler`, as its integer arguments number them.
enum GridSamplerMode {
    /// `interpolation_mode`: 0 bilinear, 1 nearest.
    enum Interpolation: Int { case bilinear = 0, nearest = 1 }
    /// `padding_mode`: 0 zeros, 1 border, 2 reflection.
    enum Padding: Int { case zeros = 0, border = 1, reflection = 2 }
}

/// One spatial dimension's map from normalized grid values to source coordinates
/// (ATen's `ComputeLocation` for a padding mode and `align_corners`).
private struct SourceLocation<T: FloatElement> {
    let padding: GridSamplerMode.Padding
    let alignCorners: Bool
    let maxValue: T, scalingFactor: T, low: T, twiceSpan: T, empty: Bool

    init(size: Int, padding: GridSamplerMode.Padding, alignCorners: Bool) {
        self.padding = padding
        self.alignCorners = alignCorners
        maxValue = T(size - 1)
        if alignCorners {
            (scalingFactor, low, twiceSpan, empty) = (T(size - 1) / 2, 0, T(size - 1) * 2, size <= 1)
        } else {
            (scalingFactor, low, twiceSpan, empty) = (T(size) / 2, -0.5, T(size) * 2, size <= 0)
        }
    }

    func unnormalize(_ value: T) -> T {
        alignCorners ? (value + 1) * scalingFactor : T(-0.5).addingProduct(value + 1, scalingFactor)
    }

    /// `clamp_max(max_val, clamp_min(0, in))`: NaN becomes 0.
    func clip(_ value: T) -> T {
        let low: T = value > 0 ? value : 0
        return low < maxValue ? low : maxValue
    }

    /// The clipped coordinate and whether it lies strictly inside (borders count as outside).
    func clipWithGradient(_ value: T) -> (T, Bool) {
        let bounded: T = value.isNaN || value > 0 ? value : 0
        let result: T = bounded.isNaN || bounded < maxValue ? bounded : maxValue
        // `!=` is true for NaN, as ATen's bit comparison is (`bounded` is never -0).
        return (result, bounded != 0 && result != maxValue)
    }

    /// The reflected coordinate and the sign of its derivative.
    func reflect(_ value: T) -> (T, T) {
        if alignCorners && empty { return (0, 0) }
        let shifted = alignCorners ? value : value - low
        let magnitude = Swift.abs(shifted)
        let doubleFlips = (magnitude / twiceSpan).rounded(.towardZero)
        let extra = magnitude.addingProduct(-doubleFlips, twiceSpan)
        let reflected = twiceSpan - extra
        let oneMoreFlip = extra > reflected
        let result = oneMoreFlip ? reflected : extra
        return (alignCorners ? result : result + low, oneMoreFlip != (shifted < 0) ? -1 : 1)
    }

    /// `apply`: the source coordinate of a grid value.
    func coordinate(_ value: T) -> T {
        let source = unnormalize(value)
        switch padding {
        case .zeros: return source
        case .border: return clip(source)
        case .reflection: return clip(reflect(source).0)
        }
    }

    /// `apply_get_grad`: the source coordinate and its derivative by the grid value.
    func coordinateWithGradient(_ value: T) -> (T, T) {
        let source = unnormalize(value)
        switch padding {
        case .zeros: return (source, scalingFactor)
        case .border:
            let (result, inside) = clipWithGradient(source)
            return (result, inside ? scalingFactor : 0)
        case .reflection:
            let (reflected, sign) = reflect(source)
            let (result, inside) = clipWithGradient(reflected)
            return (result, inside ? sign * scalingFactor : 0)
        }
    }
}

/// A floored or rounded coordinate as the vector conversion to a same-size integer gives it:
/// the integer minimum when out of range or NaN.
private func laneIndex<T: FloatElement>(_ value: T) -> Int {
    let limit: Double = T.self == Float.self ? 0x1p31 : 0x1p63
    let v = Double(value)
    return v >= -limit && v < limit ? Int(v) : (T.self == Float.self ? Int(Int32.min) : Int.min)
}

/// The four corners of a bilinear tap: their weights, and their flat offsets into an `H × W`
/// plane (nil outside it).
private struct BilinearTap<T: FloatElement> {
    let north: T, south: T, west: T, east: T
    /// nw, ne, sw, se weights.
    let weights: (T, T, T, T)
    let offsets: (Int?, Int?, Int?, Int?)

    init(x: T, y: T, height: Int, width: Int, mustBeInside: Bool) {
        let xWest = x.rounded(.down)
        let yNorth = y.rounded(.down)
        west = x - xWest
        east = 1 - west
        north = y - yNorth
        south = 1 - north
        weights = (south * east, south * west, north * east, north * west)
        let (ix, iy) = (laneIndex(xWest), laneIndex(yNorth))
        let westIn = mustBeInside || (ix > -1 && ix < width)
        let northIn = mustBeInside || (iy > -1 && iy < height)
        let eastIn = (mustBeInside || ix &+ 1 > -1) && ix &+ 1 < width
        let southIn = (mustBeInside || iy &+ 1 > -1) && iy &+ 1 < height
        let base = iy &* width &+ ix
        offsets = (
            westIn && northIn ? base : nil, eastIn && northIn ? base &+ 1 : nil,
            westIn && southIn ? base &+ width : nil, eastIn && southIn ? base &+ width &+ 1 : nil
        )
    }
}

/// Runs `grid_sampler_2d` forward or backward on contiguous buffers.
struct GridSampler2DKernel: FloatVisitor {
    let interpolation: GridSamplerMode.Interpolation
    let padding: GridSamplerMode.Padding
    let alignCorners: Bool
    /// `[N, C, H, W]` of the input, `[N, outH, outW, 2]` of the grid.
    let inputShape: [Int], gridShape: [Int]
    /// Whether each `outH × outW` grid slice is walked as one line (see the file's note).
    let gridSliceIsLine: Bool
    let input: Storage, grid: Storage
    /// Forward: the output; backward: nil.
    let output: Storage?
    /// Backward: the output's gradient, and where the input's (zero-filled, or nil when not
    /// needed) and the grid's gradients go.
    let gradOutput: Storage?, gradInput: Storage?, gradGrid: Storage?

    /// Whether the grid slice of `gridShape` with these strides is walked as one line:
    /// contiguous, or W-contiguous with contiguous rows (ATen's cases 1 and 2).
    static func isLine(gridShape: [Int], strides: [Int]) -> Bool {
        func contiguous(_ sizes: ArraySlice<Int>, _ strides: ArraySlice<Int>) -> Bool {
            var expected = 1
            for (size, stride) in zip(sizes, strides).reversed() {
                if size == 0 { return true }
                if size != 1 && stride != expected { return false }
                expected *= size
            }
            return true
        }
        if contiguous(gridShape[1...3], strides[1...3]) { return true }
        return (strides[2] == 1 || gridShape[2] == 1) && contiguous(gridShape[1...2], strides[1...2])
    }

    func visit<T: FloatElement>(_: T.Type) {
        let (batch, channels, height, width) = (inputShape[0], inputShape[1], inputShape[2], inputShape[3])
        let (outH, outW) = (gridShape[1], gridShape[2])
        let spatial = outH * outW
        let step = T.self == Float.self ? 8 : 4
        let locateX = SourceLocation<T>(size: width, padding: padding, alignCorners: alignCorners)
        let locateY = SourceLocation<T>(size: height, padding: padding, alignCorners: alignCorners)
        let mustBeInside = padding != .zeros
        let plane = height * width
        let inputs = input.pointer(T.self)
        let grids = grid.pointer(T.self)
        var chunks = [Range<Int>]()
        for start in stride(from: 0, to: gridSliceIsLine ? spatial : outW, by: step) {
            chunks.append(start..<Swift.min(start + step, gridSliceIsLine ? spatial : outW))
        }
        if !gridSliceIsLine {
            chunks = (0..<outH).flatMap { row in chunks.map { ($0.lowerBound + row * outW)..<($0.upperBound + row * outW) } }
        }
        for n in 0..<batch {
            let gridBase = n * spatial * 2
            let inputBase = n * channels * plane
            let outBase = n * channels * spatial
            for chunk in chunks {
                let xs = chunk.map { grids[gridBase + 2 * $0] }
                let ys = chunk.map { grids[gridBase + 2 * $0 + 1] }
                switch (interpolation, output) {
                case (.bilinear, let output?):
                    let taps = zip(xs, ys).map {
                        BilinearTap<T>(
                            x: locateX.coordinate($0), y: locateY.coordinate($1), height: height, width: width,
                            mustBeInside: mustBeInside)
                    }
                    let out = output.pointer(T.self)
                    for c in 0..<channels {
                        let source = inputs + inputBase + c * plane
                        func value(_ offset: Int?) -> T { offset.map { source[$0] } ?? 0 }
                        for (lane, p) in chunk.enumerated() {
                            let t = taps[lane]
                            out[outBase + c * spatial + p] = (value(t.offsets.0) * t.weights.0)
                                .addingProduct(value(t.offsets.1), t.weights.1)
                                .addingProduct(value(t.offsets.2), t.weights.2)
                                .addingProduct(value(t.offsets.3), t.weights.3)
                        }
                    }
                case (.nearest, let output?):
                    let offsets = zip(xs, ys).map { nearestOffset(locateX.coordinate($0), locateY.coordinate($1)) }
                    let out = output.pointer(T.self)
                    for c in 0..<channels {
                        for (lane, p) in chunk.enumerated() {
                            out[outBase + c * spatial + p] = offsets[lane].map { inputs[inputBase + c * plane + $0] } ?? 0
                        }
                    }
                case (.bilinear, nil):
                    let xg = xs.map { locateX.coordinateWithGradient($0) }
                    let yg = ys.map { locateY.coordinateWithGradient($0) }
                    let taps = zip(xg, yg).map {
                        BilinearTap<T>(x: $0.0, y: $1.0, height: height, width: width, mustBeInside: mustBeInside)
                    }
                    bilinearBackward(
                        taps, chunk: chunk, xMultipliers: xg.map(\.1), yMultipliers: yg.map(\.1),
                        inputBase: inputBase, outBase: outBase, gridBase: gridBase, plane: plane, spatial: spatial,
                        channels: channels)
                case (.nearest, nil):
                    if let gradInput {
                        let offsets = zip(xs, ys).map { nearestOffset(locateX.coordinate($0), locateY.coordinate($1)) }
                        let gradIn = gradInput.pointer(T.self)
                        let gradOut = gradOutput!.pointer(T.self)
                        for c in 0..<channels {
                            for (lane, p) in chunk.enumerated() {
                                if let offset = offsets[lane] {
                                    gradIn[inputBase + c * plane + offset] += gradOut[outBase + c * spatial + p]
                                }
                            }
                        }
                    }
                    let gradG = gradGrid!.pointer(T.self)
                    for p in chunk { (gradG[gridBase + 2 * p], gradG[gridBase + 2 * p + 1]) = (0, 0) }
                }
            }
        }

        /// The flat offset of the pixel nearest to (x, y) (ties to even), nil outside.
        func nearestOffset(_ x: T, _ y: T) -> Int? {
            let ix = laneIndex(x.rounded(.toNearestOrEven))
            let iy = laneIndex(y.rounded(.toNearestOrEven))
            guard mustBeInside || (ix > -1 && ix < width && iy > -1 && iy < height) else { return nil }
            return iy &* width &+ ix
        }
    }

    /// One chunk of the bilinear backward: the input gradient scattered corner by corner, then
    /// the grid gradient summed over channels.
    private func bilinearBackward<T: FloatElement>(
        _ taps: [BilinearTap<T>], chunk: Range<Int>, xMultipliers: [T], yMultipliers: [T],
        inputBase: Int, outBase: Int, gridBase: Int, plane: Int, spatial: Int, channels: Int
    ) {
        let inputs = input.pointer(T.self)
        let gradOut = gradOutput!.pointer(T.self)
        let gradIn = gradInput?.pointer(T.self)
        var gx = [T](repeating: 0, count: chunk.count)
        var gy = [T](repeating: 0, count: chunk.count)
        for c in 0..<channels {
            let g = chunk.map { gradOut[outBase + c * spatial + $0] }
            if let gradIn {
                let target = gradIn + inputBase + c * plane
                func scatter(_ corner: (BilinearTap<T>) -> (Int?, T)) {
                    for lane in 0..<chunk.count {
                        let (offset, weight) = corner(taps[lane])
                        if let offset { target[offset] += weight * g[lane] }
                    }
                }
                scatter { ($0.offsets.0, $0.weights.0) }
                scatter { ($0.offsets.1, $0.weights.1) }
                scatter { ($0.offsets.2, $0.weights.2) }
                scatter { ($0.offsets.3, $0.weights.3) }
            }
            let source = inputs + inputBase + c * plane
            func value(_ offset: Int?) -> T { offset.map { source[$0] } ?? 0 }
            for lane in 0..<chunk.count {
                let t = taps[lane]
                let (nw, ne, sw, se) = (value(t.offsets.0), value(t.offsets.1), value(t.offsets.2), value(t.offsets.3))
                gx[lane] = gx[lane].addingProduct(((ne - nw) * t.south).addingProduct(se - sw, t.north), g[lane])
                gy[lane] = gy[lane].addingProduct(((sw - nw) * t.east).addingProduct(se - ne, t.west), g[lane])
            }
        }
        let gradG = gradGrid!.pointer(T.self)
        for (lane, p) in chunk.enumerated() {
            gradG[gridBase + 2 * p] = gx[lane] * xMultipliers[lane]
            gradG[gridBase + 2 * p + 1] = gy[lane] * yMultipliers[lane]
        }
    }
}
