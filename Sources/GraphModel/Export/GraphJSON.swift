/// The JSON schemas `Graph.json(version:)` writes (docs/graph-json.md).
public enum GraphJSONVersion: Sendable, CaseIterable {
    /// `gradscope.graph/2`: every field of every record written, ids and nulls included.
    case v2
    /// `gradscope.graph/3`: fields at their defaults left out, names in a string table.
    case v3

    /// The `schema` value of a dump in this version.
    public var schema: String {
        switch self {
        case .v2: return "gradscope.graph/2"
        case .v3: return "gradscope.graph/3"
        }
    }
}

/// The graph as JSON (docs/graph-json.md).
extension Graph {
    /// Deterministic JSON: fixed key order, ids by recording order; linear in the graph's size.
    /// With `explaining`, an `analysis` object (leaves, detached subgraphs, gradient flow) is
    /// added, each blocked gradient's reason worded by it (GraphRender's `jsonWithAnalysis()`
    /// words them as `gradscope dump` does).
    public func json(version: GraphJSONVersion = .v3, explaining explanation: ((BlockReason) -> String)? = nil) -> String {
        switch version {
        case .v2:
            var w = JSONWriter(reserving: 256 * (tensors.count + ops.count + nodes.count) + 1024)
            writeFullJSON(explaining: explanation, &w)
            return w.text
        case .v3: return compactJSON(explaining: explanation)
        }
    }

