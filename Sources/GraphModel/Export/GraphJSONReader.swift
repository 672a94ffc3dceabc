import Autograd

/// Reading a `gradscope.graph/1` dump back (docs/graph-json.md): `Graph(json:)` gives the graph
/// `json()` wrote, so `Graph(json: g.json()).json() == g.json()`. The `analysis` object is
/// derived, so it is ignored and recomputed on demand.
extension Graph {
    /// Parses a JSON dump.
    ///
    /// - Throws: `GraphJSONError` naming the place and the problem, e.g.
    ///   `not a gradscope.graph/1 dump: tensors[3].shape: expected an array of integers`; ids that
    ///   point outside their arrays are errors too, so a read graph is always safe to walk.
    public init(json text: String) throws {
        let root = try JSONValue.parse(text)
        let r = Reader(path: "")
        let top = try r.object(root)
        let schema = try r.string(top, "schema")
        guard schema == Graph.schema else {
            throw GraphJSONError("not a \(Graph.schema) dump: schema is \"\(schema)\"")
        }
        self.init()
        tensors = try r.array(top, "tensors").enumerated().map { try r.at("tensors[\($0)]").tensor($1) }
        ops = try r.array(top, "ops").enumerated().map { try r.at("ops[\($0)]").op($1) }
        nodes = try r.array(top, "nodes").enumerated().map { try r.at("nodes[\($0)]").node($1) }
        regions = try r.array(top, "regions").enumerated().map { try r.at("regions[\($0)]").region($1) }
        detaches = try r.array(top, "detaches").enumerated().map { try r.at("detaches[\($0)]").detach($1) }
        backwardPasses = try r.array(top, "backward_passes").enumerated().map {
            try r.at("backward_passes[\($0)]").pass($1)
        }
        // `grad_reads` is optional: dumps made before it existed have none.
        gradReads = try (top["grad_reads"] == nil ? [] : r.array(top, "grad_reads")).enumerated().map { try r.at("grad_reads[\($0)]").gradRead($1) }
        error = try r.optionalError(top["error"] ?? .null)
        try validate()
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
            guard x.id == i else { throw GraphJSONError("not a \(Graph.schema) dump: tensors[\(i)]: id is \(x.id)") }
            try check(x.producer, o, "tensors[\(i)].producer"); try check(x.detach, d, "tensors[\(i)].detach")
            try check(x.region, g, "tensors[\(i)].region"); try check(x.gradFn, n, "tensors[\(i)].grad_fn")
            try check(x.accumulateGrad, n, "tensors[\(i)].accumulate_grad"); try check(x.pass, p, "tensors[\(i)].pass")
        }
        for (i, x) in ops.enumerated() {
            guard x.id == i else { throw GraphJSONError("not a \(Graph.schema) dump: ops[\(i)]: id is \(x.id)") }
            for v in x.inputs + x.outputs { try check(v, t, "ops[\(i)] inputs/outputs") }
            try check(x.region, g, "ops[\(i)].region"); try check(x.gradFn, n, "ops[\(i)].grad_fn")
            try check(x.pass, p, "ops[\(i)].pass")
        }
        for (i, x) in nodes.enumerated() {
            guard x.id == i else { throw GraphJSONError("not a \(Graph.schema) dump: nodes[\(i)]: id is \(x.id)") }
            try check(x.op, o, "nodes[\(i)].op"); try check(x.variable, t, "nodes[\(i)].variable")
            try check(x.pass, p, "nodes[\(i)].pass")
            for e in x.next { try check(e?.node, n, "nodes[\(i)].next") }
            for b in x.saved { try check(b.freedByPass, p, "nodes[\(i)].saved") }
        }
        for (i, x) in regions.enumerated() {
            guard x.id == i else { throw GraphJSONError("not a \(Graph.schema) dump: regions[\(i)]: id is \(x.id)") }
            try check(x.parent, g, "regions[\(i)].parent")
        }
        for (i, x) in detaches.enumerated() {
            guard x.id == i else { throw GraphJSONError("not a \(Graph.schema) dump: detaches[\(i)]: id is \(x.id)") }
            try check(x.source, t, "detaches[\(i)].source"); try check(x.result, t, "detaches[\(i)].result")
        }
        for (i, x) in backwardPasses.enumerated() {
            guard x.id == i else { throw GraphJSONError("not a \(Graph.schema) dump: backward_passes[\(i)]: id is \(x.id)") }
            for v in x.roots + x.executed + x.freed { try check(v, n, "backward_passes[\(i)] nodes") }
            for v in x.rootTensors + x.inputs { try check(v, t, "backward_passes[\(i)] tensors") }
            for e in x.edgeGradients {
                try check(e.from, n, "backward_passes[\(i)].edges"); try check(e.to, n, "backward_passes[\(i)].edges")
            }
            for a in x.accumulated { try check(a.tensor, t, "backward_passes[\(i)].accumulated") }
            for h in x.hooks { try check(h.node, n, "backward_passes[\(i)].hooks") }
        }
    }
}

/// Typed access to parsed JSON with the place in the document for error messages.
private struct Reader {
    let path: String

