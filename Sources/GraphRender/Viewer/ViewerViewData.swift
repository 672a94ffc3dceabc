import GraphModel

/// The JSON of one view: which record each SVG node stands for (and the text search matches),
/// the edge colours and dimmed edges of every backward pass, and, per explained tensor and pass,
/// the nodes and edges of the paths its gradient took and of the cuts that stopped it.
struct ViewerViewData {
    let graph: Graph
    let view: ViewerView
    let explanations: [TensorExplanation]
    /// The passes the page covers.
    let passes: Range<Int>
    /// Each record → the scene nodes standing for it.
    private let nodesOf: [SceneSubject: [Int]]
    /// Scene node → input position → the data edge into it.
    private let inputEdge: [Int: [Int: Int]]
    /// Scene node → the data and detach edges out of it.
    private let edgesFrom: [[Int]]

    init(graph: Graph, view: ViewerView, explanations: [TensorExplanation], passes: Range<Int>) {
        self.graph = graph
        self.view = view
        self.explanations = explanations
        self.passes = passes
        var nodes: [SceneSubject: [Int]] = [:]
        for (i, n) in view.scene.nodes.enumerated() {
            for s in n.subjects where nodes[s]?.last != i { nodes[s, default: []].append(i) }
        }
        nodesOf = nodes
        var inputs: [Int: [Int: Int]] = [:]
        var from = [[Int]](repeating: [], count: view.scene.nodes.count)
        for (i, e) in view.scene.edges.enumerated() where e.kind != .saved {
            if e.kind == .data { inputs[e.to, default: [:]][e.position] = i }
            from[e.from].append(i)
        }
        inputEdge = inputs
        edgesFrom = from
    }

    /// The record a node's panel shows: a collapsed module call, else the last record it stands
    /// for (the one a folded node's label and tooltip show).
    static func primary(_ n: SceneNode) -> SceneSubject? {
        n.subjects.last { if case .module = $0 { return true } else { return false } } ?? n.subjects.last
    }

    func write(_ w: inout JSONWriter) {
        let scene = view.scene
        w.beginObject()
        w.field("key", view.key)
        w.field("title", view.title)
        w.key("nodes")
        w.beginObject()
        for n in scene.nodes {
            w.key(computed: n.id)
            w.beginArray()
            w.value(Self.kind(n.kind))
            w.value(n.subjects.count)
            w.value(Self.primary(n).map(Self.reference) ?? "")
            w.value(searchText(n))
            w.endArray()
        }
        w.endObject()
        w.key("passes")
        w.beginObject()
        for p in graph.backwardPasses[passes] {
            w.key(computed: String(p.id))
            writePass(p, &w)
        }
        w.endObject()
        w.key("why")
        w.beginObject()
        for e in explanations {
            w.key(computed: String(e.tensor))
            w.beginArray()
            for o in e.passes { writeOutcome(o, tensor: e.tensor, &w) }
            w.endArray()
        }
        w.endObject()
        w.endObject()
    }

    static func kind(_ k: SceneNodeKind) -> String {
        switch k {
        case .tensor: return "tensor"
        case .op: return "op"
        case .saved: return "saved"
        case .module: return "module"
        }
    }

    /// `t3`, `op7`, `op7_s0`, `m4`: the key of a record in the model's tables.
    static func reference(_ s: SceneSubject) -> String {
        switch s {
        case .tensor(let t): return "t\(t)"
        case .op(let o): return "op\(o)"
        case .saved(let o, let j): return "op\(o)_s\(j)"
        case .module(let m): return "m\(m)"
        }
    }

    /// The words search matches for a node: names, op and grad_fn names, `line N`.
    private func searchText(_ n: SceneNode) -> String {
        var words: [String] = []
        for s in Set(n.subjects).sorted(by: { Self.reference($0) < Self.reference($1) }).prefix(50) {
            switch s {
            case .tensor(let t):
                let r = graph.tensors[t]
                words += r.names + [r.parameterPath ?? "", "line \(r.line)"]
            case .op(let o):
                let op = graph.ops[o]
                words += [op.name, op.gradFn.map { graph.nodes[$0].name } ?? "", "line \(op.line)"]
            case .saved(let o, let j):
                words += ["saved", graph.ops[o].gradFn.map { graph.nodes[$0].saved[j].name } ?? ""]
            case .module(let m):
                let call = graph.modules[m]
                words += [call.path, call.className, "line \(call.line)"]
            }
        }
        var seen = Set<String>()
        return words.filter { !$0.isEmpty && seen.insert($0).inserted }.joined(separator: " ")
    }

    // MARK: Passes

