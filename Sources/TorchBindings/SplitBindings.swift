import Autograd
import Python

/// `Tensor.split`/`torch.split` (an int size, or a list of sizes: `split_with_sizes`),
/// `chunk` (and `unsafe_chunk`), `unbind` and `tensor_split` (a number of sections, a list of indices, or a 0-D or
/// 1-D int64 tensor of either), which return a tuple of views.
enum SplitBindings {
    static let methods: [String: TensorMethod] = [
        "split": { t, a, i in
            try a.check("split", maxPositional: 2, allowed: ["split_size", "split_size_or_sections", "dim"])
            guard let sizes = a.value(0, "split_size") ?? a.keyword("split_size_or_sections") else {
                throw PyException.type("split() missing required argument 'split_size'")
            }
            let dim = try a.value(1, "dim").map { try i.intValue($0, "split", "dim") } ?? 0
            if case .int(let size) = sizes { return tuple(try t.split(size, dim: dim)) }
            return tuple(try t.split(sizes: try i.intList(sizes, "split", "split_size"), dim: dim))
        },
        "chunk": { t, a, i in
            try a.check("chunk", maxPositional: 2, allowed: ["chunks", "dim"])
            guard let chunks = a.value(0, "chunks") else { throw PyException.type("chunk() missing required argument 'chunks'") }
            let dim = try a.value(1, "dim").map { try i.intValue($0, "chunk", "dim") } ?? 0
            return tuple(try t.chunk(try i.intValue(chunks, "chunk", "chunks"), dim: dim))
        },
        "unsafe_chunk": { t, a, i in
            try a.check("unsafe_chunk", maxPositional: 2, allowed: ["chunks", "dim"])
            guard let chunks = a.value(0, "chunks") else {
                throw PyException.type("unsafe_chunk() missing required argument 'chunks'")
            }
            let dim = try a.value(1, "dim").map { try i.intValue($0, "unsafe_chunk", "dim") } ?? 0
            return tuple(try t.unsafeChunk(try i.intValue(chunks, "unsafe_chunk", "chunks"), dim: dim))
        },
        "tensor_split": { t, a, i in
            try a.check(
                "tensor_split", maxPositional: 2, allowed: ["sections", "indices", "tensor_indices_or_sections", "dim"])
            guard let spec = a.value(0, "sections") ?? a.keyword("indices") ?? a.keyword("tensor_indices_or_sections") else {
                throw PyException.type("tensor_split() missing required argument 'indices_or_sections'")
            }
            let dim = try a.value(1, "dim").map { try i.intValue($0, "tensor_split", "dim") } ?? 0
            if case .int(let sections) = spec { return tuple(try t.tensorSplit(sections: sections, dim: dim)) }
            if case .object(let split as Tensor) = spec {
                guard split.dtype == .int64 else {
                    throw PyException.runtime(
                        "tensor_split expected tensor_indices_or_sections to have dtype of long, but got \(split.dtype.scalarTypeName)"
                    )
                }
                guard split.dim <= 1 else {
                    throw PyException.runtime(
                        "tensor_split expected tensor_indices_or_sections to be a zero-dimensional or one-dimensional tensor, but got a tensor with \(split.dim) dims"
                    )
                }
                let values = split.indexValues()
                if split.dim == 0 { return tuple(try t.tensorSplit(sections: values[0], dim: dim)) }
                return tuple(try t.tensorSplit(indices: values, dim: dim))
            }
            return tuple(try t.tensorSplit(indices: try i.intList(spec, "tensor_split", "indices"), dim: dim))
        },
        "unbind": { t, a, i in
            try a.check("unbind", maxPositional: 1, allowed: ["dim"])
            return tuple(try t.unbind(dim: try a.value(0, "dim").map { try i.intValue($0, "unbind", "dim") } ?? 0))
        }
    ]

    private static func tuple(_ pieces: [Tensor]) -> Value { .tuple(pieces.map(Value.tensor)) }
}
