// The backward half of a dump (docs/graph-json.md: Pass with its edges, accumulations, hooks
// and gradient summaries; grad reads; Error), each decoded into the record `json()` wrote it from.

/// A backward Pass; `canonical` is derived, so not read.
struct DecodedPass: Decodable {
    let record: BackwardRecord

    private enum Key: String, CodingKey {
        case id, kind, line, roots, rootTensors = "root_tensors", inputs, retainGraph = "retain_graph"
        case createGraph = "create_graph", opsBefore = "ops_before", tensorsBefore = "tensors_before", executed
        case edges, accumulated, freed, hooks, error, anomaly
    }

    private enum AnomalyKey: String, CodingKey { case node, output }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var p = BackwardRecord(
            id: try c.decodeIndex(forKey: .id), kind: try c.decode(BackwardKind.self, forKey: .kind, unknown: "pass kind"),
            line: try c.decodeIndex(forKey: .line), roots: try c.decodeIndices(forKey: .roots),
            rootTensors: try c.decodeIndices(forKey: .rootTensors), inputs: try c.decodeIndices(forKey: .inputs),
            retainGraph: try c.decode(Bool.self, forKey: .retainGraph),
            createGraph: try c.decode(Bool.self, forKey: .createGraph),
            opsBefore: try c.decodeCount(forKey: .opsBefore), tensorsBefore: try c.decodeCount(forKey: .tensorsBefore))
        p.executed = try c.decodeIndices(forKey: .executed)
        p.edgeGradients = EdgeGradientList(try c.decode([DecodedEdgeGradient].self, forKey: .edges).map(\.record))
        p.accumulated = try c.decode([DecodedAccumulation].self, forKey: .accumulated).map(\.record)
        p.freed = try c.decodeIndices(forKey: .freed)
        p.hooks = try c.decode([DecodedHook].self, forKey: .hooks).map(\.record)
        p.error = try c.decodeIfPresent(DecodedError.self, forKey: .error)?.record
        if c.contains(.anomaly), try !c.decodeNil(forKey: .anomaly) {
            let a = try c.nestedContainer(keyedBy: AnomalyKey.self, forKey: .anomaly)
            p.anomaly = AnomalyRecord(
                node: try a.decodeIndex(forKey: .node), output: try a.decodeIndex(forKey: .output))
        }
        record = p
    }
}

/// An Edge: the gradient (or null) one executed node sent along one next edge.
struct DecodedEdgeGradient: Decodable {
    let record: EdgeGradient

    private enum Key: String, CodingKey { case from, index, to, inputNr = "input_nr", grad }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        record = EdgeGradient(
            from: try c.decodeIndex(forKey: .from), index: try c.decodeIndex(forKey: .index),
            to: try c.decodeIndex(forKey: .to), inputNr: try c.decodeIndex(forKey: .inputNr),
            grad: try c.decodeIfPresent(DecodedSummary.self, forKey: .grad)?.summary)
    }
}

/// An `accumulated` entry: both summaries are required.
struct DecodedAccumulation: Decodable {
    let record: Accumulation

    private enum Key: String, CodingKey { case tensor, grad, total }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        record = Accumulation(
            tensor: try c.decodeIndex(forKey: .tensor), grad: try c.decode(DecodedSummary.self, forKey: .grad).summary,
            total: try c.decode(DecodedSummary.self, forKey: .total).summary)
    }
}

/// A `hooks` entry.
struct DecodedHook: Decodable {
    let record: HookRecord

    private enum Key: String, CodingKey { case node, outputNr = "output_nr", replaced }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        record = HookRecord(
            node: try c.decodeIndex(forKey: .node), outputNr: try c.decodeIndex(forKey: .outputNr),
            replaced: try c.decode(Bool.self, forKey: .replaced))
    }
}

/// A gradient Summary. Its numbers may be the strings `"nan"`, `"inf"`, `"-inf"`: the decoder's
/// `nonConformingFloatDecodingStrategy` (set by `GraphDocument.decode`) reads them as Doubles.
struct DecodedSummary: Decodable {
    let summary: GradSummary

    private enum Key: String, CodingKey { case shape, norm, min, max, nan, inf, values }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        summary = GradSummary(
            shape: try c.decodeShape(forKey: .shape), norm: try c.decode(Double.self, forKey: .norm),
            min: try c.decodeIfPresent(Double.self, forKey: .min), max: try c.decodeIfPresent(Double.self, forKey: .max),
            nanCount: try c.decodeCount(forKey: .nan), infCount: try c.decodeCount(forKey: .inf),
            values: try c.decodeIfPresent([Double].self, forKey: .values))
    }
}

/// A `grad_reads` entry.
struct DecodedGradRead: Decodable {
    let record: GradRead

    private enum Key: String, CodingKey { case tensor, line, passesBefore = "passes_before" }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        record = GradRead(
            tensor: try c.decodeIndex(forKey: .tensor), line: try c.decodeIndex(forKey: .line),
            passesBefore: try c.decodeIndex(forKey: .passesBefore))
    }
}

/// An Error (the script's, or a pass's).
struct DecodedError: Decodable {
    let record: ErrorRecord

    private enum Key: String, CodingKey { case line, type, message }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        record = ErrorRecord(
            line: try c.decodeIndex(forKey: .line), type: try c.decode(String.self, forKey: .type),
            message: try c.decode(String.self, forKey: .message))
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
