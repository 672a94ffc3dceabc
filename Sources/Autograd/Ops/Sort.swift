/// Sorting and order statistics: `sort`, `argsort`, `msort`, `topk`, `kthvalue`, `median`.
/// Equal values come out in the order PyTorch's CPU kernels leave them (libstdc++'s
/// `std::sort`/`std::stable_sort`, `nth_element`/`partial_sort` for topk, PyTorch's own
/// quickselect for kthvalue); NaN sorts above every number.
enum SortOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "sort(Tensor self, int dim=-1, bool descending=False) -> (Tensor values, Tensor indices)",
            gradFn: "SortBackward0", exposure: [.torch, .method],
            returningTuple: {
                let r = try $0.tensor("self").sort(dim: $0.int("dim"), descending: $0.bool("descending"))
                return [r.values, r.indices]
            }),
        OpDeclaration(
            "sort.stable(Tensor self, *, bool? stable, int dim=-1, bool descending=False) -> (Tensor values, Tensor indices)",
            gradFn: "SortBackward0", exposure: [.torch, .method],
            samples: OpSamples(arguments: ["stable": .bool(true)]),
            returningTuple: {
                let r = try $0.tensor("self").sort(
                    dim: $0.int("dim"), descending: $0.bool("descending"), stable: $0.optionalBool("stable") ?? false)
                return [r.values, r.indices]
            }),
        OpDeclaration(
            "argsort(Tensor self, int dim=-1, bool descending=False) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").argsort(dim: $0.int("dim"), descending: $0.bool("descending")) }),
        OpDeclaration(
            "argsort.stable(Tensor self, *, bool stable, int dim=-1, bool descending=False) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], samples: OpSamples(arguments: ["stable": .bool(true)]),
            forward: {
                try $0.tensor("self").argsort(dim: $0.int("dim"), descending: $0.bool("descending"), stable: $0.bool("stable"))
            }),
        OpDeclaration(
            "msort(Tensor self) -> Tensor", gradFn: "SortBackward0", exposure: [.torch, .method],
            forward: { try $0.tensor("self").sort(dim: 0).values }),
        OpDeclaration(
            "topk(Tensor self, int k, int dim=-1, bool largest=True, bool sorted=True) -> (Tensor values, Tensor indices)",
            gradFn: "TopkBackward0", exposure: [.torch, .method], samples: OpSamples(arguments: ["k": .int(2)]),
            returningTuple: {
                let r = try $0.tensor("self").topk(
                    $0.int("k"), dim: $0.int("dim"), largest: $0.bool("largest"), sorted: $0.bool("sorted"))
                return [r.values, r.indices]
            }),
        OpDeclaration(
            "kthvalue(Tensor self, int k, int dim=-1, bool keepdim=False) -> (Tensor values, Tensor indices)",
            gradFn: "KthvalueBackward0", exposure: [.torch, .method], samples: OpSamples(arguments: ["k": .int(2)]),
            returningTuple: {
                let r = try $0.tensor("self").kthvalue($0.int("k"), dim: $0.int("dim"), keepdim: $0.bool("keepdim"))
                return [r.values, r.indices]
            }),
        OpDeclaration(
            "median(Tensor self) -> Tensor", gradFn: "MedianBackward0", exposure: [.torch, .method],
            forward: { try $0.tensor("self").median() }),
        OpDeclaration(
            "median.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)",
            gradFn: "MedianBackward1", exposure: [.torch, .method],
            returningTuple: {
                let r = try $0.tensor("self").median(dim: $0.int("dim"), keepdim: $0.bool("keepdim"))
                return [r.values, r.indices]
            })
    ]
}

extension Tensor {
    /// `sort(dim, descending, stable)`: the values (SortBackward0) and their int64 indices.
    public func sort(dim: Int = -1, descending: Bool = false, stable: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        let d = try normalizeDim(dim, rank: self.dim)
        return try reorderAlong(d, "sort", .sortBackward0, keep: nil, keepdim: true, Self.sorter(descending, stable))
    }

    /// The indices `sort` would give (`argsort`); not differentiable.
    public func argsort(dim: Int = -1, descending: Bool = false, stable: Bool = false) throws -> Tensor {
        let d = try normalizeDim(dim, rank: self.dim)
        let indices = try reorderAlong(d, "argsort", nil, keep: nil, keepdim: true, Self.sorter(descending, stable)).indices
        reportNonDifferentiable("argsort", inputs: [self], outputs: [indices])
        return indices
    }

    /// A slice's (value, index) pairs in sorted order: `std::stable_sort` keeps equal values in
    /// input order; `std::sort` leaves them where introsort puts them.
    private static func sorter(_ descending: Bool, _ stable: Bool) -> ([Double]) -> [LibstdcxxSort.Element] {
        let less = descending ? LibstdcxxSort.descending : LibstdcxxSort.ascending
        return { values in
            var sorter = LibstdcxxSort(items: values.enumerated().map { ($1, $0) }, less: less)
            if stable {
                sorter.items.sort { less($0.value, $1.value) || (!less($1.value, $0.value) && $0.index < $1.index) }
            } else {
                sorter.sort(0, values.count)
            }
            return sorter.items
        }
    }

