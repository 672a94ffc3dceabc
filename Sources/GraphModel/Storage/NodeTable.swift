import Autograd

/// Every autograd node of a graph, stored as a row of small integers per node and a few
/// columns, with the next edges and saved buffers of all nodes in flat columns, read as `NodeRecord` values built on access. Indexed by `NodeRecord.id`.
public struct NodeTable: RandomAccessCollection, Sendable {
    /// The fixed-width fields per node, in one array so that recording a node is one append
    /// rather than one per field.
    private var rows: [NodeRow] = []
    private var variables = SparseIDColumn()
    private var passes = SparseIDColumn()
    /// Node `i`'s next edges are `edges[edgeStart(i)..<rows[i].edgeEnd]`.
    private var edges: [PackedEdge] = []
    /// Node `i`'s saved buffers are `buffers[bufferStart(i)..<rows[i].bufferEnd]`.
    private var buffers: [PackedBuffer] = []
    /// Invalidations by index into `buffers`.
    private var invalidations: [Int32: Invalidation] = [:]
    private var namePool = InternTable<String>(first: "")
    private var shapePool = InternTable<[Int]>(first: [])

    /// An empty table.
    public init() {}

    /// A table of `records`, whose ids are their positions.
    init(_ records: [NodeRecord]) {
        for r in records { append(r) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { rows.count }

    /// The record of node `id`.
    public subscript(id: Int) -> NodeRecord {
        var n = NodeRecord(
            id: id, name: namePool[rows[id].name], line: Int(rows[id].line), next: next(of: id), saved: saved(of: id),
            variable: variables[id], pass: passes[id])
        n.op = unpackID(rows[id].op)
        return n
    }

    /// Appends `record` (its id must be `count`).
    mutating func append(_ record: NodeRecord) {
        append(
            nameID: internName(record.name), line: record.line, next: record.next, saved: record.saved, variable: record.variable,
            pass: record.pass)
        rows[rows.count - 1].op = packID(record.op)
    }

    /// The id of `name` in the table's pool of names, added if it is new (`append`'s `nameID`).
    mutating func internName(_ name: String) -> UInt32 { namePool.id(of: name) }

    /// Appends a node with no op yet, named by `nameID` (of `internName`), its next edges read
    /// from `next`.
    mutating func append(
        nameID: UInt32, line: Int, next: some Sequence<NodeEdge?>, saved: some Sequence<SavedBuffer>, variable: Int?,
        pass: Int?
    ) {
        for e in next { addPendingEdge(e) }
        appendPending(nameID: nameID, line: line, variable: variable, pass: pass)
        for b in saved { appendSaved(b) }
    }

    /// Adds next edge `edge` to the node appended next by `appendPending` (the recorder's path,
    /// which maps a node's edges as it checks that their nodes are recorded).
    @inline(__always) mutating func addPendingEdge(_ edge: NodeEdge?) { edges.append(PackedEdge(edge)) }

    /// Drops the edges `addPendingEdge` added since the last node was appended.
    mutating func dropPendingEdges() {
        edges.removeSubrange(Int(rows.last?.edgeEnd ?? 0)...)
    }

    /// Appends a node with no op yet, named by `nameID` (of `internName`), whose next edges are
    /// those `addPendingEdge` added since the last node was appended; no saved buffers yet.
    mutating func appendPending(nameID: UInt32, line: Int, variable: Int?, pass: Int?) {
        let id = rows.count
        variables.fill(id, with: variable)
        passes.fill(id, with: pass)
        rows.append(
            NodeRow(
                name: nameID, line: Int32(truncatingIfNeeded: line), op: -1,
                edgeEnd: UInt32(edges.count), bufferEnd: UInt32(buffers.count)))
    }

    /// Adds `buffer` to the saved buffers of the node appended last.
    mutating func appendSaved(_ buffer: SavedBuffer) {
        if let i = buffer.invalidation { invalidations[Int32(buffers.count)] = i }
        // `[]` (a saved Python number) is the pool's first value, id 0.
        let shape = buffer.shape.isEmpty ? 0 : shapePool.id(of: buffer.shape)
        buffers.append(PackedBuffer(buffer, name: namePool.id(of: buffer.name), shape: shape))
        rows[rows.count - 1].bufferEnd = UInt32(buffers.count)
    }

    /// Replaces saved buffer `index` of the node appended last with `buffer`.
    mutating func replaceLastSaved(_ index: Int, with buffer: SavedBuffer) {
        let i = Int(bufferStart(rows.count - 1)) + index
        invalidations[Int32(i)] = buffer.invalidation
        buffers[i] = PackedBuffer(buffer, name: namePool.id(of: buffer.name), shape: shapePool.id(of: buffer.shape))
    }

    /// Node `id`'s class name (see `NodeRecord.name`).
    @inline(__always) func name(of id: Int) -> String { namePool[rows[id].name] }

    /// Node `id`'s next edges (see `NodeRecord.next`).
    func next(of id: Int) -> [NodeEdge?] { edges[Int(edgeStart(id))..<Int(rows[id].edgeEnd)].map(\.edge) }

    /// How many next edges node `id` has.
    @inline(__always) func nextCount(of id: Int) -> Int { Int(rows[id].edgeEnd - edgeStart(id)) }

    /// Node `id`'s next edge `k`, with no array of them built.
    @inline(__always) func nextEdge(_ k: Int, of id: Int) -> NodeEdge? { edges[Int(edgeStart(id)) + k].edge }

    /// Node `id`'s saved buffers (see `NodeRecord.saved`).
    func saved(of id: Int) -> [SavedBuffer] {
        let range = Int(bufferStart(id))..<Int(rows[id].bufferEnd)
        return range.map { i in
            let p = buffers[i]
            var b = SavedBuffer(
                name: namePool[p.name], shape: shapePool[p.shape], dtype: DType(rawValue: Int(p.dtype)) ?? .float32,
                bytes: Int(p.bytes), savedVersion: Int(p.savedVersion), isOutput: p.isOutput)
            b.freedByPass = unpackID(p.freedByPass)
            b.invalidation = invalidations[Int32(i)]
            b.isPacked = p.isPacked
            return b
        }
    }

    /// Saved buffer `k` of node `id` as stored, its name and shape by id, with no strings or
    /// arrays built.
    @inline(__always) func storedBuffer(_ k: Int, of id: Int) -> StoredSavedBuffer {
        let i = Int(bufferStart(id)) + k
        let p = buffers[i]
        return StoredSavedBuffer(
            nameID: Int(p.name), shapeID: Int(p.shape), dtype: DType(rawValue: Int(p.dtype)) ?? .float32,
            bytes: Int(p.bytes), savedVersion: Int(p.savedVersion), isOutput: p.isOutput,
            freedByPass: unpackID(p.freedByPass), invalidation: invalidations.isEmpty ? nil : invalidations[Int32(i)],
            isPacked: p.isPacked)
    }

    /// A name of the table's pool by id (`StoredSavedBuffer.nameID`).
    @inline(__always) func pooledName(_ nameID: Int) -> String { namePool[UInt32(nameID)] }

    /// A shape of the table's pool by id (`StoredSavedBuffer.shapeID`).
    @inline(__always) func pooledShape(_ shapeID: Int) -> [Int] { shapePool[UInt32(shapeID)] }

    /// How many saved buffers node `id` has.
    @inline(__always) func savedCount(of id: Int) -> Int { Int(rows[id].bufferEnd - bufferStart(id)) }

    /// The id of node `id`'s name among the distinct names (equal names, equal ids).
    @inline(__always) func nameID(of id: Int) -> Int { Int(rows[id].name) }

    @inline(__always) func line(of id: Int) -> Int { Int(rows[id].line) }

    @inline(__always) func op(of id: Int) -> Int? { unpackID(rows[id].op) }

    @inline(__always) func variable(of id: Int) -> Int? { variables[id] }

    @inline(__always) func pass(of id: Int) -> Int? { passes[id] }

    mutating func setOp(_ op: Int?, of id: Int) { rows[id].op = packID(op) }

    /// Where node `id`'s next edges begin in `edges`.
    @inline(__always) private func edgeStart(_ id: Int) -> UInt32 { id == 0 ? 0 : rows[id - 1].edgeEnd }

    /// Where node `id`'s saved buffers begin in `buffers`.
    @inline(__always) private func bufferStart(_ id: Int) -> UInt32 { id == 0 ? 0 : rows[id - 1].bufferEnd }

    /// Marks every buffer of node `id` not freed yet as freed by `pass`.
    mutating func free(buffersOf id: Int, by pass: Int) {
        for i in Int(bufferStart(id))..<Int(rows[id].bufferEnd) where buffers[i].freedByPass < 0 {
            buffers[i].freedByPass = packID(pass)
        }
    }

    /// Records an in-place change to buffer `index` of node `id`, unless one was recorded.
    mutating func invalidate(buffer index: Int, of id: Int, with invalidation: Invalidation) {
        let key = Int32(Int(bufferStart(id)) + index)
        if invalidations[key] == nil { invalidations[key] = invalidation }
    }
}

/// A saved buffer as `NodeTable.storedBuffer(_:of:)` reads it: `SavedBuffer`'s fields with
/// the name and shape as ids in the table's pools (equal names, equal ids).
struct StoredSavedBuffer {
    let nameID: Int
    let shapeID: Int
    let dtype: DType
    let bytes: Int
    let savedVersion: Int
    let isOutput: Bool
    let freedByPass: Int?
    let invalidation: Invalidation?
    let isPacked: Bool
}

/// The fixed-width fields of one node record (see `NodeRecord`), packed.
private struct NodeRow {
    var name: UInt32
    var line: Int32
    var op: Int32
    /// Where its next edges end in `NodeTable`'s flat column of edges.
    let edgeEnd: UInt32
    /// Where its saved buffers end in the flat column of buffers.
    var bufferEnd: UInt32
}

/// A next edge in 8 bytes; node -1 for None.
private struct PackedEdge {
    let node: Int32
    let inputNr: Int32

    init(_ edge: NodeEdge?) {
        node = edge.map { packID($0.node) } ?? -1
        inputNr = Int32(truncatingIfNeeded: edge?.inputNr ?? 0)
    }

    var edge: NodeEdge? { node < 0 ? nil : NodeEdge(node: Int(node), inputNr: Int(inputNr)) }
}

/// A saved buffer with its name and shape interned.
private struct PackedBuffer {
    let name: UInt32
    let shape: UInt32
    let bytes: Int64
    let savedVersion: Int32
    var freedByPass: Int32
    let dtype: UInt8
    let isOutput: Bool
    let isPacked: Bool

    init(_ b: SavedBuffer, name: UInt32, shape: UInt32) {
        self.name = name
        self.shape = shape
        bytes = Int64(b.bytes)
        savedVersion = Int32(truncatingIfNeeded: b.savedVersion)
        freedByPass = packID(b.freedByPass)
        dtype = UInt8(b.dtype.rawValue)
        isOutput = b.isOutput
        isPacked = b.isPacked
    }
}