    func at(_ place: String) -> Reader { Reader(path: place) }

    func fail(_ key: String, _ what: String) -> GraphJSONError {
        let place = path.isEmpty ? key : key.isEmpty ? path : "\(path).\(key)"
        return GraphJSONError("not a \(Graph.schema) dump: \(place.isEmpty ? "top level" : place): \(what)")
    }

    func object(_ v: JSONValue, _ key: String = "") throws -> [String: JSONValue] {
        guard case .object(let o) = v else { throw fail(key, "expected an object") }
        return o
    }

    func array(_ o: [String: JSONValue], _ key: String) throws -> [JSONValue] {
        guard case .array(let a)? = o[key] else { throw fail(key, "expected an array") }
        return a
    }

    func string(_ o: [String: JSONValue], _ key: String) throws -> String {
        guard case .string(let s)? = o[key] else { throw fail(key, "expected a string") }
        return s
    }

    func optionalString(_ o: [String: JSONValue], _ key: String) throws -> String? {
        switch o[key] {
        case .string(let s)?: return s
        case .null?, nil: return nil
        default: throw fail(key, "expected a string or null")
        }
    }

    func bool(_ o: [String: JSONValue], _ key: String) throws -> Bool {
        guard case .bool(let b)? = o[key] else { throw fail(key, "expected true or false") }
        return b
    }

    func intValue(_ v: JSONValue, _ key: String) throws -> Int {
        guard case .number(let d) = v, d == d.rounded(), abs(d) < 1e15 else { throw fail(key, "expected an integer") }
        return Int(d)
    }

    func int(_ o: [String: JSONValue], _ key: String) throws -> Int { try intValue(o[key] ?? .null, key) }

    func optionalInt(_ o: [String: JSONValue], _ key: String) throws -> Int? {
        if case .null? = o[key] { return nil }
        if o[key] == nil { return nil }
        return try int(o, key)
    }

    func ints(_ o: [String: JSONValue], _ key: String) throws -> [Int] {
        guard case .array(let a)? = o[key] else { throw fail(key, "expected an array of integers") }
        return try a.map { try intValue($0, key) }
    }

    func double(_ v: JSONValue, _ key: String) throws -> Double {
        switch v {
        case .number(let d): return d
        case .string("nan"): return .nan
        case .string("inf"): return .infinity
        case .string("-inf"): return -.infinity
        default: throw fail(key, "expected a number")
        }
    }

    func dtype(_ o: [String: JSONValue]) throws -> DType {
        let name = try string(o, "dtype")
        guard let d = DType.allCases.first(where: { $0.name == name }) else { throw fail("dtype", "unknown dtype \(name)") }
        return d
    }

    func tensor(_ v: JSONValue) throws -> TensorRecord {
        let o = try object(v)
        let sourceName = try string(o, "source")
        guard let source = TensorSource(rawValue: sourceName) else { throw fail("source", "unknown source \(sourceName)") }
        var t = TensorRecord(
            id: try int(o, "id"), shape: try ints(o, "shape"), dtype: try dtype(o),
            requiresGrad: try bool(o, "requires_grad"), isLeaf: try bool(o, "is_leaf"), version: try int(o, "version"),
            source: source, factory: try optionalString(o, "factory") ?? "", producer: try optionalInt(o, "producer"),
            detach: try optionalInt(o, "detach"), line: try int(o, "line"), region: try optionalInt(o, "region"),
            pass: try optionalInt(o, "pass"))
        guard case .array(let names)? = o["names"] else { throw fail("names", "expected an array of strings") }
        t.names = try names.map { n in
            guard case .string(let s) = n else { throw fail("names", "expected an array of strings") }
            return s
        }
        t.gradFn = try optionalInt(o, "grad_fn")
        t.accumulateGrad = try optionalInt(o, "accumulate_grad")
        return t
    }

    func op(_ v: JSONValue) throws -> OpRecord {
        let o = try object(v)
        return OpRecord(
            id: try int(o, "id"), name: try string(o, "name"), inputs: try ints(o, "inputs"), outputs: try ints(o, "outputs"),
            line: try int(o, "line"), region: try optionalInt(o, "region"), gradEnabled: try bool(o, "grad_enabled"),
            gradFn: try optionalInt(o, "grad_fn"), isInPlace: try bool(o, "in_place"), pass: try optionalInt(o, "pass"))
    }

    func node(_ v: JSONValue) throws -> NodeRecord {
        let o = try object(v)
        let next = try array(o, "next").map { e -> NodeEdge? in
            guard case .array(let pair) = e, pair.count == 2 else { throw fail("next", "expected [node, input_nr] pairs") }
            if case .null = pair[0] { return nil }
            return NodeEdge(node: try intValue(pair[0], "next"), inputNr: try intValue(pair[1], "next"))
        }
        let buffers = try array(o, "saved").map { try self.saved($0) }
        var n = NodeRecord(id: try int(o, "id"), name: try string(o, "name"), line: try int(o, "line"), next: next,
                           saved: buffers, variable: try optionalInt(o, "variable"), pass: try optionalInt(o, "pass"))
        n.op = try optionalInt(o, "op")
        return n
    }

