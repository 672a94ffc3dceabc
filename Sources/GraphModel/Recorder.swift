import Autograd

/// Observes the engine on the installing thread and builds a `Graph`.
///
/// The script layer sets `currentLine` before each statement, calls `bind(name:to:)` on
/// assignment and brackets `with` blocks with `enterRegion` / `exitRegion`. The recorder keeps
/// only metadata (ids, shapes, names): it never keeps a tensor or a node alive.
public final class Recorder {
    /// The script line of the statement running now: the line last set, or the one
    /// `scriptFramesChanged` gave since (a script run: right again after a call returns).
    package var currentLine: Int {
        get { line }
        set {
            lastLine = newValue
            line = newValue
            guard newValue >= 0 else { return }
            if newValue >= ran.count { ran += [Bool](repeating: false, count: newValue + 1 - ran.count) }
            ran[newValue] = true
        }
    }
    private var line = 0
    /// The line last set (`Graph.lastLine`).
    private var lastLine = 0
    /// Per line: whether a statement there ran.
    private var ran: [Bool] = []
    /// While a script runs: the lines of the script statements that called the function
    /// running now, outermost first (`OpRecord.callLines`).
    private var callLines: [Int] = []
    /// Formats a tensor's values for the graph's previews (`Graph.values(of:)`); nil, the
    /// default, records none (previews cost memory on every tensor of a long run).
    public var valueFormatter: ((Tensor) -> String)?
    /// The custom Functions whose forward runs now, outermost first: the line that called
    /// `apply` and the lines that called the script function it was called in.
    var functionCalls: [(line: Int, callLines: [Int])] = []
    /// Per tensor record: how many calls deep its label (`names[0]`) was bound, when not 0
    /// (the script's own code, where nearly every name is bound).
    var labelDepth: [Int: Int] = [:]
    /// The one-name list `bind` gave a fresh record last (a loop binds the same name again and again).
    private var lastSingleName: [String] = []

    var graph = Graph()
    /// Engine tensor id → tensor record id.
    var tensorIndex = EngineIDMap()
    /// Engine node id → node record id.
    var nodeIndex = EngineIDMap()
    /// Per `NodeKind` id: the id of its class name in the node table's name pool plus 1 (0: no
    /// node of the kind recorded yet).
    var kindNameIDs: [UInt32] = []
    /// The saved buffers an in-place change can still invalidate (`checkInvalidation`).
    var savedWatches = SavedWatches()
    var regionStack: [Int] = []
    /// The module calls running now, innermost last.
    var moduleStack: [Int] = []
    var passStack: [Int] = []
    var passByEngineIndex: [Int: Int] = [:]
    /// Per pass: the engine tensor ids made while it ran lie in `low..<high`.
    var passTensorIDs: [(low: Int, high: Int)] = []
    /// The ids of every finished pass's tensors lie below this (the largest `high` so far).
    var passTensorIDsEnd = 0
    /// Scratch space for the attributes of the node being recorded (`noteAttributes`).
    var attributeScratch: [RawAttribute] = []
    /// The previous event, for folding an in-place op's parts into one op record.
    var lastEvent = LastEvent.none
    private var previousObserver: AutogradObserver?
    /// The attribute lists recorded so far (`noteAttributes(of:op:)`).
    var attributeInterning = AttributeInterning()
    /// The most recent gradient summary, see `summary(_:)`.
    let lastSummary = SummaryCache()

    enum LastEvent {
        case none
        /// An out-of-place op with these engine ids of its outputs.
        case op(Int, outputs: OutputEngineIDs)
    }

    public init() {}

    // MARK: Lifecycle

    /// Makes this recorder the observer of the calling thread's autograd activity.
    public func install() {
        guard Observation.observer !== self else { return }
        previousObserver = Observation.observer
        Observation.observer = self
    }

    /// Stops observing (restores the observer that was installed before).
    public func uninstall() {
        guard Observation.observer === self else { return }
        Observation.observer = previousObserver
        previousObserver = nil
    }

    /// Runs `body` with this recorder installed.
    public func recording<R>(_ body: () throws -> R) rethrows -> R {
        install()
        defer { uninstall() }
        return try body()
    }

    /// The graph recorded so far. Cheap: the arrays are shared until the recorder records more.
    public func snapshot() -> Graph {
        guard !ran.isEmpty else { return graph }
        var g = graph
        g.linesRun = ran.indices.filter { ran[$0] }
        g.lastLine = lastLine
        return g
    }

    // MARK: Script-layer events

