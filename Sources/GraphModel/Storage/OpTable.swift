/// Every forward op of a graph, stored as columns with the input and output ids of all ops in
/// one flat column, read as `OpRecord` values built on access. Indexed by `OpRecord.id`.
public struct OpTable: RandomAccessCollection, Sendable {
    private var nameIDs: [UInt32] = []
    private var lines: [Int32] = []
    /// The innermost grad-mode region per row, as runs: most rows share the one they follow.
    private(set) var regions = RunColumn()
    private var gradFns: [Int32] = []
    /// gradEnabled (bit 0), isInPlace (bit 1).
    private var flags: [UInt8] = []
    /// Op `i`'s inputs are `tensorIDs[starts[i]..<inputEnds[i]]`, its outputs `tensorIDs[inputEnds[i]..<starts[i + 1]]`.
    private var starts: [UInt32] = [0]
    private var inputEnds: [UInt32] = []
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
                id: id, name: namePool[nameIDs[id]], inputs: inputs(of: id), outputs: outputs(of: id), line: Int(lines[id]),
                region: unpackID(regions[id]), gradEnabled: flags[id] & 1 != 0, gradFn: unpackID(gradFns[id]),
                isInPlace: flags[id] & 2 != 0, pass: passes[id], innerLine: innerLines[id],
                callLines: callLines(of: id))
        }
        set {
            nameIDs[id] = namePool.id(of: newValue.name)
            lines[id] = Int32(truncatingIfNeeded: newValue.line)
            regions[id] = packID(newValue.region)
            gradFns[id] = packID(newValue.gradFn)
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

    /// Appends an op with the given fields (see `OpRecord`): the recorder's path, with no
    /// record or id arrays built.
    mutating func append(
        name: String, inputs: some Sequence<Int>, outputs: some Sequence<Int>, line: Int, region: Int?,
        gradEnabled: Bool, gradFn: Int?, isInPlace: Bool, pass: Int?, innerLine: Int?, callLines: [Int]
    ) {
        let id = flags.count
        nameIDs.append(namePool.id(of: name))
        lines.append(Int32(truncatingIfNeeded: line))
        regions.append(packID(region))
        gradFns.append(packID(gradFn))
        flags.append((gradEnabled ? 1 : 0) | (isInPlace ? 2 : 0))
        passes.fill(id, with: pass)
        innerLines.fill(id, with: innerLine)
        setCallLines(callLines, of: id)
        for t in inputs { tensorIDs.append(Int32(truncatingIfNeeded: t)) }
        inputEnds.append(UInt32(tensorIDs.count))
        for t in outputs { tensorIDs.append(Int32(truncatingIfNeeded: t)) }
        starts.append(UInt32(tensorIDs.count))
    }

    /// The input tensor ids of op `id`.
    func inputs(of id: Int) -> [Int] { tensorIDs[Int(starts[id])..<Int(inputEnds[id])].map(Int.init) }

    /// The output tensor ids of op `id`.
    func outputs(of id: Int) -> [Int] { tensorIDs[Int(inputEnds[id])..<Int(starts[id + 1])].map(Int.init) }

    /// The input tensor ids of op `id` as stored, with no array built.
    public func storedInputs(of id: Int) -> ArraySlice<Int32> { tensorIDs[Int(starts[id])..<Int(inputEnds[id])] }

    /// The output tensor ids of op `id` as stored, with no array built.
    public func storedOutputs(of id: Int) -> ArraySlice<Int32> { tensorIDs[Int(inputEnds[id])..<Int(starts[id + 1])] }

    /// The first input of op `id`, if it has one.
    func firstInput(of id: Int) -> Int? { starts[id] < inputEnds[id] ? Int(tensorIDs[Int(starts[id])]) : nil }

    /// The name of op `id` (`OpRecord.name`).
    public func name(of id: Int) -> String { namePool[nameIDs[id]] }

    /// The call lines of op `id` (`OpRecord.callLines`).
    public func callLines(of id: Int) -> [Int] { id < callLineIDs.count ? callLinePool[callLineIDs[id]] : [] }

    /// Stores op `id`'s call lines; a graph whose ops all ran in the script's top-level code keeps no column.
    private mutating func setCallLines(_ lines: [Int], of id: Int) {
        guard !lines.isEmpty || id < callLineIDs.count else { return }
        if callLineIDs.count <= id { callLineIDs += repeatElement(0, count: id + 1 - callLineIDs.count) }
        callLineIDs[id] = callLinePool.id(of: lines)
    }

    /// Whether op `id` wrote into its input (`OpRecord.isInPlace`).
    public func isInPlace(_ id: Int) -> Bool { flags[id] & 2 != 0 }

    /// Whether op `id` ran with grad mode on.
    public func gradEnabled(_ id: Int) -> Bool { flags[id] & 1 != 0 }

    /// The grad_fn node of op `id` (`OpRecord.gradFn`).
    public func gradFn(of id: Int) -> Int? { unpackID(gradFns[id]) }

    /// The script line of op `id` (`OpRecord.line`).
    public func line(of id: Int) -> Int { Int(lines[id]) }

    /// The innermost grad-mode region of op `id` (`OpRecord.region`).
    public func region(of id: Int) -> Int? { unpackID(regions[id]) }

    /// The backward pass that ran op `id`, if one did (`OpRecord.pass`).
    public func pass(of id: Int) -> Int? { passes[id] }

    func innerLine(of id: Int) -> Int? { innerLines[id] }

    /// The id of op `id`'s name among the distinct names (equal names, equal ids), for writers
    /// that look each name up once rather than once per op.
    func nameID(of id: Int) -> Int { Int(nameIDs[id]) }

    mutating func setGradFn(_ node: Int?, of id: Int) { gradFns[id] = packID(node) }

    /// Makes op `id` the in-place op `name` writing into `tensor` (an out-of-place op folded
    /// into the version bump that followed it).
    mutating func makeInPlace(_ id: Int, name: String, output tensor: Int) {
        nameIDs[id] = namePool.id(of: name)
        flags[id] |= 2
        replaceTensorIDs(of: id, inputs: inputs(of: id), outputs: [tensor])
    }

    /// Rewrites op `id`'s span of the flat column; cheap for the last op, which is the one the
    /// recorder changes.
    private mutating func replaceTensorIDs(of id: Int, inputs: [Int], outputs: [Int]) {
        let old = Int(starts[id])..<Int(starts[id + 1])
        let new = (inputs + outputs).map { Int32(truncatingIfNeeded: $0) }
        tensorIDs.replaceSubrange(old, with: new)
        inputEnds[id] = starts[id] + UInt32(inputs.count)
        let shift = Int64(new.count) - Int64(old.count)
        guard shift != 0 else { return }
        for later in (id + 1)..<starts.count {
            starts[later] = UInt32(truncatingIfNeeded: Int64(starts[later]) + shift)
            if later < inputEnds.count { inputEnds[later] = UInt32(truncatingIfNeeded: Int64(inputEnds[later]) + shift) }
        }
    }
}