    /// The same text as `json(version:explaining:)`, handed to `write` in pieces of about
    /// `chunk` bytes as it is made: writing a dump of any size takes memory for the graph and
    /// one piece, not for the whole document.
    public func writeJSON(
        version: GraphJSONVersion = .v3, explaining explanation: ((BlockReason) -> String)? = nil,
        chunk: Int = 1 << 20, to write: @escaping (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var w = JSONWriter(chunk: chunk, drain: write)
        switch version {
        case .v2: writeFullJSON(explaining: explanation, &w)
        case .v3: writeCompactJSON(explaining: explanation, &w)
        }
        w.finish()
    }

    /// The `/2` document: every record with every field.
    private func writeFullJSON(explaining explanation: ((BlockReason) -> String)?, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("schema", GraphJSONVersion.v2.schema)
        w.key("tensors")
        w.beginArray()
        for t in tensors { writeTensor(t, &w) }
        w.endArray()
        w.key("ops")
        w.beginArray()
        for o in ops { writeOp(o, &w) }
        w.endArray()
        w.key("nodes")
        w.beginArray()
        for n in nodes { writeNode(n, &w) }
        w.endArray()
        w.key("regions")
        w.beginArray()
        for r in regions {
            w.beginObject()
            w.field("id", r.id)
            w.field("kind", r.kind.rawValue)
            w.field("start_line", r.startLine)
            w.field("end_line", r.endLine)
            w.field("parent", r.parent)
            w.endObject()
        }
        w.endArray()
        w.key("detaches")
        w.beginArray()
        for d in detaches {
            w.beginObject()
            w.field("id", d.id)
            w.field("kind", d.kind.rawValue)
            w.field("source", d.source)
            w.field("result", d.result)
            w.field("line", d.line)
            w.field("source_required_grad", d.sourceRequiredGrad)
            w.field("ops_before", d.opsBefore)
            w.endObject()
        }
        w.endArray()
        w.key("backward_passes")
        w.beginArray()
        for p in backwardPasses { writePass(p, &w) }
        w.endArray()
        w.key("grad_reads")
        w.beginArray()
        for r in gradReads {
            w.beginObject()
            w.field("tensor", r.tensor)
            w.field("line", r.line)
            w.field("passes_before", r.passesBefore)
            w.endObject()
        }
        w.endArray()
        if !modules.isEmpty { writeModules(&w) }
        if let loops = loopStatements { Self.writeLoopStatements(loops, &w) }
        if let last = lastLine {
            w.field("lines_run", linesRun)
            w.field("last_line", last)
        }
        w.key("error")
        Self.writeError(error, &w)
        if let explanation { writeAnalysis(explanation, canonical: false, &w) }
        w.endObject()
    }

    /// The `loop_statements` array, `/2` and `/3` alike: written for every script run, empty
    /// when the script has no loop.
    static func writeLoopStatements(_ loops: [LoopStatement], _ w: inout JSONWriter) {
        w.key("loop_statements")
        w.beginArray()
        for l in loops {
            w.beginObject()
            w.field("line", l.line)
            w.field("last_line", l.lastLine)
            w.field("header", l.header)
            w.endObject()
        }
        w.endArray()
    }

    /// The `modules` array: one object per module call (written only when the script called one).
    private func writeModules(_ w: inout JSONWriter) {
        w.key("modules")
        w.beginArray()
        for m in modules {
            w.beginObject()
            w.field("id", m.id)
            w.field("path", m.path)
            w.field("class", m.className)
            w.field("summary", m.summary)
            w.field("parent", m.parent)
            w.field("region", m.region)
            w.field("line", m.line)
            w.field("ops", m.ops)
            w.field("nodes", m.ops.compactMap { ops[$0].gradFn })
            w.key("parameters")
            w.beginArray()
            for p in m.parameters {
                w.beginObject()
                w.field("name", p.name)
                w.field("tensor", p.tensor)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
    }

    private func writeTensor(_ t: TensorRecord, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("id", t.id)
        w.key("label")
        if let l = t.label { w.value(l) } else { w.null() }
        w.key("names")
        w.beginArray()
        for n in t.names { w.value(n) }
        w.endArray()
        w.field("shape", t.shape)
        w.field("dtype", t.dtype.name)
        w.field("requires_grad", t.requiresGrad)
        w.field("is_leaf", t.isLeaf)
        w.field("version", t.version)
        w.field("source", t.source.rawValue)
        w.key("factory")
        if t.factory.isEmpty { w.null() } else { w.value(t.factory) }
        w.field("producer", t.producer)
        w.field("detach", t.detach)
        w.field("line", t.line)
        w.field("region", t.region)
        w.field("grad_fn", t.gradFn)
        w.field("accumulate_grad", t.accumulateGrad)
        w.field("pass", t.pass)
        w.key("leaf_role")
        if let r = leafRole(of: t.id) { w.value(r.rawValue) } else { w.null() }
        if let previews = tensorValues[t.id] {
            w.key("values")
            Self.writeValues(previews, &w)
        }
        w.endObject()
    }

    private func writeOp(_ o: OpRecord, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("id", o.id)
        w.field("name", o.name)
        w.field("inputs", o.inputs)
        w.field("outputs", o.outputs)
        w.field("line", o.line)
        w.field("region", o.region)
        w.field("grad_enabled", o.gradEnabled)
        w.field("grad_fn", o.gradFn)
        w.field("in_place", o.isInPlace)
        w.field("pass", o.pass)
        // Only ops run inside a custom Function's forward have one; other dumps stay as they were.
        if let inner = o.innerLine { w.field("inner_line", inner) }
        if !o.callLines.isEmpty { w.field("call_lines", o.callLines) }
        let attributes = attributes(ofOp: o.id)
        if !attributes.isEmpty {
            w.key("attributes")
            Self.writeAttributes(attributes, &w)
        }
        w.endObject()
    }

    /// `[[name, value], ...]`.
    static func writeAttributes(_ attributes: [OpAttribute], _ w: inout JSONWriter) {
        w.beginArray()
        for a in attributes {
            w.beginArray()
            w.value(a.name)
            w.value(a.value)
            w.endArray()
        }
        w.endArray()
    }

    /// `[{"version": v, "text": t}, ...]`.
    static func writeValues(_ previews: [ValuePreview], _ w: inout JSONWriter) {
        w.beginArray()
        for v in previews {
            w.beginObject()
            w.field("version", v.version)
            w.field("text", v.text)
            w.endObject()
        }
        w.endArray()
    }

    private func writeNode(_ n: NodeRecord, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("id", n.id)
        w.field("name", n.name)
        w.field("line", n.line)
        w.field("op", n.op)
        w.key("next")
        w.beginArray()
        for e in n.next {
            w.beginArray()
            w.value(e?.node)
            w.value(e?.inputNr ?? 0)
            w.endArray()
        }
        w.endArray()
        w.key("saved")
        w.beginArray()
        for b in n.saved {
            w.beginObject()
            w.field("name", b.name)
            w.field("shape", b.shape)
            w.field("dtype", b.dtype.name)
            w.field("bytes", b.bytes)
            w.field("saved_version", b.savedVersion)
            w.field("is_output", b.isOutput)
            w.field("state", b.state.keyword)
            w.field("freed_by_pass", b.freedByPass)
            w.key("invalidated")
            if let i = b.invalidation {
                w.beginObject()
                w.field("line", i.line)
                w.field("op", i.op)
                w.field("version", i.version)
                w.endObject()
            } else {
                w.null()
            }
            if b.isPacked { w.field("packed", true) }
            w.endObject()
        }
        w.endArray()
        w.field("variable", n.variable)
        w.field("pass", n.pass)
        w.endObject()
    }

    private func writePass(_ p: BackwardRecord, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("id", p.id)
        w.field("kind", p.kind.rawValue)
        w.field("line", p.line)
        w.field("roots", p.roots)
        w.field("root_tensors", p.rootTensors)
        w.field("inputs", p.inputs)
        w.field("retain_graph", p.retainGraph)
        w.field("create_graph", p.createGraph)
        w.field("ops_before", p.opsBefore)
        w.field("tensors_before", p.tensorsBefore)
        w.field("executed", p.executed)
        w.key("edges")
        w.beginArray()
        for e in p.edgeGradients {
            w.beginObject()
            w.field("from", e.from)
            w.field("index", e.index)
            w.field("to", e.to)
            w.field("input_nr", e.inputNr)
            w.key("grad")
            Self.writeSummary(e.grad, &w)
            w.endObject()
        }
        w.endArray()
        w.key("accumulated")
        w.beginArray()
        for a in p.accumulated {
            w.beginObject()
            w.field("tensor", a.tensor)
            w.key("grad")
            Self.writeSummary(a.grad, &w)
            w.key("total")
            Self.writeSummary(a.total, &w)
            w.endObject()
        }
        w.endArray()
        w.field("freed", p.freed)
        w.key("hooks")
        w.beginArray()
        for h in p.hooks {
            w.beginObject()
            w.field("node", h.node)
            w.field("output_nr", h.outputNr)
            w.field("replaced", h.replaced)
            w.endObject()
        }
        w.endArray()
        w.key("error")
        Self.writeError(p.error, &w)
        w.key("anomaly")
        if let a = p.anomaly {
            w.beginObject()
            w.field("node", a.node)
            w.field("output", a.output)
            w.endObject()
        } else {
            w.null()
        }
        w.key("canonical")
        if let c = canonicalLine(for: p) { w.value(c) } else { w.null() }
        w.endObject()
    }

    /// Writes a gradient summary (`null` for nil) as the dump does.
    package static func writeSummary(_ s: GradSummary?, _ w: inout JSONWriter) {
        guard let s else { return w.null() }
        w.beginObject()
        w.field("shape", s.shape)
        w.key("norm")
        w.value(s.norm)
        w.key("min")
        if let m = s.min { w.value(m) } else { w.null() }
        w.key("max")
        if let m = s.max { w.value(m) } else { w.null() }
        w.field("nan", s.nanCount)
        w.field("inf", s.infCount)
        w.key("values")
        if let v = s.values {
            w.beginArray()
            for x in v { w.value(x) }
            w.endArray()
        } else {
            w.null()
        }
        w.endObject()
    }

    /// Writes an error record (`null` for nil) as the dump does.
    package static func writeError(_ e: ErrorRecord?, _ w: inout JSONWriter) {
        guard let e else { return w.null() }
        w.beginObject()
        w.field("line", e.line)
        w.field("type", e.type)
        w.field("message", e.message)
        w.endObject()
    }

    /// The `analysis` object; with `canonical` (in `/3`, whose passes leave it out) each pass's
    /// canonical line too.
    func writeAnalysis(_ explanation: (BlockReason) -> String, canonical: Bool, _ w: inout JSONWriter) {
        w.key("analysis")
        w.beginObject()
        let params = parameters
        w.field("parameters", params)
        w.field("inputs", inputs)
        w.key("detached_subgraphs")
        w.beginArray()
        for s in detachedSubgraphs() {
            w.beginObject()
            switch s.cut {
            case .detach(let d):
                w.field("cut", "detach")
                w.field("detach", d)
            case .noGradRegion(let r):
                w.field("cut", "no_grad_region")
                w.field("region", r)
            case .noGradOp(let o):
                w.field("cut", "no_grad_op")
                w.field("op", o)
            }
            w.field("line", s.line)
            w.field("ops", s.ops)
            w.field("tensors", s.tensors)
            w.endObject()
        }
        w.endArray()
        w.key("gradient_flow")
        w.beginArray()
        for f in gradientFlow(of: params) {
            w.beginObject()
            w.field("pass", f.pass)
            w.field("tensor", f.tensor)
            w.field("reached", f.reached)
            w.key("paths")
            w.beginArray()
            for p in f.paths { w.ints(p) }
            w.endArray()
            if let b = f.blocked {
                w.key("reason")
                w.beginObject()
                w.field("kind", b.keyword)
                w.field("line", b.line)
                w.field("explanation", explanation(b))
                w.endObject()
            } else {
                w.key("reason")
                w.null()
            }
            w.endObject()
        }
        w.endArray()
        if canonical {
            w.key("canonical")
            w.beginArray()
            var numbers = CanonicalNumbers(nodeCount: nodes.count)
            var names = CanonicalNames(escaped: true)
            for p in backwardPasses {
                if p.roots.isEmpty {
                    w.null()
                } else {
                    w.value(escapedBy: { writeCanonicalLine(for: p, numbers: &numbers, names: &names, into: $0) })
                }
            }
            w.endArray()
        }
        w.endObject()
    }
}
