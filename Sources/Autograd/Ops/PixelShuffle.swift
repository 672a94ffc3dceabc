/// `pixel_shuffle` (PixelShuffleBackward0) and `pixel_unshuffle` (PixelUnshuffleBackward0): the
/// sub-pixel rearrangement between channels and space of super-resolution nets. `(*, C·r², H, W)`
/// becomes `(*, C, H·r, W·r)`, output `[c, h·r + i, w·r + j]` being input `[c·r² + i·r + j, h, w]`;
/// each is the other's inverse and backward.
enum PixelShuffleOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "pixel_shuffle(Tensor self, int upscale_factor) -> Tensor", gradFn: "PixelShuffleBackward0",
            exposure: [.torch, .functional],
            samples: OpSamples(shapes: ["self": [2, 4, 2, 3]], arguments: ["upscale_factor": .int(2)]),
            forward: { try $0.tensor("self").pixelShuffle($0.int("upscale_factor")) }),
        OpDeclaration(
            "pixel_unshuffle(Tensor self, int downscale_factor) -> Tensor", gradFn: "PixelUnshuffleBackward0",
            exposure: [.torch, .functional],
            samples: OpSamples(shapes: ["self": [2, 1, 4, 6]], arguments: ["downscale_factor": .int(2)]),
            forward: { try $0.tensor("self").pixelUnshuffle($0.int("downscale_factor")) })
    ]
}

extension Tensor {
    /// `F.pixel_shuffle(self, upscale_factor)`.
    public func pixelShuffle(_ factor: Int) throws -> Tensor {
        try checkPixelShuffle("pixel_shuffle", "upscale_factor", factor)
        let channels = shape[dim - 3]
        guard channels % (factor * factor) == 0 else {
            throw TorchError.runtime(
                "pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=\(channels) is not divisible by \(factor * factor)"
            )
        }
        let (h, w) = (shape[dim - 2], shape[dim - 1])
        let outShape = Array(shape.dropLast(3)) + [channels / (factor * factor), h * factor, w * factor]
        let out = pixelGather(outShape) { c, y, x in
            (c * factor * factor + (y % factor) * factor + x % factor, y / factor, x / factor)
        }
        record(
            "pixel_shuffle", .pixelShuffleBackward0, inputs: [self], outputs: [out], keeping: [("upscale_factor", .int(factor))]
        ) { ctx in [try ctx.grad.pixelUnshuffle(factor)] }
        return out
    }

    /// `F.pixel_unshuffle(self, downscale_factor)`.
    public func pixelUnshuffle(_ factor: Int) throws -> Tensor {
        try checkPixelShuffle("pixel_unshuffle", "downscale_factor", factor)
        let (channels, h, w) = (shape[dim - 3], shape[dim - 2], shape[dim - 1])
        for (name, size, at) in [("height", h, -2), ("width", w, -1)] where size % factor != 0 {
            throw TorchError.runtime(
                "pixel_unshuffle expects \(name) to be divisible by downscale_factor, but input.size(\(at))=\(size) is not divisible by \(factor)"
            )
        }
        let outShape = Array(shape.dropLast(3)) + [channels * factor * factor, h / factor, w / factor]
        let out = pixelGather(outShape) { c, y, x in
            let (inner, sub) = (c / (factor * factor), c % (factor * factor))
            return (inner, y * factor + sub / factor, x * factor + sub % factor)
        }
        record(
            "pixel_unshuffle", .pixelUnshuffleBackward0, inputs: [self], outputs: [out],
            keeping: [("downscale_factor", .int(factor))]
        ) { ctx in [try ctx.grad.pixelShuffle(factor)] }
        return out
    }

    private func checkPixelShuffle(_ op: String, _ argument: String, _ factor: Int) throws {
        guard dim >= 3 else {
            throw TorchError.runtime("\(op) expects input to have at least 3 dimensions, but got input with \(dim) dimension(s)")
        }
        guard factor > 0 else { throw TorchError.runtime("\(op) expects a positive \(argument), but got \(factor)") }
    }

    /// A contiguous tensor of `outShape` whose element at (leading index, c, y, x) is this tensor's
    /// element at (same leading index, `source(c, y, x)`).
    private func pixelGather(_ outShape: [Int], _ source: (Int, Int, Int) -> (Int, Int, Int)) -> Tensor {
        let (c, h, w) = (shape[dim - 3], shape[dim - 2], shape[dim - 1])
        let (oc, oh, ow) = (outShape[dim - 3], outShape[dim - 2], outShape[dim - 1])
        let planes = outShape.dropLast(3).reduce(1, *)
        var offsets = [Int]()
        offsets.reserveCapacity(planes * oc * oh * ow)
        for plane in 0..<planes {
            for k in 0..<oc {
                for y in 0..<oh {
                    for x in 0..<ow {
                        let (sc, sy, sx) = source(k, y, x)
                        offsets.append(((plane * c + sc) * h + sy) * w + sx)
                    }
                }
            }
        }
        let out = Storage.uninitialized(dtype, count: offsets.count)
        dtype.dispatch(OffsetGatherVisitor(source: contiguousStorage(), offsets: offsets, out: out))
        return Tensor(storage: out, shape: outShape)
    }
}

extension NodeKind {
    static let pixelShuffleBackward0 = NodeKind("PixelShuffleBackward0")
    static let pixelUnshuffleBackward0 = NodeKind("PixelUnshuffleBackward0")
}
