import GraphModel

/// What the page's panel, search, pass selector and "why" mode read, as the JSON embedded in
/// the page: the records the views draw (tensors, ops with their saved buffers, module calls),
/// every backward pass, the `gradscope why` text of each explained tensor, and per view which
/// records each SVG node stands for, each pass's edge colours and each explanation's highlights.
struct ViewerModel {
    let graph: Graph
    let say: ExplainSentences
    let views: [ViewerView]
    let explanations: [TensorExplanation]
    /// The passes the page covers (`ViewerPage.passLimit`).
    let passes: Range<Int>
    /// Node id → the passes that ran it, in order.
    private let passesRunning: [Int: [Int]]
    /// Node id → the gradients sent into it: (pass, sending node, gradient).
    private let gradientsInto: [Int: [(pass: Int, from: Int, grad: GradSummary)]]
    /// Tensor id → what each pass added to its `.grad` (the last accumulation per pass).
    private let accumulations: [Int: [(pass: Int, accumulation: Accumulation)]]

    init(graph: Graph, say: ExplainSentences, views: [ViewerView], explanations: [TensorExplanation], passes: Range<Int>) {
        self.graph = graph
        self.say = say
        self.views = views
        self.explanations = explanations
        self.passes = passes
        var running: [Int: [Int]] = [:]
        var into: [Int: [(pass: Int, from: Int, grad: GradSummary)]] = [:]
        var added: [Int: [(pass: Int, accumulation: Accumulation)]] = [:]
        for p in graph.backwardPasses[passes] {
            for n in p.executed where running[n]?.last != p.id { running[n, default: []].append(p.id) }
            for e in p.edgeGradients {
                if let g = e.grad { into[e.to, default: []].append((p.id, e.from, g)) }
            }
            for a in p.accumulated {
                if added[a.tensor]?.last?.pass == p.id { added[a.tensor]?.removeLast() }
                added[a.tensor, default: []].append((p.id, a))
            }
        }
        passesRunning = running
        gradientsInto = into
        accumulations = added
    }

    /// The tensors the page explains: those `gradscope why` explains by default, then every
    /// named tensor a view draws, in id order.
    static func whyTargets(_ graph: Graph, views: [ViewerView]) -> [Int] {
        var chosen = Set(graph.explainTargets)
        for v in views {
            for n in v.scene.nodes {
                for case .tensor(let t) in n.subjects where graph.tensors[t].label != nil { chosen.insert(t) }
            }
        }
        return chosen.sorted()
    }

