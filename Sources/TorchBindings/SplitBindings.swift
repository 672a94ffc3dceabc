import Autograd
import Python

/// `Tensor.split`/`torch.split` (an int size, or a list of sizes: `split_with_sizes`),
/// `chunk` and `unbind`, which return a tuple of views.
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
        "unbind": { t, a, i in
            try a.check("unbind", maxPositional: 1, allowed: ["dim"])
            return tuple(try t.unbind(dim: try a.value(0, "dim").map { try i.intValue($0, "unbind", "dim") } ?? 0))
        }
    ]

    private static func tuple(_ pieces: [Tensor]) -> Value { .tuple(pieces.map(Value.tensor)) }
}
