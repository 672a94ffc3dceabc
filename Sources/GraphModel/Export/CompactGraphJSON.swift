/// The graph as compact JSON, schema `gradscope.graph/3` (docs/graph-json.md): the records of
/// `/2` without their ids (an id is the position), every field at its documented default left
/// out, and names, dtypes and paths written once in the `strings` table and referred to by index.
extension Graph {
    /// The `/3` document; `explanation` words the `analysis` object's reasons, as for `/2`.
    func compactJSON(explaining explanation: ((BlockReason) -> String)?) -> String {
        var w = JSONWriter(reserving: 64 * (2 * tensors.count + ops.count + nodes.count) + 1024)
        writeCompactJSON(explaining: explanation, &w)
        return w.text
    }

    /// Writes the `/3` document into `w`.
    func writeCompactJSON(explaining explanation: ((BlockReason) -> String)?, _ w: inout JSONWriter) {
        var table = StringTable()
        var interned = InternedIDs()
        var cursors = TensorCursors(
            regions: RunCursor(tensors.regions), producerRegions: RunCursor(ops.regions),
            rareNames: SparseRowCursor(tensors.rareNames.keys))
        var opRegions = RunCursor(ops.regions)
        w.beginObject()
        w.field("schema", GraphJSONVersion.v3.schema)
        array("tensors", tensors.indices, &w) { t, w in writeCompactTensor(t, &cursors, &interned, &table, &w) }
        if !attributeSets.isEmpty {
            w.key("attribute_sets")
            w.beginArray()
            for set in attributeSets { Self.writeAttributes(set, &w) }
            w.endArray()
        }
        array("ops", ops.indices, &w) { o, w in writeCompactOp(o, &opRegions, &interned, &table, &w) }
        let opOfNode = Self.opsOfNodes(ops, nodeCount: nodes.count)
        array("nodes", nodes.indices, &w) { n, w in writeCompactNode(n, defaultOp: opOfNode[n], &interned, &table, &w) }
        array("regions", regions, &w) { r, w in
            w.field("kind", r.kind.rawValue)
            w.field("start_line", r.startLine)
            if let end = r.endLine { w.field("end_line", end) }
            if let parent = r.parent { w.field("parent", parent) }
        }
        array("detaches", detaches, &w) { d, w in
            w.field("kind", d.kind.rawValue)
            w.field("source", d.source)
            w.field("result", d.result)
            w.field("line", d.line)
            if d.sourceRequiredGrad { w.field("source_required_grad", true) }
            w.field("ops_before", d.opsBefore)
        }
        array("backward_passes", backwardPasses, &w) { p, w in writeCompactPass(p, &w) }
        array("grad_reads", gradReads, &w) { r, w in
            w.field("tensor", r.tensor)
            w.field("line", r.line)
            w.field("passes_before", r.passesBefore)
        }
        array("modules", modules, &w) { m, w in writeCompactModule(m, &table, &w) }
        if let loops = loopStatements { Self.writeLoopStatements(loops, &w) }
        if let last = lastLine {
            w.field("lines_run", linesRun)
            w.field("last_line", last)
        }
        if let error {
            w.key("error")
            Self.writeError(error, &w)
        }
        w.key("strings")
        w.beginArray()
        for s in table.strings { w.value(s) }
        w.endArray()
        if let explanation { writeAnalysis(explanation, canonical: true, &w) }
        w.endObject()
    }

    /// Writes `"key":[{...},...]` with one object per element, or nothing when `elements` is empty.
    private func array<T>(
        _ key: StaticString, _ elements: some Collection<T>, _ w: inout JSONWriter, _ fields: (T, inout JSONWriter) -> Void
    ) {
        guard !elements.isEmpty else { return }
        w.key(key)
        w.beginArray()
        for e in elements {
            w.beginObject()
            fields(e, &w)
            w.endObject()
        }
        w.endArray()
    }

    // Tensors, ops and nodes are read column by column (no record built per row) and their
    // names interned once per distinct name (`InternedIDs`).

