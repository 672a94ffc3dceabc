/// Nearest-neighbour upsampling of `[N, C, W]`, `[N, C, H, W]` and `[N, C, D, H, W]` inputs
/// (`torch._C._nn.upsample_nearest1d/2d/3d` and `_upsample_nearest_exact1d/2d/3d`, what
/// `F.interpolate(mode="nearest" | "nearest-exact")` and `nn.Upsample` call;
/// UpsampleNearest{1,2,3}DBackward0, UpsampleNearestExact{1,2,3}DBackward0).
///
/// Source indices follow aten/src/ATen/native/cpu/UpSampleKernel.cpp: the forward runs the
/// generic kernel (`HelperInterpNearest` / `HelperInterpNearestExact`, positions in the tensor's
/// type) except for 2-D outputs with `H + W <= 128`, which take the channels-last kernel
/// (`nearest_idx` / `nearest_exact_idx`, positions in float, as the backward always uses); the
/// backward adds each output gradient into its source in output order.
enum UpsampleOps {
    static let declarations: [OpDeclaration] =
        [("nearest", false), ("nearest_exact", true)].flatMap { name, exact in
            [1, 2, 3].map { dims in nearestDeclaration(name: name, exact: exact, dims: dims) }
        }

    private static func nearestDeclaration(name: String, exact: Bool, dims: Int) -> OpDeclaration {
        let scaleNames = UpsampleGeometry.scaleNames(dims)
        let scales = scaleNames.map { "float? \($0)=None" }.joined(separator: ", ")
        let op = exact ? "_upsample_nearest_exact\(dims)d" : "upsample_nearest\(dims)d"
        return OpDeclaration(
            "\(op)(Tensor self, int[\(dims)] output_size, \(scales)) -> Tensor",
            gradFn: UpsampleGeometry.gradFn(exact ? "NearestExact" : "Nearest", dims), exposure: [],
            samples: OpSamples(
                shapes: ["self": [1, 2] + [2, 2, 3].suffix(dims)], arguments: ["output_size": .intList([3, 4, 5].suffix(dims))]),
            forward: { args in
                try args.tensor("self").upsampleNearest(
                    outputSize: args.intList("output_size"), scales: try scaleNames.map { try args.optionalDouble($0) },
                    exact: exact)
            })
    }
}

/// The shapes of one upsampling call: planes (`N * C`) and the spatial sizes, padded in front
/// with 1s to three dims (depth, height, width).
struct UpsampleGeometry {
    let planes: Int, input: [Int], output: [Int], dims: Int

    init(inputShape: [Int], outputSize: [Int]) {
        dims = outputSize.count
        planes = inputShape[0] * inputShape[1]
        input = Array(repeating: 1, count: 3 - dims) + inputShape.dropFirst(2)
        output = Array(repeating: 1, count: 3 - dims) + outputSize
    }

    var inputCount: Int { planes * input.reduce(1, *) }
    var outputCount: Int { planes * output.reduce(1, *) }

    /// aten's names of the scales of a `dims`-D upsampling op.
    static func scaleNames(_ dims: Int) -> [String] {
        dims == 1 ? ["scales"] : Array(["scales_d", "scales_h", "scales_w"].suffix(dims))
    }

    /// The grad_fn name of the `dims`-D op of a mode (`UpsampleLinear1DBackward0`, ...).
    static func gradFn(_ mode: String, _ dims: Int) -> String { "Upsample\(mode)\(dims)DBackward0" }

    /// The node kind of the `dims`-D op of a mode, made once per grad_fn name.
    static func nodeKind(_ mode: String, _ dims: Int) -> NodeKind { nodeKinds[gradFn(mode, dims)]! }

    private static let nodeKinds: [String: NodeKind] = Dictionary(
        uniqueKeysWithValues: (["Nearest1", "Nearest2", "Nearest3", "NearestExact1", "NearestExact2", "NearestExact3"]
            + ["Linear1", "Bilinear2", "Trilinear3"]).map { key in
                let name = gradFn(String(key.dropLast()), Int(String(key.last!))!)
                return (name, NodeKind(name))
            })

    /// What the node keeps: `align_corners` (for interpolating modes), `output_size`, the scales
    /// given and `self_sym_sizes`, under aten's names.
    static func kept(alignCorners: Bool?, outputSize: [Int], scales: [Double?], inputShape: [Int]) -> [(
        name: String, value: SavedValue
    )] {
        var kept: [(name: String, value: SavedValue)] = alignCorners.map { [("align_corners", .bool($0))] } ?? []
        kept.append(("output_size", .ints(outputSize)))
        for (name, scale) in zip(scaleNames(outputSize.count), scales) {
            if let scale { kept.append((name, .scalar(.double(scale)))) }
        }
        kept.append(("self_sym_sizes", .ints(inputShape)))
        return kept
    }
}

/// aten's `nearest_idx` (`exact` false) or `nearest_exact_idx`: the input index an output index
/// reads, with the scale in float.
private func nearestIndexFloat(_ i: Int, input: Int, output: Int, scale: Double?, exact: Bool) -> Int {
    let s: Float = scale.map { $0 > 0 ? Float(1.0 / $0) : Float(input) / Float(output) } ?? Float(input) / Float(output)
    if exact { return min(Int(Float((Double(i) + 0.5) * Double(s)).rounded(.down)), input - 1) }
    if output == input { return i }
    if output == 2 * input { return i >> 1 }
    return min(Int((Float(i) * s).rounded(.down)), input - 1)
}