    /// Records an assignment `name = tensor` made `depth` calls deep (0: the outermost code).
    /// The label is the first name bound at the smallest depth (where it was made or returned
    /// to); later names are aliases: after `y = x`, `x` is still `x`.
    public func bind(name: String, to tensor: Tensor, depth: Int = 0) {
        let r = sight(tensor)
        lastEvent = .none
        if depth == 0 && graph.tensors.isUnnamed(r) {
            // The usual case, a result named where it was made: no list to build or hash.
            if lastSingleName.first != name { lastSingleName = [name] }
            graph.tensors.setNames(lastSingleName, of: r)
            if !labelDepth.isEmpty { labelDepth[r] = nil }
            return
        }
        let bound = graph.tensors.names(of: r)
        var names = bound
        if names.isEmpty || depth < labelDepth[r, default: 0] {
            names.removeAll { $0 == name }
            names.insert(name, at: 0)
            labelDepth[r] = depth == 0 ? nil : depth
        } else if !names.contains(name) {
            names.append(name)
        }
        if names != bound { graph.tensors.setNames(names, of: r) }
    }

    /// A custom Function's `apply` called at `line` runs its forward: the ops it records are
    /// drawn at that line, with the line inside forward as their `innerLine`.
    package func enterFunctionCall(line: Int) { functionCalls.append((line, callLines)) }

    /// The innermost custom Function's forward returned (or raised).
    package func exitFunctionCall() { functionCalls.removeLast() }

    /// The line records carry: the script's line, or inside a custom Function's forward the line that called it.
    var userLine: Int { functionCalls.isEmpty ? line : functionCalls[0].line }

    /// The call lines op records carry (`OpRecord.callLines`): those of `userLine`'s statement.
    var userCallLines: [Int] { functionCalls.isEmpty ? callLines : functionCalls[0].callLines }

    /// A script run entered or left a call: the innermost script frame is at `line`, called
    /// from `callLines` (outermost first). Pushed by the script layer so that an op reads stored
    /// values rather than asking the interpreter.
    package func scriptFramesChanged(line: Int, callLines: [Int]) {
        self.line = line
        self.callLines = callLines
    }

    /// Records the script's `for` and `while` statements (`Graph.loopStatements`).
    package func recordLoopStatements(_ loops: [LoopStatement]) { graph.loopStatements = loops }

    /// Records the script reading `tensor.grad` at the current line.
    package func recordGradRead(of tensor: Tensor) {
        graph.gradReads.append(GradRead(tensor: sight(tensor), line: userLine, passesBefore: graph.backwardPasses.count))
        lastEvent = .none
    }

    /// The record id of a live tensor the recorder has seen, if any.
    package func recordID(of tensor: Tensor) -> Int? { tensorIndex[tensor.id] }

    /// Opens a grad-mode region (`with torch.no_grad():` at `line`); regions nest.
    package func enterRegion(_ kind: RegionKind, line: Int) {
        let id = graph.regions.count
        graph.regions.append(Region(id: id, kind: kind, startLine: line, endLine: nil, parent: regionStack.last))
        regionStack.append(id)
    }

    /// Closes the innermost open region; `line` is its last line.
    package func exitRegion(line: Int) {
        guard let r = regionStack.popLast() else { return }
        graph.regions[r].endLine = line
    }

    /// Runs `body` inside a region, with grad mode (and inference mode) set as `kind` says.
    @discardableResult
    public func withRegion<R>(_ kind: RegionKind, line: Int, _ body: () throws -> R) rethrows -> R {
        enterRegion(kind, line: line)
        defer { exitRegion(line: currentLine) }
        if kind == .inferenceMode { return try GradMode.inferenceMode(body) }
        return try GradMode.with(enabled: kind.gradEnabled, body)
    }

    /// Records the exception that ended the script.
    package func recordError(line: Int, type: String, message: String) {
        graph.error = ErrorRecord(line: line, type: type, message: message)
    }

    /// Records a Swift error that ended the program, named as Python would name it.
    package func recordError(line: Int, error: Error) {
        graph.error = ErrorRecord(line: line, error: error)
    }

    // MARK: Records

    /// Whether a backward pass without create_graph is running: its formula ops are internals.
    var insidePlainBackward: Bool {
        guard let p = passStack.last else { return false }
        return !graph.backwardPasses[p].createGraph
    }

    /// The record of `tensor`, refreshed with its current flags; created if it is new.
    @discardableResult
    func sight(_ tensor: Tensor) -> Int {
        guard let r = tensorIndex[tensor.id] else {
            return tensor.isWrappedNumber && tensor.gradFn == nil
                ? addWrappedNumber(tensor) : addTensor(tensor, source: sourceOfUnseen(tensor))
        }
        // Changed in place through another tensor sharing its version counter (a view, a
        // detached alias): preview the values this use sees.
        let versionChanged = graph.tensors.refresh(
            r, requiresGrad: tensor.requiresGrad, isLeaf: tensor.isLeaf, version: tensor.version)
        if versionChanged { notePreview(of: tensor, record: r) }
        // Compared where they are stored: no shape or node id read out to compare.
        graph.tensors.updateShape(tensor.shape, of: r)
        if let fn = tensor.gradFn {
            graph.tensors.updateGradFn(nodeID(fn), of: r)
        } else {
            graph.tensors.updateGradFn(nil, of: r)
        }
        return r
    }