    /// Pass `p`: `edges` {id: [colour, label]} for the edges its gradients flowed along, `ran`
    /// the results' edges of the ops whose grad_fn it ran (every other data edge is drawn
    /// dimmed: the pass did not traverse it), `roots` the nodes of its root tensors.
    private func writePass(_ p: BackwardRecord, _ w: inout JSONWriter) {
        let scene = view.scene
        var carried: [Int: GradSummary] = [:]
        for e in p.edgeGradients {
            guard let g = e.grad, let o = graph.nodes[e.from].op else { continue }
            for n in nodesOf[.op(o)] ?? [] {
                if let edge = inputEdge[n]?[e.index] { carried[edge] = g }
            }
        }
        let ran = Set(p.executed)
        w.beginObject()
        w.key("edges")
        w.beginObject()
        for (i, g) in carried.sorted(by: { $0.key < $1.key }) {
            w.key(computed: scene.id(of: scene.edges[i]))
            w.beginArray()
            w.value(Style.viewerGradientColor(magnitude: Describe.magnitude(g)))
            w.value(Describe.gradientLabel(g))
            w.endArray()
        }
        w.endObject()
        var ranEdges = Set<Int>()
        for n in ran {
            guard let o = graph.nodes[n].op else { continue }
            for s in nodesOf[.op(o)] ?? [] {
                for i in edgesFrom[s] where scene.edges[i].kind == .data && carried[i] == nil { ranEdges.insert(i) }
            }
        }
        w.key("ran")
        w.beginArray()
        for i in ranEdges.sorted() { w.value(scene.id(of: scene.edges[i])) }
        w.endArray()
        w.key("roots")
        w.beginArray()
        var roots: [Int] = []
        for t in p.rootTensors {
            roots += nodesOf[.tensor(t)] ?? graph.tensors[t].producer.flatMap { nodesOf[.op($0)] } ?? []
        }
        for i in Set(roots).sorted() { w.value(scene.nodes[i].id) }
        w.endArray()
        w.endObject()
    }

    // MARK: Why

    /// One pass of an explanation: the nodes and edges on the gradient's paths (`path`,
    /// `path_edges`) and on the cuts that stopped it (`cut`, `cut_edges`); nothing when the
    /// view draws none of them.
    private func writeOutcome(_ o: PassOutcome, tensor t: Int, _ w: inout JSONWriter) {
        var path = Set(nodesOf[.tensor(t)] ?? [])
        for steps in o.paths {
            for (k, step) in steps.enumerated() {
                path.formUnion(nodes(ofNode: step.node))
                guard k + 1 < steps.count, let op = graph.nodes[step.node].op,
                    let input = graph.nodes[step.node].next.firstIndex(where: { $0?.node == steps[k + 1].node }),
                    input < graph.ops[op].inputs.count
                else { continue }
                path.formUnion(nodesOf[.tensor(graph.ops[op].inputs[input])] ?? [])
            }
        }
        var cut = Set<Int>()
        for c in o.cuts {
            cut.formUnion(nodesOf[.tensor(t)] ?? [])
            switch c.kind {
            case .detach(let d):
                cut.formUnion(nodesOf[.tensor(graph.detaches[d].source)] ?? [])
                cut.formUnion(nodesOf[.tensor(graph.detaches[d].result)] ?? [])
            case .noGrad(let op), .nonDifferentiable(let op):
                cut.formUnion(nodesOf[.op(op)] ?? [])
            }
            if let use = c.use { cut.formUnion(nodesOf[.op(use)] ?? []) }
        }
        if o.paths.isEmpty { path.removeAll() }
        guard !path.isEmpty || !cut.isEmpty else { return }
        w.beginObject()
        w.field("pass", o.pass)
        w.field("arrived", o.arrived)
        writeIDs("path", path, &w)
        writeIDs("path_edges", edges(within: path), &w, edges: true)
        writeIDs("cut", cut, &w)
        writeIDs("cut_edges", edges(within: cut), &w, edges: true)
        w.endObject()
    }

    /// The scene nodes of autograd node `n`: its op's, or its leaf's (AccumulateGrad).
    private func nodes(ofNode n: Int) -> [Int] {
        let record = graph.nodes[n]
        if let v = record.variable { return nodesOf[.tensor(v)] ?? [] }
        return record.op.flatMap { nodesOf[.op($0)] } ?? []
    }

    /// Data and detach edges with both ends in `nodes`.
    private func edges(within nodes: Set<Int>) -> Set<Int> {
        var result = Set<Int>()
        for n in nodes {
            for i in edgesFrom[n] where nodes.contains(view.scene.edges[i].to) { result.insert(i) }
        }
        return result
    }

    private func writeIDs(_ key: String, _ indices: Set<Int>, _ w: inout JSONWriter, edges: Bool = false) {
        w.key(computed: key)
        w.beginArray()
        for i in indices.sorted() { w.value(edges ? view.scene.id(of: view.scene.edges[i]) : view.scene.nodes[i].id) }
        w.endArray()
    }
}