    /// The deterministic JSON text (keys in a fixed order, dictionaries sorted); the page opens
    /// on pass `pass`.
    func json(title: String, pass: Int?) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("title", title)
        w.field("pass", pass)
        let shown = shownRecords()
        writeTable("tensors", shown.tensors, &w) { writeTensor(graph.tensors[$0], &$1) }
        writeTable("ops", shown.ops, &w) { writeOp(graph.ops[$0], &$1) }
        writeTable("modules", shown.modules, &w) { writeModule(graph.modules[$0], &$1) }
        w.key("passes")
        w.beginArray()
        for p in graph.backwardPasses { writePass(p, &w) }
        w.endArray()
        w.field("first_pass", passes.lowerBound)
        w.key("why")
        w.beginArray()
        for e in explanations {
            w.beginObject()
            w.field("tensor", e.tensor)
            w.field("name", say.name(e.tensor))
            w.field("text", graph.whyText([e], source: say.source.joined(separator: "\n")))
            w.endObject()
        }
        w.endArray()
        w.key("views")
        w.beginArray()
        for v in views { ViewerViewData(graph: graph, view: v, explanations: explanations, passes: passes).write(&w) }
        w.endArray()
        w.endObject()
        return w.text
    }

    /// `"name": {"id": record, …}` in id order.
    private func writeTable(_ name: String, _ ids: Set<Int>, _ w: inout JSONWriter, row: (Int, inout JSONWriter) -> Void) {
        w.key(computed: name)
        w.beginObject()
        for id in ids.sorted() {
            w.key(computed: String(id))
            row(id, &w)
        }
        w.endObject()
    }

    /// The records some view's node shows in the panel, and the explained tensors.
    private func shownRecords() -> (tensors: Set<Int>, ops: Set<Int>, modules: Set<Int>) {
        var tensors = Set(explanations.map(\.tensor))
        var ops = Set<Int>()
        var modules = Set<Int>()
        for v in views {
            for n in v.scene.nodes {
                switch ViewerViewData.primary(n) {
                case .tensor(let t)?: tensors.insert(t)
                case .op(let o)?, .saved(let o, _)?: ops.insert(o)
                case .module(let m)?: modules.insert(m)
                case nil: break
                }
            }
            for c in v.scene.clusters { if let m = c.module { modules.insert(m) } }
        }
        return (tensors, ops, modules)
    }

    // MARK: Records

    private func writeTensor(_ t: TensorRecord, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("name", Describe.name(of: t))
        w.key("names")
        w.beginArray()
        for n in t.names { w.value(n) }
        w.endArray()
        w.key("parameter")
        if let p = t.parameterPath { w.value(p) } else { w.null() }
        w.field("shape", Describe.shape(t.shape))
        w.field("dtype", t.dtype.name)
        w.field("bytes", Describe.bytes(t.byteCount))
        w.field("requires_grad", t.requiresGrad)
        w.field("is_leaf", t.isLeaf)
        w.key("role")
        if let r = graph.leafRole(of: t.id) { w.value(r.rawValue) } else { w.null() }
        w.field("version", t.version)
        w.field("line", t.line)
        writeCode(t.line, &w)
        w.field("origin", Describe.origin(t, in: graph))
        w.key("grad_fn")
        if let g = t.gradFn { w.value(graph.nodes[g].name) } else { w.null() }
        w.key("values")
        ViewerValues.write(graph.values(of: t.id), &w)
        w.key("grads")
        w.beginArray()
        for (pass, text) in gradients(of: t) {
            w.beginArray()
            w.value(pass)
            w.value(text)
            w.endArray()
        }
        w.endArray()
        w.endObject()
    }

    /// What each covered backward pass sent tensor `t`: into a leaf's `.grad`, or into its grad_fn.
    private func gradients(of t: TensorRecord) -> [(Int, String)] {
        var result: [(Int, String)] = []
        for (p, a) in accumulations[t.id] ?? [] {
            var text = Describe.gradientDetail(a.grad)
            if a.ontoPrevious { text += " (added: .grad is now " + Describe.gradientDetail(a.total) + ")" }
            result.append((p, text))
        }
        if let g = t.gradFn {
            for e in gradientsInto[g] ?? [] {
                result.append((e.pass, "from \(graph.nodes[e.from].name): " + Describe.gradientDetail(e.grad)))
            }
        }
        for p in graph.backwardPasses[passes] where p.rootTensors.contains(t.id) {
            result.append((p.id, "the output this pass started from"))
        }
        return result.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)
    }

    private func writeOp(_ op: OpRecord, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("name", op.name)
        w.field("line", op.line)
        writeCode(op.line, &w)
        w.field("inner_line", op.innerLine)
        w.key("grad_fn")
        if let g = op.gradFn { w.value(graph.nodes[g].name) } else { w.null() }
        w.field("grad_enabled", op.gradEnabled)
        w.field("in_place", op.isInPlace)
        w.key("inputs")
        w.beginArray()
        for t in op.inputs { w.value(Describe.name(of: graph.tensors[t])) }
        w.endArray()
        w.key("outputs")
        w.beginArray()
        for t in op.outputs {
            let r = graph.tensors[t]
            w.value("\(Describe.name(of: r)) \(Describe.shape(r.shape)) \(Describe.dtype(r.dtype.name))")
        }
        w.endArray()
        w.key("region")
        if let r = op.region.flatMap({ SceneBuilder.disabledRegion(graph, $0) }) { w.value(r.label) } else { w.null() }
        w.key("attributes")
        w.beginArray()
        for a in graph.attributes(ofOp: op.id) {
            w.beginArray()
            w.value(a.name)
            w.value(a.value)
            w.endArray()
        }
        w.endArray()
        w.key("ran_in")
        w.ints(op.gradFn.flatMap { passesRunning[$0] } ?? [])
        w.key("saved")
        w.beginArray()
        for b in op.gradFn.map({ graph.nodes[$0].saved }) ?? [] {
            w.beginObject()
            w.field("name", b.name)
            w.field("shape", Describe.shape(b.shape))
            w.field("dtype", b.dtype.name)
            w.field("bytes", Describe.bytes(b.bytes))
            w.field("version", b.savedVersion)
            w.field("state", b.state.keyword)
            w.field("text", bufferFate(b, node: op.gradFn ?? 0))
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    /// What became of a saved buffer, in words: packed by a saved-tensor hook, kept by which
    /// retain_graph passes, freed by which backward, or invalidated by which in-place op.
    private func bufferFate(_ b: SavedBuffer, node: Int) -> String {
        let kept = (passesRunning[node] ?? []).map { graph.backwardPasses[$0] }.filter { p in
            p.retainGraph && b.freedByPass.map { p.id < $0 } ?? true
        }
        var parts = b.isPacked ? [Describe.packed(b)] : []
        parts += kept.map { "kept by retain_graph=True in \(Describe.pass($0))" }
        switch b.state {
        case .retained: parts.append("retained: a later backward can still use it")
        case .freed(let p): parts.append("freed by \(Describe.pass(graph.backwardPasses[p])) (no retain_graph)")
        case .invalidated:
            let i = b.invalidation
            parts.append(
                "invalidated: modified in place"
                    + (i.map { " by \($0.op.isEmpty ? "an in-place op" : $0.op) at line \($0.line) (now version \($0.version))" }
                        ?? "") + "; backward through it raises")
        }
        return parts.joined(separator: "; ")
    }

    private func writeModule(_ m: ModuleCall, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("path", m.path)
        w.field("class", m.className)
        w.field("summary", m.summary)
        w.field("line", m.line)
        writeCode(m.line, &w)
        w.field("level", m.depth(in: graph))
        w.key("parameters")
        w.beginArray()
        for p in m.parameters { w.value("\(p.name) \(Describe.shape(graph.tensors[p.tensor].shape))") }
        w.endArray()
        w.endObject()
    }

    private func writePass(_ p: BackwardRecord, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("id", p.id)
        w.field("label", Describe.pass(p))
        w.field("line", p.line)
        writeCode(p.line, &w)
        w.key("roots")
        w.beginArray()
        for t in p.rootTensors { w.value(Describe.name(of: graph.tensors[t])) }
        w.endArray()
        w.field("retain_graph", p.retainGraph)
        w.field("create_graph", p.createGraph)
        w.key("error")
        if let e = p.error { w.value("\(e.type): \(e.message)") } else { w.null() }
        w.endObject()
    }

    /// `"code": "`y = x * 2`"` (or null) for script line `line`.
    private func writeCode(_ line: Int, _ w: inout JSONWriter) {
        w.key("code")
        if let c = say.code(line) { w.value(c) } else { w.null() }
    }
}
