import Autograd

/// The gradients a backward pass sent along next edges, stored as rows of ids with each
/// summary kept once (a gradient equal to the one before it shares its row) and a small
/// gradient's values in one flat column. Read as `EdgeGradient` values built on access.
public struct EdgeGradientList: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    private var rows: [EdgeRow] = []
    private var summaries = GradSummaryStore()

    /// An empty list.
    public init() {}

    /// A list holding `gradients` in order.
    public init(_ gradients: some Sequence<EdgeGradient>) {
        for g in gradients { append(g) }
    }

    public init(arrayLiteral gradients: EdgeGradient...) { self.init(gradients) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { rows.count }

    public subscript(position: Int) -> EdgeGradient {
        let r = rows[position]
        return EdgeGradient(
            from: Int(r.from), index: Int(r.index), to: Int(r.to), inputNr: Int(r.inputNr),
            summary: r.summary < 0 ? .none : .stored(summaries, Int(r.summary)))
    }

    /// How many values the list's value column holds (repeated summaries are stored once).
    var storedValueCount: Int { summaries.valueCount }

    /// Whether gradient `position` carried a value (its `grad` is not nil), read without building it.
    @inline(__always) func carriesGradient(_ position: Int) -> Bool { rows[position].summary >= 0 }

    /// The node that sent gradient `position` (its `from`).
    @inline(__always) func sender(_ position: Int) -> Int { Int(rows[position].from) }

    /// The node gradient `position` flowed into (its `to`).
    @inline(__always) func receiver(_ position: Int) -> Int { Int(rows[position].to) }

    /// Gradient `position`'s ids and the index of its summary (-1: no gradient), read in place.
    @inline(__always) func ids(_ position: Int) -> EdgeIDs {
        let r = rows[position]
        return EdgeIDs(from: Int(r.from), index: Int(r.index), to: Int(r.to), inputNr: Int(r.inputNr), summary: Int(r.summary))
    }

    /// Hands `body` the shape and values of summary `summary` (of `ids(_:)`) when it is the one
    /// they give, read in place; nil when the summary is kept in full (see `fullSummary`).
    func withValues<R>(ofSummary summary: Int, _ body: ([Int], UnsafeBufferPointer<Double>) -> R) -> R? {
        summaries.withValues(summary, body)
    }

    /// Summary `summary` (of `ids(_:)`) as a whole.
    func fullSummary(_ summary: Int) -> GradSummary { summaries[summary] }

    /// Appends `gradient`.
    mutating func append(_ gradient: EdgeGradient) {
        append(from: gradient.from, index: gradient.index, to: gradient.to, inputNr: gradient.inputNr, grad: gradient.grad)
    }

    /// Appends the gradient `grad` that node `from` sent along its next edge `index` into input `inputNr` of node `to`.
    mutating func append(from: Int, index: Int, to: Int, inputNr: Int, grad: GradSummary?) {
        let summary = grad.map { summaries.append($0) } ?? -1
        rows.append(EdgeRow(from: from, index: index, to: to, inputNr: inputNr, summary: summary))
    }

    /// Appends the summary of `gradient`, a tensor of at most `GradSummary.valueLimit` elements,
    /// as `append(from:index:to:inputNr:grad:)` with `GradSummary(gradient)` would: its values read
    /// straight into the value column, with no summary built.
    mutating func append(from: Int, index: Int, to: Int, inputNr: Int, smallGradient gradient: Tensor) {
        let summary = summaries.append(smallGradient: gradient)
        rows.append(EdgeRow(from: from, index: index, to: to, inputNr: inputNr, summary: summary))
    }
}

/// An edge gradient's ids as `EdgeGradientList.ids(_:)` reads them.
struct EdgeIDs {
    let from: Int
    let index: Int
    let to: Int
    let inputNr: Int
    /// The summary's index in the list, -1 when no gradient was sent.
    let summary: Int
}

/// One edge gradient's ids.
private struct EdgeRow {
    let from: Int32
    let index: Int32
    let to: Int32
    let inputNr: Int32
    let summary: Int32

    init(from: Int, index: Int, to: Int, inputNr: Int, summary: Int) {
        self.from = Int32(truncatingIfNeeded: from)
        self.index = Int32(truncatingIfNeeded: index)
        self.to = Int32(truncatingIfNeeded: to)
        self.inputNr = Int32(truncatingIfNeeded: inputNr)
        self.summary = Int32(truncatingIfNeeded: summary)
    }
}

/// Gradient summaries in columns. A summary that follows from its values (every small
/// gradient the recorder sees) is kept as its shape and values alone; others keep every field.
struct GradSummaryStore: Sendable {
    private var entries: [SummaryEntry] = []
    private var values: [Double] = []
    private var full: [GradSummary] = []
    private var shapePool = InternTable<[Int]>(first: [])
    /// The last full summary appended, which a repeated one shares while it is the last entry.
    private var lastFull: GradSummary?

    /// How many values the value column holds.
    var valueCount: Int { values.count }

    /// The summary at `index`.
    subscript(index: Int) -> GradSummary {
        let e = entries[index]
        if e.count < 0 { return full[Int(e.start)] }
        let v = Array(values[Int(e.start)..<Int(e.start) + Int(e.count)])
        return GradSummary(values: v, shape: shapePool[e.shape])
    }