    /// A tensor nobody reported: made during a backward pass, or untracked.
    private func sourceOfUnseen(_ tensor: Tensor) -> TensorSource {
        if !passStack.isEmpty { return .backward }
        // Usually a tensor made after every pass (a loop's wrapped constants): no range to search.
        guard tensor.id < passTensorIDsEnd else { return .untracked }
        for range in passTensorIDs.reversed() where range.low < tensor.id && tensor.id < range.high {
            return .backward
        }
        return .untracked
    }

    /// Appends a record for `tensor`; `known` is a node recorded already with its record id
    /// (the op's grad_fn, usually the new tensor's), to skip looking that one up.
    @discardableResult
    func addTensor(
        _ tensor: Tensor, source: TensorSource, factory: String = "", producer: Int? = nil,
        detach: Int? = nil, known: (node: Node, id: Int)? = nil
    ) -> Int {
        let id = graph.tensors.count
        graph.tensors.append(
            shape: tensor.shape, dtype: tensor.dtype, requiresGrad: tensor.requiresGrad, isLeaf: tensor.isLeaf,
            version: tensor.version, source: source, factory: factory, producer: producer, detach: detach,
            line: userLine, region: regionStack.last,
            pass: source == .backward ? passStack.last ?? passOfTensorID(tensor.id) : nil)
        tensorIndex.insert(id, for: tensor.id)
        if let fn = tensor.gradFn {
            graph.tensors.setGradFn(known.flatMap { $0.node === fn ? $0.id : nil } ?? nodeID(fn), of: id)
        }
        if valueFormatter != nil { notePreview(of: tensor, record: id) }
        return id
    }

    /// `addTensor(tensor, source: sourceOfUnseen(tensor))` for a Python number an op wrapped
    /// (0-dim, no grad_fn, made by no recorded op or factory): the same record, with the fields
    /// such a tensor cannot have left unread.
    private func addWrappedNumber(_ tensor: Tensor) -> Int {
        let id = graph.tensors.count
        let source = sourceOfUnseen(tensor)
        graph.tensors.append(
            shape: [], dtype: tensor.dtype, requiresGrad: tensor.requiresGrad, isLeaf: true, version: tensor.version,
            source: source, factory: "", producer: nil, detach: nil, line: userLine, region: regionStack.last,
            pass: source == .backward ? passStack.last ?? passOfTensorID(tensor.id) : nil)
        tensorIndex.insert(id, for: tensor.id)
        if valueFormatter != nil { notePreview(of: tensor, record: id) }
        return id
    }

    private func passOfTensorID(_ engineID: Int) -> Int? {
        passTensorIDs.lastIndex { $0.low < engineID && engineID < $0.high }
    }

    /// The record of `node`, registering it (and, iteratively, any unseen nodes below it).
    @inline(__always) func nodeID(_ node: Node) -> Int {
        if let r = nodeIndex[node.id] { return r }
        return recordNode(node)
    }

    /// `nodeID` for a node not recorded yet.
    private func recordNode(_ node: Node) -> Int {
        // Usually every node below is recorded already (the op before made it): no walk.
        if pendEdges(of: node) { return addNode(node) }
        var stack: [(node: Node, expanded: Bool)] = [(node, false)]
        while let (n, expanded) = stack.popLast() {
            if nodeIndex[n.id] != nil { continue }
            if expanded {
                // Every node below is recorded by now.
                pendEdges(of: n, unrecordedAsNone: true)
                addNode(n)
                continue
            }
            stack.append((n, true))
            for case let e? in n.nextEdges where nodeIndex[e.node.id] == nil { stack.append((e.node, false)) }
        }
        if let r = nodeIndex[node.id] { return r }
        pendEdges(of: node, unrecordedAsNone: true)
        return addNode(node)
    }

    /// Adds `node`'s next edges to the node table as the next node's, each edge's record id
    /// looked up once; when an edge leads to a node not recorded, adds none and returns false,
    /// or with `unrecordedAsNone` adds that edge as None.
    @discardableResult
    private func pendEdges(of node: Node, unrecordedAsNone: Bool = false) -> Bool {
        for edge in node.nextEdges {
            guard let e = edge else {
                graph.nodes.addPendingEdge(nil)
                continue
            }
            guard let r = nodeIndex[e.node.id] else {
                if unrecordedAsNone {
                    graph.nodes.addPendingEdge(nil)
                    continue
                }
                graph.nodes.dropPendingEdges()
                return false
            }
            graph.nodes.addPendingEdge(NodeEdge(node: r, inputNr: e.inputNr))
        }
        return true
    }