    /// The `k` largest (or smallest) values along `dim` (TopkBackward0) and their indices.
    public func topk(_ k: Int, dim: Int = -1, largest: Bool = true, sorted: Bool = true) throws -> (
        values: Tensor, indices: Tensor
    ) {
        let d = try normalizeDim(dim, rank: self.dim)
        let size = shape.isEmpty ? 1 : shape[d]
        guard k >= 0 && k <= size else { throw TorchError.runtime("selected index k out of range") }
        let less = largest ? LibstdcxxSort.descending : LibstdcxxSort.ascending
        return try reorderAlong(d, "topk", .topkBackward0, keep: k, keepdim: true) { values in
            var sorter = LibstdcxxSort(items: values.enumerated().map { ($1, $0) }, less: less)
            guard k > 0 else { return [] }
            if k * 64 <= values.count {
                sorter.partialSort(0, k, values.count)
            } else {
                sorter.nthElement(0, k - 1, values.count)
                if sorted { sorter.sort(0, k - 1) }
            }
            return Array(sorter.items.prefix(k))
        }
    }

    /// The `k`-th smallest value along `dim` (KthvalueBackward0) and its index.
    public func kthvalue(_ k: Int, dim: Int = -1, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        let d = try normalizeDim(dim, rank: self.dim)
        let size = shape.isEmpty ? 1 : shape[d]
        guard k >= 1 && k <= size else {
            throw TorchError.runtime("kthvalue(): selected number k out of range for dimension \(d)")
        }
        return try reorderAlong(d, "kthvalue", .kthvalueBackward0, keep: 1, keepdim: keepdim) { values in
            var items = values.enumerated().map { (value: $1, index: $0) }
            pytorchQuickSelect(&items, k - 1)
            return [items[k - 1]]
        }
    }

    /// The lower median of all values (MedianBackward0); NaN when any value is NaN or there is none.
    public func median() throws -> Tensor {
        let values = doubles()
        let sorted = values.sorted { LibstdcxxSort.ascending($0, $1) }
        let median = sorted.isEmpty ? Double.nan : sorted[(values.count - 1) / 2]
        let out = Tensor.fromValues([median], shape: [], dtype: dtype)
        record("median", .medianBackward0, inputs: [self], outputs: [out], saving: [.input("self", self), .output("result", 0)]) {
            ctx in
            [try Tensor.evenlyDistribute(ctx.grad, input: ctx.saved(0), value: ctx.saved(1))]
        }
        return out
    }

    /// The lower median along `dim` (MedianBackward1) and its index: among equal values the
    /// one PyTorch picks (by value, then index), or the first NaN.
    public func median(dim: Int, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        let d = try normalizeDim(dim, rank: self.dim)
        if !shape.isEmpty && shape[d] == 0 {
            throw TorchError.index("median(): Expected reduction dim \(d) to have non-zero size.")
        }
        return try reorderAlong(d, "median", .medianBackward1, keep: 1, keepdim: keepdim) { values in
            if let nan = values.firstIndex(where: \.isNaN) { return [(values[nan], nan)] }
            let ordered = values.enumerated().sorted {
                $0.element < $1.element || ($0.element == $1.element && $0.offset < $1.offset)
            }
            let median = ordered[(values.count - 1) / 2]
            return [(median.element, median.offset)]
        }
    }

    /// Runs `pick` on each slice along `d` (its values in order) and gathers the (value,
    /// index) pairs it returns into values (grad_fn `backward`, whose gradient goes back to the
    /// picked positions; nil records nothing) and int64 indices. `keep` is how many pairs each
    /// slice gives (the whole slice when nil); `keepdim: false` drops the dim (then `keep` is 1).
    private func reorderAlong(
        _ d: Int, _ op: String, _ backward: NodeKind?, keep: Int?, keepdim: Bool,
        _ pick: ([Double]) -> [LibstdcxxSort.Element]
    ) throws -> (values: Tensor, indices: Tensor) {
        let dims = shape.isEmpty ? [] : [d]
        let slices = Slices(self, dims: dims)
        let count = keep ?? slices.length
        var keptShape = shape
        if !shape.isEmpty { keptShape[d] = count }
        let outStrides = contiguousStrides(keptShape)
        let step = shape.isEmpty ? 0 : outStrides[d]
        let outer = Slices(Tensor.zeros(keptShape, dtype: .bool), dims: dims).starts
        var values = [Double](repeating: 0, count: outer.count * count)
        var indices = [Double](repeating: 0, count: outer.count * count)
        for i in 0..<slices.count {
            for (j, item) in pick(slices.slice(i)).enumerated() {
                values[outer[i] + j * step] = item.value
                indices[outer[i] + j * step] = Double(item.index)
            }
        }
        let outShape = keepdim || shape.isEmpty ? keptShape : reducedShape([d], keepdim: false)
        let valuesOut = Tensor.fromValues(values, shape: outShape, dtype: dtype)
        let indicesOut = Tensor.fromValues(indices, shape: outShape, dtype: .int64)
        guard let backward else { return (valuesOut, indicesOut) }
        let old = shape
        record(op, backward, inputs: [self], outputs: [valuesOut, indicesOut], saving: [.output("indices", 1)]) { ctx in
            if old.isEmpty { return [ctx.grad] }
            let index = try ctx.saved(0).reshape(keptShape)
            return [try ctx.grad.reshape(keptShape).scatterIntoZeros(old, dim: d, index: index, accumulate: false)]
        }
        return (valuesOut, indicesOut)
    }
}

extension NodeKind {
    static let kthvalueBackward0 = NodeKind("KthvalueBackward0")
    static let medianBackward0 = NodeKind("MedianBackward0")
    static let medianBackward1 = NodeKind("MedianBackward1")
    static let sortBackward0 = NodeKind("SortBackward0")
    static let topkBackward0 = NodeKind("TopkBackward0")
}
