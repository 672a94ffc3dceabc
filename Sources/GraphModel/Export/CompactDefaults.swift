import Autograd

// The defaults of the compact schema `gradscope.graph/3` (docs/graph-json.md): what a field
// holds when the dump leaves it out. The writer leaves a field out exactly when its value equals
// the default computed here, and the reader fills it in from the same computation, so a
// dump always reads back to the graph it was written from.

/// The string table of a `/3` dump: each distinct string once, in first-use order.
struct StringTable {
    private var index: [String: Int] = [:]
    /// The strings by index.
    private(set) var strings: [String] = []

    /// The index of `s`, adding it at the end on its first use.
    mutating func intern(_ s: String) -> Int {
        if let i = index[s] { return i }
        index[s] = strings.count
        strings.append(s)
        return strings.count - 1
    }

    /// The index of a string the graph keeps once under id `pooled` (an op's or node's name),
    /// if `intern(_:pooled:_:)` has been given it: `known` maps the graph's ids to indices.
    static func index(pooled: Int, in known: [Int32]) -> Int? {
        pooled < known.count && known[pooled] >= 0 ? Int(known[pooled]) : nil
    }

    /// `intern(s)`, remembered in `known` under the graph's id `pooled` for `index(pooled:in:)`.
    mutating func intern(_ s: String, pooled: Int, _ known: inout [Int32]) -> Int {
        if pooled >= known.count { known += repeatElement(-1, count: pooled + 1 - known.count) }
        let i = intern(s)
        known[pooled] = Int32(i)
        return i
    }

    /// The index of the string the graph keeps under id `pooled`: looked up in `known`, else
    /// interned (`s` is read only then).
    mutating func index(pooled: Int, _ s: @autoclosure () -> String, _ known: inout [Int32]) -> Int {
        Self.index(pooled: pooled, in: known) ?? intern(s(), pooled: pooled, &known)
    }
}

/// What a `/3` writer has interned, by the graph's own ids: each distinct name, name list and
/// dtype is looked up in the string table once, not once per record. (Looked up without
/// closures: a closure reading the graph would copy the whole `Graph` value at every call.)
struct InternedIDs {
    var opNames: [Int32] = []
    /// Node names and saved-buffer names (one pool in the node table).
    var nodeNames: [Int32] = []
    var dtypes: [Int32] = []
    /// Per tensor name list id: the names' indices, as the member `names`.
    var names = EncodedIntLists(key: "names")
    /// Per tensor shape id: the shape, as the member `shape`.
    var shapes = EncodedIntLists(key: "shape")
}

/// The values a tensor's `line`, `region`, `grad_fn` and `pass` default to: its producer op's.
struct TensorDefaults: Equatable {
    let line: Int?
    let region: Int?
    let gradFn: Int?
    let pass: Int?

    /// The defaults of a tensor made by `ops[producer]` (all nil without a producer). Reads the
    /// four fields in place rather than copying the record (and retaining its arrays).
    init(producer: Int?, in ops: [OpRecord]) {
        guard let p = producer else {
            (line, region, gradFn, pass) = (nil, nil, nil, nil)
            return
        }
        line = ops[p].line
        region = ops[p].region
        gradFn = ops[p].gradFn
        pass = ops[p].pass
    }

    /// The same defaults read from a graph's op table, column by column, the region through
    /// `regions`, a cursor over the table's region column.
    @inline(__always) init(producer: Int?, in ops: OpTable, regions: inout RunCursor) {
        guard let p = producer else {
            (line, region, gradFn, pass) = (nil, nil, nil, nil)
            return
        }
        line = ops.line(of: p)
        region = regions.id(at: p)
        gradFn = ops.gradFn(of: p)
        pass = ops.pass(of: p)
    }
}

extension Graph {
    /// For each node id, the first op whose `grad_fn` it is: the default of the node's `op`.
    static func opsOfNodes(_ ops: [OpRecord], nodeCount: Int) -> [Int?] {
        var result = [Int?](repeating: nil, count: nodeCount)
        for o in ops {
            if let g = o.gradFn, result.indices.contains(g), result[g] == nil { result[g] = o.id }
        }
        return result
    }

    /// `opsOfNodes` over a graph's op table.
    static func opsOfNodes(_ ops: OpTable, nodeCount: Int) -> [Int?] {
        var result = [Int?](repeating: nil, count: nodeCount)
        for o in ops.indices {
            if let g = ops.gradFn(of: o), result.indices.contains(g), result[g] == nil { result[g] = o }
        }
        return result
    }
}

extension SavedBuffer {
    /// What `bytes` defaults to: the element data of `shape` in `dtype`.
    static func defaultBytes(shape: [Int], dtype: DType) -> Int { shape.reduce(1, *) * dtype.itemSize }
}

extension GradSummary {
    /// Whether the summary is the one its `values` give, so that `/3` writes only `shape` and
    /// `values` (NaN never compares equal, so a summary holding one is written in full).
    var followsFromValues: Bool {
        guard let values else { return false }
        return GradSummary(values: values, shape: shape) == self
    }
}