/// `HelperInterpNearest(Exact)::compute_indices_weights`: the input index an output index reads,
/// with the scale and position in the tensor's type `T` (floored as float, as `floorf` does).
private func nearestIndexGeneric<T: FloatElement>(
    _: T.Type, _ i: Int, input: Int, output: Int, scale: Double?, exact: Bool
) -> Int {
    let s: T =
        scale.map { $0 > 0 ? T(fromDouble: 1.0 / $0) : T(fromDouble: Double(input)) / T(fromDouble: Double(output)) }
        ?? T(fromDouble: Double(input)) / T(fromDouble: Double(output))
    let real: T
    if exact {
        let source = (s * (T(fromDouble: Double(i)) + 0.5)) - 0.5
        real = (source < 0 ? 0 : source) + 0.5
    } else {
        real = s * T(fromDouble: Double(i))
    }
    return min(Int(Float(real.doubleValue).rounded(.down)), input - 1)
}

/// Copies (forward) or accumulates back (backward) along per-dimension source indices.
private struct NearestVisitor: FloatVisitor {
    let geometry: UpsampleGeometry, scales: [Double?], exact: Bool
    let source: Storage, destination: Storage, backward: Bool

    func visit<T: FloatElement>(_ type: T.Type) {
        let g = geometry
        let padded = Array(repeating: nil, count: 3 - g.dims) + scales
        // The channels-last forward kernel (2-D outputs with H + W <= 128) and every backward
        // compute positions in float; the generic forward kernel in T.
        let floatIndices = backward || (g.dims == 2 && g.output[1] + g.output[2] <= 128)
        let indices = (0..<3).map { k in
            (0..<g.output[k]).map { i in
                floatIndices
                    ? nearestIndexFloat(i, input: g.input[k], output: g.output[k], scale: padded[k], exact: exact)
                    : nearestIndexGeneric(T.self, i, input: g.input[k], output: g.output[k], scale: padded[k], exact: exact)
            }
        }
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        if backward { d.initialize(repeating: 0, count: g.inputCount) }
        let (inH, inW) = (g.input[1], g.input[2])
        var o = 0
        for p in 0..<g.planes {
            let plane = p * g.input[0] * inH * inW
            for id in indices[0] {
                for ih in indices[1] {
                    let row = plane + (id * inH + ih) * inW
                    for iw in indices[2] {
                        if backward { d[row + iw] += s[o] } else { d[o] = s[row + iw] }
                        o += 1
                    }
                }
            }
        }
    }
}

extension Tensor {
    /// PyTorch's checks shared by the upsampling ops (`upsample_{1,2,3}d_common_check` and the
    /// shape checks): a non-empty input of `2 + output_size.count` dims and positive sizes.
    func checkUpsampleSizes(_ outputSize: [Int], dims: Int) throws {
        let shapeText = "[\(shape.map(String.init).joined(separator: ", "))]"
        guard outputSize.count == dims else {
            throw TorchError.runtime("It is expected output_size equals to \(dims), but got size \(outputSize.count)")
        }
        guard dim == dims + 2 else {
            throw TorchError.runtime("It is expected input_size equals to \(dims + 2), but got size \(dim)")
        }
        let labels = Array(["D", "H", "W"].suffix(dims))
        let spatial = Array(shape.suffix(dims))
        guard spatial.allSatisfy({ $0 > 0 }), outputSize.allSatisfy({ $0 > 0 }) else {
            func list(_ sizes: [Int]) -> String { zip(labels, sizes).map { "\($0): \($1)" }.joined(separator: ", ") }
            throw TorchError.runtime(
                "Input and output sizes should be greater than 0, but got input (\(list(spatial)))\(dims == 1 ? " and" : "") output (\(list(outputSize)))"
            )
        }
        // A zero batch is allowed; zero channels is not.
        guard numel > 0 || shape[1] > 0 else {
            throw TorchError.runtime("Non-empty \(dims + 2)D data tensor expected but got a tensor with sizes \(shapeText)")
        }
    }

    /// `upsample_nearest{1,2,3}d(self, output_size, scales...)` or, with `exact`,
    /// `_upsample_nearest_exact{1,2,3}d`; the scales, when given, pick the source indices
    /// instead of the size ratio.
    public func upsampleNearest(outputSize: [Int], scales: [Double?], exact: Bool = false) throws -> Tensor {
        let dims = outputSize.count
        try checkUpsampleSizes(outputSize, dims: dims)
        try requireFloatingPoint(exact ? "_upsample_nearest_exact\(dims)d" : "upsample_nearest\(dims)d")
        let geometry = UpsampleGeometry(inputShape: shape, outputSize: outputSize)
        let out = Storage.uninitialized(dtype, count: geometry.outputCount)
        dtype.dispatchFloat(
            NearestVisitor(
                geometry: geometry, scales: scales, exact: exact, source: contiguousStorage(), destination: out,
                backward: false))
        let result = Tensor(storage: out, shape: Array(shape.prefix(2)) + outputSize)
        let inputShape = shape
        let op = exact ? "_upsample_nearest_exact\(dims)d" : "upsample_nearest\(dims)d"
        record(
            op, UpsampleGeometry.nodeKind(exact ? "NearestExact" : "Nearest", dims), inputs: [self], outputs: [result],
            keeping: UpsampleGeometry.kept(alignCorners: nil, outputSize: outputSize, scales: scales, inputShape: inputShape)
        ) { ctx in
            let grad = Storage.uninitialized(ctx.grad.dtype, count: geometry.inputCount)
            ctx.grad.dtype.dispatchFloat(
                NearestVisitor(
                    geometry: geometry, scales: scales, exact: exact, source: ctx.grad.contiguousStorage(),
                    destination: grad, backward: true))
            return [Tensor(storage: grad, shape: inputShape)]
        }
        return result
    }
}