    /// Appends a record for `node`, whose next edges `pendEdges` added.
    @discardableResult
    private func addNode(_ node: Node) -> Int {
        let id = graph.nodes.count
        var variable: Int? = nil
        let nameID = recordedNameID(of: node)
        // An exact type test first: cheaper than a cast of every node (AccumulateGrad is final,
        // and has no next edges, so nothing is pending while its variable is recorded).
        if type(of: node) == AccumulateGrad.self {
            variable = unsafeDowncast(node, to: AccumulateGrad.self).variable.map { sight($0) }
        }
        graph.nodes.appendPending(nameID: nameID, line: userLine, variable: variable, pass: passStack.last)
        // One buffer per storage, straight into the table: no arrays per node.
        let slots = node.saved
        for i in slots.indices {
            let slot = slots[i]
            if let j = Self.buffer(sharedBy: i, in: slots) {
                graph.nodes.replaceLastSaved(j, with: graph.nodes.saved(of: id)[j].joining(slot))
                savedWatches.watch(slot, buffer: j, of: id)
                continue
            }
            savedWatches.watch(slot, buffer: graph.nodes.savedCount(of: id), of: id)
            var b = SavedBuffer(slot, shape: slot.shape)
            b.isPacked = slot.isPacked
            if let p = slot.freedByPass { b.freedByPass = passByEngineIndex[p] }
            if slot.isStale {
                b.invalidation = Invalidation(line: userLine, op: "", version: slot.currentVersion)
            }
            graph.nodes.appendSaved(b)
        }
        nodeIndex.insert(id, for: node.id)
        if let v = variable { graph.tensors.setAccumulateGrad(id, of: v) }
        return id
    }

    /// The id in the node table's name pool of the class name `node` is recorded under: found by
    /// its kind's id (no name hashed or compared), the name interned once per kind.
    private func recordedNameID(of node: Node) -> UInt32 {
        let kind = node.kindID
        if kind < kindNameIDs.count, kindNameIDs[kind] != 0 { return kindNameIDs[kind] - 1 }
        var name = node.name
        if name.withUTF8({ $0.contains(UInt8(ascii: ":")) }), name.contains("::"), let last = name.split(separator: ":").last {
            // The byte check first: `contains("::")` is Foundation's string search, which cost
            // more than the rest of recording a node (callgrind, 20k-op chain dump); and over the
            // raw bytes, as `utf8.contains` walked the string through a generic iterator.
            name = String(last)
        }
        let nameID = graph.nodes.internName(name)
        if kind >= kindNameIDs.count { kindNameIDs += repeatElement(0, count: kind + 1 - kindNameIDs.count) }
        kindNameIDs[kind] = nameID + 1
        return nameID
    }

    /// The buffer of an earlier slot on the same storage as `slots[i]` (which then joins it):
    /// its index counts the slots before it that began a buffer of their own; nil for none.
    static func buffer(sharedBy i: Int, in slots: [SavedTensor]) -> Int? {
        guard i > 0 else { return nil }
        let key = slots[i].storageID
        var buffer = 0
        for k in 0..<i {
            let storage = slots[k].storageID
            if storage == key { return buffer }
            if !slots[..<k].contains(where: { $0.storageID == storage }) { buffer += 1 }
        }
        return nil
    }
}

/// The engine ids of an op's outputs, listed as the recorder sees them, without an array for
/// the usual single output.
struct OutputEngineIDs {
    private var first: Int?
    private var rest: [Int] = []

    /// Adds the next output's id.
    mutating func append(_ id: Int) {
        if first == nil { first = id } else { rest.append(id) }
    }

    /// The ids in output order.
    var all: [Int] { first.map { [$0] + rest } ?? [] }
}

extension SavedBuffer {
    init(_ slot: SavedTensor, shape: [Int]) {
        self.init(
            name: slot.role, shape: shape, dtype: slot.dtype, bytes: slot.byteCount,
            savedVersion: slot.savedVersion, isOutput: slot.isOutput)
    }

    /// This buffer with another slot on the same storage joined in.
    func joining(_ slot: SavedTensor) -> SavedBuffer {
        var b = SavedBuffer(
            name: name + "/" + slot.role, shape: shape, dtype: dtype, bytes: Swift.max(bytes, slot.byteCount),
            savedVersion: savedVersion, isOutput: isOutput)
        b.freedByPass = freedByPass
        b.invalidation = invalidation
        b.isPacked = isPacked
        return b
    }
}