    func saved(_ v: JSONValue) throws -> SavedBuffer {
        let o = try object(v, "saved")
        var b = SavedBuffer(name: try string(o, "name"), shape: try ints(o, "shape"), dtype: try dtype(o),
                            bytes: try int(o, "bytes"), savedVersion: try int(o, "saved_version"),
                            isOutput: try bool(o, "is_output"))
        b.freedByPass = try optionalInt(o, "freed_by_pass")
        if case .object(let i)? = o["invalidated"] {
            b.invalidation = Invalidation(line: try int(i, "line"), op: try string(i, "op"), version: try int(i, "version"))
        }
        return b
    }

    func region(_ v: JSONValue) throws -> Region {
        let o = try object(v)
        let kindName = try string(o, "kind")
        guard let kind = RegionKind(rawValue: kindName) else { throw fail("kind", "unknown region kind \(kindName)") }
        return Region(id: try int(o, "id"), kind: kind, startLine: try int(o, "start_line"),
                      endLine: try optionalInt(o, "end_line"), parent: try optionalInt(o, "parent"))
    }

    func detach(_ v: JSONValue) throws -> DetachRecord {
        let o = try object(v)
        let kindName = try string(o, "kind")
        guard let kind = DetachKind(rawValue: kindName) else { throw fail("kind", "unknown detach kind \(kindName)") }
        return DetachRecord(id: try int(o, "id"), kind: kind, source: try int(o, "source"), result: try int(o, "result"),
                            line: try int(o, "line"), sourceRequiredGrad: try bool(o, "source_required_grad"),
                            opsBefore: try optionalInt(o, "ops_before") ?? 0)
    }

    func pass(_ v: JSONValue) throws -> BackwardRecord {
        let o = try object(v)
        let kindName = try string(o, "kind")
        guard let kind = BackwardKind(rawValue: kindName) else { throw fail("kind", "unknown pass kind \(kindName)") }
        var p = BackwardRecord(
            id: try int(o, "id"), kind: kind, line: try int(o, "line"), roots: try ints(o, "roots"),
            rootTensors: try ints(o, "root_tensors"), inputs: try ints(o, "inputs"),
            retainGraph: try bool(o, "retain_graph"), createGraph: try bool(o, "create_graph"),
            opsBefore: try int(o, "ops_before"), tensorsBefore: try int(o, "tensors_before"))
        p.executed = try ints(o, "executed")
        p.edgeGradients = try array(o, "edges").map { e in
            let x = try object(e, "edges")
            return EdgeGradient(from: try int(x, "from"), index: try int(x, "index"), to: try int(x, "to"),
                                inputNr: try int(x, "input_nr"), grad: try summary(x["grad"] ?? .null))
        }
        p.accumulated = try array(o, "accumulated").map { a in
            let x = try object(a, "accumulated")
            guard let g = try summary(x["grad"] ?? .null), let total = try summary(x["total"] ?? .null) else {
                throw fail("accumulated", "expected a gradient and a total")
            }
            return Accumulation(tensor: try int(x, "tensor"), grad: g, total: total)
        }
        p.freed = try ints(o, "freed")
        p.hooks = try array(o, "hooks").map { h in
            let x = try object(h, "hooks")
            return HookRecord(node: try int(x, "node"), outputNr: try int(x, "output_nr"), replaced: try bool(x, "replaced"))
        }
        p.error = try optionalError(o["error"] ?? .null)
        if case .object(let a)? = o["anomaly"] {
            p.anomaly = AnomalyRecord(node: try int(a, "node"), output: try int(a, "output"))
        }
        return p
    }

    func gradRead(_ v: JSONValue) throws -> GradRead {
        let o = try object(v)
        return GradRead(tensor: try int(o, "tensor"), line: try int(o, "line"), passesBefore: try int(o, "passes_before"))
    }

    func summary(_ v: JSONValue) throws -> GradSummary? {
        if case .null = v { return nil }
        let o = try object(v, "grad")
        var values: [Double]? = nil
        if case .array(let a)? = o["values"] { values = try a.map { try double($0, "values") } }
        func bound(_ key: String) throws -> Double? {
            switch o[key] {
            case .null?, nil: return nil
            case let v?: return try double(v, key)
            }
        }
        return GradSummary(shape: try ints(o, "shape"), norm: try double(o["norm"] ?? .null, "norm"),
                           min: try bound("min"), max: try bound("max"),
                           nanCount: try int(o, "nan"), infCount: try int(o, "inf"), values: values)
    }

    func optionalError(_ v: JSONValue) throws -> ErrorRecord? {
        if case .null = v { return nil }
        let o = try object(v, "error")
        return ErrorRecord(line: try int(o, "line"), type: try string(o, "type"), message: try string(o, "message"))
    }
}

extension GradSummary {
    /// A summary with the given fields (for reading dumps).
    init(shape: [Int], norm: Double, min: Double?, max: Double?, nanCount: Int, infCount: Int, values: [Double]?) {
        self.shape = shape
        self.norm = norm
        self.min = min
        self.max = max
        self.nanCount = nanCount
        self.infCount = infCount
        self.values = values
    }
}