    private func writeCompactTensor(
        _ t: Int, _ cursors: inout TensorCursors, _ interned: inout InternedIDs, _ table: inout StringTable,
        _ w: inout JSONWriter
    ) {
        let rare = cursors.rareNames.contains(t) ? tensors.rareNames(of: t) : nil
        if let path = rare?.parameterPath {
            let label = path.firstIndex(of: ".").map { String(path[path.index(after: $0)...]) } ?? path
            if label != tensors.names(of: t).first { w.field("label", table.intern(label)) }
        }
        let listID = tensors.nameListID(of: t)
        if !interned.names.has(listID) { interned.names.add(listID, tensors.names(of: t).map { table.intern($0) }) }
        interned.names.writeField(listID, &w)
        let shapeID = tensors.shapeID(of: t)
        if !interned.shapes.has(shapeID) { interned.shapes.add(shapeID, tensors.shape(of: t)) }
        interned.shapes.writeField(shapeID, &w)
        let dtype = tensors.dtype(of: t)
        if dtype != .float32 { w.field("dtype", table.index(pooled: dtype.rawValue, dtype.name, &interned.dtypes)) }
        let gradFn = tensors.gradFn(of: t)
        let requiresGrad = tensors.requiresGrad(of: t)
        let isLeaf = tensors.isLeaf(of: t)
        if requiresGrad != (gradFn != nil) { w.field("requires_grad", requiresGrad) }
        if isLeaf != (gradFn == nil) { w.field("is_leaf", isLeaf) }
        let version = tensors.version(of: t)
        if version != 0 { w.field("version", version) }
        let source = tensors.source(of: t)
        if source != .op {
            w.key("source")
            w.value(keyword: source.keyword)
        }
        if let factory = rare?.factory, !factory.isEmpty { w.field("factory", table.intern(factory)) }
        let producer = tensors.producer(of: t)
        if let producer { w.field("producer", producer) }
        if let detach = tensors.detach(of: t) { w.field("detach", detach) }
        let defaults = TensorDefaults(producer: producer, in: ops, regions: &cursors.producerRegions)
        let line = tensors.line(of: t)
        if line != defaults.line { w.field("line", line) }
        let region = cursors.regions.id(at: t)
        if region != defaults.region { w.field("region", region) }
        if gradFn != defaults.gradFn { w.field("grad_fn", gradFn) }
        if let a = tensors.accumulateGrad(of: t) { w.field("accumulate_grad", a) }
        let pass = tensors.pass(of: t)
        if pass != defaults.pass { w.field("pass", pass) }
        if !tensorValues.isEmpty, let previews = tensorValues[t] {
            w.key("values")
            Self.writeValues(previews, &w)
        }
    }

    private func writeCompactOp(
        _ o: Int, _ regions: inout RunCursor, _ interned: inout InternedIDs, _ table: inout StringTable,
        _ w: inout JSONWriter
    ) {
        w.field("name", table.index(pooled: ops.nameID(of: o), ops.name(of: o), &interned.opNames))
        let inputs = ops.storedInputs(of: o)
        if !inputs.isEmpty { w.field("inputs", inputs) }
        let outputs = ops.storedOutputs(of: o)
        if !outputs.isEmpty { w.field("outputs", outputs) }
        w.field("line", ops.line(of: o))
        if let region = regions.id(at: o) { w.field("region", region) }
        if !ops.gradEnabled(o) { w.field("grad_enabled", false) }
        if let g = ops.gradFn(of: o) { w.field("grad_fn", g) }
        if ops.isInPlace(o) { w.field("in_place", true) }
        if let pass = ops.pass(of: o) { w.field("pass", pass) }
        if let inner = ops.innerLine(of: o) { w.field("inner_line", inner) }
        let callLines = ops.callLines(of: o)
        if !callLines.isEmpty { w.field("call_lines", callLines) }
        if let set = attributeSet(ofOp: o) { w.field("attributes", set) }
    }

    private func writeCompactNode(
        _ n: Int, defaultOp: Int?, _ interned: inout InternedIDs, _ table: inout StringTable, _ w: inout JSONWriter
    ) {
        w.field("name", table.index(pooled: nodes.nameID(of: n), nodes.name(of: n), &interned.nodeNames))
        let op = nodes.op(of: n)
        if op != defaultOp { w.field("op", op) }
        let line = nodes.line(of: n)
        let opLine: Int? = if let op { ops.line(of: op) } else { nil }
        if line != opLine { w.field("line", line) }
        let nextCount = nodes.nextCount(of: n)
        if nextCount > 0 {
            w.key("next")
            w.beginArray()
            for k in 0..<nextCount {
                let e = nodes.nextEdge(k, of: n)
                if let e, e.inputNr != 0 {
                    w.beginArray()
                    w.value(e.node)
                    w.value(e.inputNr)
                    w.endArray()
                } else {
                    w.value(e?.node)
                }
            }
            w.endArray()
        }
        let savedCount = nodes.savedCount(of: n)
        if savedCount > 0 {
            w.key("saved")
            w.beginArray()
            for k in 0..<savedCount { writeCompactSaved(nodes.storedBuffer(k, of: n), &interned, &table, &w) }
            w.endArray()
        }
        if let v = nodes.variable(of: n) { w.field("variable", v) }
        if let pass = nodes.pass(of: n) { w.field("pass", pass) }
    }

    private func writeCompactSaved(
        _ b: StoredSavedBuffer, _ interned: inout InternedIDs, _ table: inout StringTable, _ w: inout JSONWriter
    ) {
        w.beginObject()
        // Saved-buffer names share the node table's pool with node names.
        w.field("name", table.index(pooled: b.nameID, nodes.pooledName(b.nameID), &interned.nodeNames))
        let shape = nodes.pooledShape(b.shapeID)
        if !shape.isEmpty { w.field("shape", shape) }
        if b.dtype != .float32 { w.field("dtype", table.index(pooled: b.dtype.rawValue, b.dtype.name, &interned.dtypes)) }
        if b.bytes != SavedBuffer.defaultBytes(shape: shape, dtype: b.dtype) { w.field("bytes", b.bytes) }
        if b.savedVersion != 0 { w.field("saved_version", b.savedVersion) }
        if b.isOutput { w.field("is_output", true) }
        if let pass = b.freedByPass { w.field("freed_by_pass", pass) }
        if let i = b.invalidation {
            w.key("invalidated")
            w.beginObject()
            w.field("line", i.line)
            w.field("op", table.intern(i.op))
            w.field("version", i.version)
            w.endObject()
        }
        if b.isPacked { w.field("packed", true) }
        w.endObject()
    }