    /// Hands `body` the shape and values of the summary at `index` when it is the one they
    /// give, read in place; nil when the summary is kept in full.
    func withValues<R>(_ index: Int, _ body: ([Int], UnsafeBufferPointer<Double>) -> R) -> R? {
        let e = entries[index]
        guard e.count >= 0 else { return nil }
        return values.withUnsafeBufferPointer { v in
            body(shapePool[e.shape], UnsafeBufferPointer(rebasing: v[Int(e.start)..<Int(e.start) + Int(e.count)]))
        }
    }

    /// Stores `summary`, or reuses the last entry when it holds the same summary (every field
    /// the same bits); returns its index.
    mutating func append(_ summary: GradSummary) -> Int {
        let shape = shapePool.id(of: summary.shape)
        if summary.followsFromValues, let v = summary.values {
            values += v
            return appendValuesEntry(shape: shape, count: v.count)
        }
        // A full summary never equals one that follows from its values (`values` nil or differing).
        if entries.last?.count == -1, let last = lastFull, last.isBitwiseEqual(to: summary) { return entries.count - 1 }
        lastFull = summary
        entries.append(SummaryEntry(shape: shape, start: UInt32(full.count), count: -1))
        full.append(summary)
        return entries.count - 1
    }

    /// Stores the summary of `tensor`, of at most `GradSummary.valueLimit` elements (one that
    /// follows from its values), as `append(GradSummary(tensor))` would; returns its index.
    mutating func append(smallGradient tensor: Tensor) -> Int {
        let shape = shapePool.id(of: tensor.shape)
        guard let floats = FloatElements(tensor) else {
            let start = values.count
            values += tensor.doubles()
            return appendValuesEntry(shape: shape, count: values.count - start)
        }
        // Compared with the last entry where both are, before any value is copied (a chain's
        // every other gradient repeats the one before): nothing appended to take back.
        if let last = entries.last, last.count == Int32(floats.count), last.shape == shape,
            values.withUnsafeBufferPointer({ floats.haveBits(of: $0, from: Int(last.start)) })
        {
            return entries.count - 1
        }
        let start = values.count
        floats.append(to: &values)
        entries.append(SummaryEntry(shape: shape, start: UInt32(start), count: Int32(floats.count)))
        return entries.count - 1
    }

    /// Adds an entry for the last `count` values of the value column, or, when the last entry
    /// holds the same shape and values (bit for bit, so its summary is the same), drops them
    /// and reuses it; returns the entry's index.
    private mutating func appendValuesEntry(shape: UInt32, count: Int) -> Int {
        let start = values.count - count
        if let last = entries.last, last.count == Int32(count), last.shape == shape,
            values.withUnsafeBufferPointer({ v in
                (0..<count).allSatisfy { v[Int(last.start) + $0].bitPattern == v[start + $0].bitPattern }
            })
        {
            values.removeLast(count)
            return entries.count - 1
        }
        entries.append(SummaryEntry(shape: shape, start: UInt32(start), count: Int32(count)))
        return entries.count - 1
    }
}

/// The elements of a contiguous float32 or float64 tensor where its storage holds them, each
/// read as a Double (`Tensor.doubles()` converts through a new storage, which cost more than
/// the rest of recording a gradient; callgrind, W1 chain dump).
struct FloatElements {
    private let float32: UnsafePointer<Float>?
    private let float64: UnsafePointer<Double>?
    let count: Int

    /// Nil for a tensor of another dtype or layout.
    init?(_ tensor: Tensor) {
        let count = tensor.numel
        // One element is where the offset says, whatever the strides (no layout walked).
        guard count == 1 || tensor.isContiguous else { return nil }
        let start = tensor.storage.data + tensor.offset * tensor.dtype.itemSize
        switch tensor.dtype {
        case .float32:
            float32 = UnsafePointer(start.assumingMemoryBound(to: Float.self))
            float64 = nil
        case .float64:
            float32 = nil
            float64 = UnsafePointer(start.assumingMemoryBound(to: Double.self))
        default: return nil
        }
        self.count = count
    }

    /// Whether `column[first..<first + count]` holds the same bits.
    func haveBits(of column: UnsafeBufferPointer<Double>, from first: Int) -> Bool {
        if let p = float32 {
            for i in 0..<count where Double(p[i]).bitPattern != column[first + i].bitPattern { return false }
        } else if let p = float64 {
            for i in 0..<count where p[i].bitPattern != column[first + i].bitPattern { return false }
        }
        return true
    }

    /// Appends the elements to `column` in order.
    func append(to column: inout [Double]) {
        if let p = float32 {
            for i in 0..<count { column.append(Double(p[i])) }
        } else if let p = float64 {
            column.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
        }
    }
}

/// Where a summary's fields are: `count` values from `start` in the value column, or the
/// full summary at `start` when `count` is -1.
private struct SummaryEntry {
    let shape: UInt32
    let start: UInt32
    let count: Int32
}

extension GradSummary {
    /// Whether every field holds the same bits (so that -0.0 and 0.0 differ, and NaN equals itself).
    func isBitwiseEqual(to other: GradSummary) -> Bool {
        func same(_ a: Double?, _ b: Double?) -> Bool { a?.bitPattern == b?.bitPattern }
        guard shape == other.shape, nanCount == other.nanCount, infCount == other.infCount, same(norm, other.norm),
            same(min, other.min), same(max, other.max), values?.count == other.values?.count
        else { return false }
        guard let v = values, let w = other.values else { return true }
        return zip(v, w).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}
