import Autograd

// Reading is Foundation's `JSONDecoder` decoding straight into typed records (`GraphDocument`
// and the `Decoded*` wrappers), and Foundation is not the bottleneck. CPU seconds (user, from
// `/usr/bin/time -f "%U %S %M"`) of `gradscope render big.json -o big.dot`, release builds, on
// the 122 MB dump of the 100k-op chain (`chainScript(ops: 100_000)`, made by `gradscope dump
// --format json`), runs alternated on the shared 2-core machine, in order:
//   typed JSONDecoder (this reader)           8.51 8.55 6.39 5.42 5.89   median 6.4, peak RSS 1.08 GB
//   hand-written parser (before Foundation)   8.10 9.24 7.16 5.87 7.88   median 7.9, peak RSS 1.08 GB
//   JSONDecoder into a generic JSONValue      43.6 39.0 33.1             median 39.0, peak RSS 1.45 GB
// All three write byte-identical DOT. `gradscope-bench --only dump` reports the read alone as
// `dump_read_s`.

/// Reading a `gradscope.graph/3`, `/2` or `/1` dump back (docs/graph-json.md): `Graph(json:)` gives the graph
/// `json()` wrote, so `Graph(json: g.json()).json() == g.json()`. The `analysis` object is
/// derived, so it is ignored and recomputed on demand.
extension Graph {
    /// Parses a JSON dump.
    ///
    /// - Throws: `GraphJSONError` naming the place and the problem, e.g.
    ///   `not a gradscope.graph/3 dump: tensors[3].shape: expected an array`; ids that
    ///   point outside their arrays are errors too, so a read graph is always safe to walk.
    public init(json text: String) throws {
        let document = try GraphDocument.decode(text)
        self.init()
        let ids = [("tensors", document.tensors.map(\.id)), ("ops", document.ops.map(\.id)), ("nodes", document.nodes.map(\.id))]
        for (table, ids) in ids {
            if let i = ids.indices.first(where: { ids[$0] != $0 }) {
                throw GraphJSONError("not a \(Graph.schema) dump: \(table)[\(i)]: id is \(ids[i])")
            }
        }
        tensors = TensorTable(document.tensors)
        ops = OpTable(document.ops)
        nodes = NodeTable(document.nodes)
        regions = document.regions
        detaches = document.detaches
        backwardPasses = document.backwardPasses
        gradReads = document.gradReads
        modules = document.modules
        error = document.error
        linesRun = document.linesRun
        lastLine = document.lastLine
        loopStatements = document.loopStatements
        attributeSets = document.attributeSets
        opAttributeSet = document.opAttributeSet
        tensorValues = document.tensorValues
        try validate()
        for m in modules { nameParameters(of: m) }
    }

    /// Checks that every id refers to an existing record.
    private func validate() throws {
        func check(_ id: Int?, _ count: Int, _ place: @autoclosure () -> String) throws {
            guard let id else { return }
            guard id >= 0 && id < count else {
                throw GraphJSONError("not a \(Graph.schema) dump: \(place()): id \(id) is out of range")
            }
        }
        let (t, o, n, g, d, p) = (tensors.count, ops.count, nodes.count, regions.count, detaches.count, backwardPasses.count)
        for (i, x) in tensors.enumerated() {
            try check(x.producer, o, "tensors[\(i)].producer")
            try check(x.detach, d, "tensors[\(i)].detach")
            try check(x.region, g, "tensors[\(i)].region")
            try check(x.gradFn, n, "tensors[\(i)].grad_fn")
            try check(x.accumulateGrad, n, "tensors[\(i)].accumulate_grad")
            try check(x.pass, p, "tensors[\(i)].pass")
        }
        for (i, x) in ops.enumerated() {
            for v in x.inputs + x.outputs { try check(v, t, "ops[\(i)] inputs/outputs") }
            try check(x.region, g, "ops[\(i)].region")
            try check(x.gradFn, n, "ops[\(i)].grad_fn")
            try check(x.pass, p, "ops[\(i)].pass")
        }
        for (i, x) in nodes.enumerated() {
            try check(x.op, o, "nodes[\(i)].op")
            try check(x.variable, t, "nodes[\(i)].variable")
            try check(x.pass, p, "nodes[\(i)].pass")
            for e in x.next { try check(e?.node, n, "nodes[\(i)].next") }
            for b in x.saved { try check(b.freedByPass, p, "nodes[\(i)].saved") }
        }
        for (i, x) in regions.enumerated() {
            guard x.id == i else { throw GraphJSONError("not a \(Graph.schema) dump: regions[\(i)]: id is \(x.id)") }
            guard x.parent.map({ $0 < i }) ?? true else {
                throw GraphJSONError("not a \(Graph.schema) dump: regions[\(i)].parent: a region's parent must come before it")
            }
        }
        for (i, x) in detaches.enumerated() {
            guard x.id == i else { throw GraphJSONError("not a \(Graph.schema) dump: detaches[\(i)]: id is \(x.id)") }
            try check(x.source, t, "detaches[\(i)].source")
            try check(x.result, t, "detaches[\(i)].result")
        }
        for (i, x) in modules.enumerated() {
            guard x.id == i else { throw GraphJSONError("not a \(Graph.schema) dump: modules[\(i)]: id is \(x.id)") }
            guard x.parent.map({ $0 < i }) ?? true else {
                throw GraphJSONError("not a \(Graph.schema) dump: modules[\(i)].parent: a call's parent must come before it")
            }
            try check(x.parent, modules.count, "modules[\(i)].parent")
            try check(x.region, g, "modules[\(i)].region")
            for v in x.ops { try check(v, o, "modules[\(i)].ops") }
            for v in x.parameters { try check(v.tensor, t, "modules[\(i)].parameters") }
        }
        for (i, x) in backwardPasses.enumerated() {
            guard x.id == i else { throw GraphJSONError("not a \(Graph.schema) dump: backward_passes[\(i)]: id is \(x.id)") }
            for v in x.roots + x.executed + x.freed { try check(v, n, "backward_passes[\(i)] nodes") }
            for v in x.rootTensors + x.inputs { try check(v, t, "backward_passes[\(i)] tensors") }
            for e in x.edgeGradients {
                try check(e.from, n, "backward_passes[\(i)].edges")
                try check(e.to, n, "backward_passes[\(i)].edges")
            }
            for a in x.accumulated { try check(a.tensor, t, "backward_passes[\(i)].accumulated") }
            for h in x.hooks { try check(h.node, n, "backward_passes[\(i)].hooks") }
        }
    }
}