    private func writeCompactPass(_ p: BackwardRecord, _ w: inout JSONWriter) {
        if p.kind != .backward { w.field("kind", p.kind.rawValue) }
        w.field("line", p.line)
        if !p.roots.isEmpty { w.field("roots", p.roots) }
        if !p.rootTensors.isEmpty { w.field("root_tensors", p.rootTensors) }
        if !p.inputs.isEmpty { w.field("inputs", p.inputs) }
        if p.retainGraph { w.field("retain_graph", true) }
        if p.createGraph { w.field("create_graph", true) }
        w.field("ops_before", p.opsBefore)
        w.field("tensors_before", p.tensorsBefore)
        if !p.executed.isEmpty { w.field("executed", p.executed) }
        let edges = p.edgeGradients
        array("edges", edges.indices, &w) { i, w in
            let e = edges.ids(i)
            w.field("from", e.from)
            if e.index != 0 { w.field("index", e.index) }
            let target = (0..<nodes.nextCount(of: e.from)).contains(e.index) ? nodes.nextEdge(e.index, of: e.from) : nil
            if e.to != target?.node || e.inputNr != target?.inputNr {
                w.field("to", e.to)
                w.field("input_nr", e.inputNr)
            }
            guard e.summary >= 0 else { return }
            w.key("grad")
            let written: Void? = edges.withValues(ofSummary: e.summary) { shape, values in
                // A summary kept as its values follows from them: `{shape, values}` alone.
                w.beginObject()
                if !shape.isEmpty { w.field("shape", shape) }
                w.key("values")
                w.doubles(values)
                w.endObject()
            }
            if written == nil { Self.writeCompactSummary(edges.fullSummary(e.summary), &w) }
        }
        array("accumulated", p.accumulated, &w) { a, w in
            w.field("tensor", a.tensor)
            w.key("grad")
            Self.writeCompactSummary(a.grad, &w)
            if !a.total.sameValues(as: a.grad) {
                w.key("total")
                Self.writeCompactSummary(a.total, &w)
            }
        }
        if !p.freed.isEmpty { w.field("freed", p.freed) }
        array("hooks", p.hooks, &w) { h, w in
            w.field("node", h.node)
            if h.outputNr != 0 { w.field("output_nr", h.outputNr) }
            if h.replaced { w.field("replaced", true) }
        }
        if let error = p.error {
            w.key("error")
            Self.writeError(error, &w)
        }
        if let a = p.anomaly {
            w.key("anomaly")
            w.beginObject()
            w.field("node", a.node)
            w.field("output", a.output)
            w.endObject()
        }
    }

    /// A summary whose values give the rest is written as `{shape, values}` alone.
    private static func writeCompactSummary(_ s: GradSummary, _ w: inout JSONWriter) {
        w.beginObject()
        if !s.shape.isEmpty { w.field("shape", s.shape) }
        if let values = s.values, s.followsFromValues {
            w.key("values")
            w.beginArray()
            for x in values { w.value(x) }
            w.endArray()
            return w.endObject()
        }
        w.key("norm")
        w.value(s.norm)
        if let m = s.min {
            w.key("min")
            w.value(m)
        }
        if let m = s.max {
            w.key("max")
            w.value(m)
        }
        if s.nanCount != 0 { w.field("nan", s.nanCount) }
        if s.infCount != 0 { w.field("inf", s.infCount) }
        if let values = s.values {
            w.key("values")
            w.beginArray()
            for x in values { w.value(x) }
            w.endArray()
        }
        w.endObject()
    }

    private func writeCompactModule(_ m: ModuleCall, _ table: inout StringTable, _ w: inout JSONWriter) {
        w.field("path", table.intern(m.path))
        w.field("class", table.intern(m.className))
        if !m.summary.isEmpty { w.field("summary", table.intern(m.summary)) }
        if let parent = m.parent { w.field("parent", parent) }
        if let region = m.region { w.field("region", region) }
        w.field("line", m.line)
        if !m.ops.isEmpty { w.field("ops", m.ops) }
        array("parameters", m.parameters, &w) { p, w in
            w.field("name", table.intern(p.name))
            w.field("tensor", p.tensor)
        }
    }
}

/// The sparse and run-length columns the `/3` writer reads for each tensor in order: the
/// tensor's region, its producer's (for the defaults), and whether it has rare names.
private struct TensorCursors {
    var regions: RunCursor
    var producerRegions: RunCursor
    var rareNames: SparseRowCursor
}

extension TensorSource {
    /// `rawValue` as a literal, written without escaping or a string built.
    fileprivate var keyword: StaticString {
        switch self {
        case .factory: "factory"
        case .op: "op"
        case .detach: "detach"
        case .data: "data"
        case .backward: "backward"
        case .untracked: "untracked"
        }
    }
}
