/// Every forward op of a graph, stored as a row of small integers per op and a few columns,
/// with the input and output ids of all ops in one flat column, read as `OpRecord` values built
/// on access. Indexed by `OpRecord.id`.
public struct OpTable: RandomAccessCollection, Sendable {
    /// The fixed-width fields per op, in one array so that recording an op is one append
    /// rather than one per field.
    private var rows: [OpRow] = []
    /// The innermost grad-mode region per row, as runs: most rows share the one they follow.
    private(set) var regions = RunColumn()
    /// gradEnabled (bit 0), isInPlace (bit 1); a column of its own, as in a row it would pad
    /// each row by three bytes.
    private var flags: [UInt8] = []
    /// Op `i`'s inputs are `tensorIDs[start(i)..<rows[i].inputEnd]`, its outputs
    /// `tensorIDs[rows[i].inputEnd..<rows[i].end]`; ids past the last op's end are those
    /// `addPendingTensor` gave the op recorded next.
    private var tensorIDs: [Int32] = []
    private var passes = SparseIDColumn()
    private var innerLines = SparseIDColumn()
    private var namePool = InternTable<String>(first: "")
    /// Per op: its call lines' id in `callLinePool`; empty until an op ran inside a script function.
    private var callLineIDs: [UInt32] = []
    private var callLinePool = InternTable<[Int]>(first: [])

    /// An empty table.
    public init() {}

    /// A table of `records`, whose ids are their positions.
    init(_ records: [OpRecord]) {
        for r in records { append(r) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { flags.count }

    /// The record of op `id`.
    public internal(set) subscript(id: Int) -> OpRecord {
        get {
            OpRecord(
                id: id, name: namePool[rows[id].name], inputs: inputs(of: id), outputs: outputs(of: id),
                line: Int(rows[id].line), region: unpackID(regions[id]), gradEnabled: flags[id] & 1 != 0,
                gradFn: unpackID(rows[id].gradFn),
                isInPlace: flags[id] & 2 != 0, pass: passes[id], innerLine: innerLines[id],
                callLines: callLines(of: id))
        }
        set {
            rows[id].name = namePool.id(of: newValue.name)
            rows[id].line = Int32(truncatingIfNeeded: newValue.line)
            regions[id] = packID(newValue.region)
            rows[id].gradFn = packID(newValue.gradFn)
            flags[id] = (newValue.gradEnabled ? 1 : 0) | (newValue.isInPlace ? 2 : 0)
            passes[id] = newValue.pass
            innerLines[id] = newValue.innerLine
            setCallLines(newValue.callLines, of: id)
            replaceTensorIDs(of: id, inputs: newValue.inputs, outputs: newValue.outputs)
        }
    }

    /// Appends `record` (its id must be `count`).
    mutating func append(_ record: OpRecord) {
        append(
            name: record.name, inputs: record.inputs, outputs: record.outputs, line: record.line, region: record.region,
            gradEnabled: record.gradEnabled, gradFn: record.gradFn, isInPlace: record.isInPlace, pass: record.pass,
            innerLine: record.innerLine, callLines: record.callLines)
    }

    /// Appends an op with the given fields (see `OpRecord`), with no record or id arrays built.
    mutating func append(
        name: String, inputs: some Sequence<Int>, outputs: some Sequence<Int>, line: Int, region: Int?,
        gradEnabled: Bool, gradFn: Int?, isInPlace: Bool, pass: Int?, innerLine: Int?, callLines: [Int]
    ) {
        let pendingStart = tensorIDs.count
        for t in inputs { addPendingTensor(t) }
        let inputCount = tensorIDs.count - pendingStart
        for t in outputs { addPendingTensor(t) }
        appendPending(
            name: name, inputCount: inputCount, line: line, region: region, gradEnabled: gradEnabled, gradFn: gradFn,
            isInPlace: isInPlace, pass: pass, innerLine: innerLine, callLines: callLines)
    }

    /// Adds tensor `t` to the op appended next by `appendPending` (its inputs first, then its
    /// outputs): the recorder's path, which lists an op's tensors as it sees them.
    mutating func addPendingTensor(_ t: Int) { tensorIDs.append(Int32(truncatingIfNeeded: t)) }

    /// Appends an op with the given fields (see `OpRecord`) whose tensors are those added by
    /// `addPendingTensor` since the last op was appended, the first `inputCount` its inputs.
    mutating func appendPending(
        name: String, inputCount: Int, line: Int, region: Int?, gradEnabled: Bool, gradFn: Int?, isInPlace: Bool,
        pass: Int?, innerLine: Int?, callLines: [Int]
    ) {
        let id = flags.count
        rows.append(
            OpRow(
                name: namePool.id(of: name), line: Int32(truncatingIfNeeded: line), gradFn: packID(gradFn),
                inputEnd: start(id) + UInt32(inputCount), end: UInt32(tensorIDs.count)))
        regions.append(packID(region))
        flags.append((gradEnabled ? 1 : 0) | (isInPlace ? 2 : 0))
        passes.fill(id, with: pass)
        innerLines.fill(id, with: innerLine)
        // Checked here, as the op is recorded: an op in the script's top-level code stores none.
        if !callLines.isEmpty || id < callLineIDs.count { setCallLines(callLines, of: id) }
    }

    /// Where op `id`'s tensor ids begin in `tensorIDs`.
    @inline(__always) private func start(_ id: Int) -> UInt32 { id == 0 ? 0 : rows[id - 1].end }

    /// The input tensor ids of op `id`.
    func inputs(of id: Int) -> [Int] { storedInputs(of: id).map(Int.init) }

    /// The output tensor ids of op `id`.
    func outputs(of id: Int) -> [Int] { storedOutputs(of: id).map(Int.init) }

    /// The input tensor ids of op `id` as stored, with no array built.
    @inline(__always) public func storedInputs(of id: Int) -> ArraySlice<Int32> {
        tensorIDs[Int(start(id))..<Int(rows[id].inputEnd)]
    }

    /// The output tensor ids of op `id` as stored, with no array built.
    @inline(__always) public func storedOutputs(of id: Int) -> ArraySlice<Int32> {
        tensorIDs[Int(rows[id].inputEnd)..<Int(rows[id].end)]
    }

    /// The first input of op `id`, if it has one.
    func firstInput(of id: Int) -> Int? {
        let first = start(id)
        return first < rows[id].inputEnd ? Int(tensorIDs[Int(first)]) : nil
    }

    /// The name of op `id` (`OpRecord.name`).
    @inline(__always) public func name(of id: Int) -> String { namePool[rows[id].name] }

    /// The call lines of op `id` (`OpRecord.callLines`).
    @inline(__always) public func callLines(of id: Int) -> [Int] { id < callLineIDs.count ? callLinePool[callLineIDs[id]] : [] }

    /// Stores op `id`'s call lines; a graph whose ops all ran in the script's top-level code keeps no column.
    private mutating func setCallLines(_ lines: [Int], of id: Int) {
        guard !lines.isEmpty || id < callLineIDs.count else { return }
        if callLineIDs.count <= id { callLineIDs += repeatElement(0, count: id + 1 - callLineIDs.count) }
        callLineIDs[id] = callLinePool.id(of: lines)
    }

    /// Whether op `id` wrote into its input (`OpRecord.isInPlace`).
    @inline(__always) public func isInPlace(_ id: Int) -> Bool { flags[id] & 2 != 0 }

    /// Whether op `id` ran with grad mode on.
    @inline(__always) public func gradEnabled(_ id: Int) -> Bool { flags[id] & 1 != 0 }

    /// The grad_fn node of op `id` (`OpRecord.gradFn`).
    @inline(__always) public func gradFn(of id: Int) -> Int? { unpackID(rows[id].gradFn) }

    /// The script line of op `id` (`OpRecord.line`).
    @inline(__always) public func line(of id: Int) -> Int { Int(rows[id].line) }

    /// The innermost grad-mode region of op `id` (`OpRecord.region`).
    public func region(of id: Int) -> Int? { unpackID(regions[id]) }

    /// The backward pass that ran op `id`, if one did (`OpRecord.pass`).
    @inline(__always) public func pass(of id: Int) -> Int? { passes[id] }

    @inline(__always) func innerLine(of id: Int) -> Int? { innerLines[id] }

    /// The id of op `id`'s name among the distinct names (equal names, equal ids), for writers
    /// that look each name up once rather than once per op.
    @inline(__always) func nameID(of id: Int) -> Int { Int(rows[id].name) }

    mutating func setGradFn(_ node: Int?, of id: Int) { rows[id].gradFn = packID(node) }

    /// Makes op `id` the in-place op `name` writing into `tensor` (an out-of-place op folded
    /// into the version bump that followed it).
    mutating func makeInPlace(_ id: Int, name: String, output tensor: Int) {
        rows[id].name = namePool.id(of: name)
        flags[id] |= 2
        replaceTensorIDs(of: id, inputs: inputs(of: id), outputs: [tensor])
    }

    /// Rewrites op `id`'s span of the flat column; cheap for the last op, which is the one the
    /// recorder changes.
    private mutating func replaceTensorIDs(of id: Int, inputs: [Int], outputs: [Int]) {
        let first = start(id)
        let old = Int(first)..<Int(rows[id].end)
        let new = (inputs + outputs).map { Int32(truncatingIfNeeded: $0) }
        tensorIDs.replaceSubrange(old, with: new)
        rows[id].inputEnd = first + UInt32(inputs.count)
        let shift = Int64(new.count) - Int64(old.count)
        guard shift != 0 else { return }
        rows[id].end = UInt32(truncatingIfNeeded: Int64(rows[id].end) + shift)
        for later in (id + 1)..<rows.count {
            rows[later].inputEnd = UInt32(truncatingIfNeeded: Int64(rows[later].inputEnd) + shift)
            rows[later].end = UInt32(truncatingIfNeeded: Int64(rows[later].end) + shift)
        }
    }
}

/// The fixed-width fields of one op record (see `OpRecord`), packed.
private struct OpRow {
    var name: UInt32
    var line: Int32
    var gradFn: Int32
    /// Where its inputs end (and its outputs begin) in `OpTable`'s flat column of tensor ids.
    var inputEnd: UInt32
    /// Where its outputs end there.
    var end: UInt32
}
