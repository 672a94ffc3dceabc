import Autograd

// The backward half of a `gradscope.graph/3` dump (docs/graph-json.md: Pass, Edge, Summary),
// and its module calls, completed with the defaults of CompactDefaults.swift.

/// A `/3` Pass.
struct CompactPass: Decodable {
    private let kind: BackwardKind
    private let line: Int
    private let roots: [Int]
    private let rootTensors: [Int]
    private let inputs: [Int]
    private let retainGraph: Bool
    private let createGraph: Bool
    private let opsBefore: Int
    private let tensorsBefore: Int
    private let executed: [Int]
    private let edges: [CompactEdge]
    private let accumulated: [CompactAccumulation]
    private let freed: [Int]
    private let hooks: [CompactHook]
    private let error: ErrorRecord?
    private let anomaly: AnomalyRecord?

    private enum Key: String, CodingKey {
        case kind, line, roots, rootTensors = "root_tensors", inputs, retainGraph = "retain_graph"
        case createGraph = "create_graph", opsBefore = "ops_before", tensorsBefore = "tensors_before", executed
        case edges, accumulated, freed, hooks, error, anomaly
    }

    private enum AnomalyKey: String, CodingKey { case node, output }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        kind = c.contains(.kind) ? try c.decode(BackwardKind.self, forKey: .kind, unknown: "pass kind") : .backward
        line = try c.decodeIndex(forKey: .line)
        roots = try c.decodeIndicesIfPresent(forKey: .roots) ?? []
        rootTensors = try c.decodeIndicesIfPresent(forKey: .rootTensors) ?? []
        inputs = try c.decodeIndicesIfPresent(forKey: .inputs) ?? []
        retainGraph = try c.decodeIfPresent(Bool.self, forKey: .retainGraph) ?? false
        createGraph = try c.decodeIfPresent(Bool.self, forKey: .createGraph) ?? false
        opsBefore = try c.decodeCount(forKey: .opsBefore)
        tensorsBefore = try c.decodeCount(forKey: .tensorsBefore)
        executed = try c.decodeIndicesIfPresent(forKey: .executed) ?? []
        edges = try c.decodeIfPresent([CompactEdge].self, forKey: .edges) ?? []
        accumulated = try c.decodeIfPresent([CompactAccumulation].self, forKey: .accumulated) ?? []
        freed = try c.decodeIndicesIfPresent(forKey: .freed) ?? []
        hooks = try c.decodeIfPresent([CompactHook].self, forKey: .hooks) ?? []
        error = try c.decodeIfPresent(DecodedError.self, forKey: .error)?.record
        if c.contains(.anomaly) {
            let a = try c.nestedContainer(keyedBy: AnomalyKey.self, forKey: .anomaly)
            anomaly = AnomalyRecord(node: try a.decodeIndex(forKey: .node), output: try a.decodeIndex(forKey: .output))
        } else {
            anomaly = nil
        }
    }

    /// The record; an edge's `to` and `input_nr` default to its `from` node's next edge.
    func record(id: Int, nodes: [NodeRecord]) throws -> BackwardRecord {
        var p = BackwardRecord(
            id: id, kind: kind, line: line, roots: roots, rootTensors: rootTensors, inputs: inputs,
            retainGraph: retainGraph, createGraph: createGraph, opsBefore: opsBefore, tensorsBefore: tensorsBefore)
        p.executed = executed
        p.edgeGradients = EdgeGradientList(
            try edges.enumerated().map { try $1.record(nodes: nodes, place: "backward_passes[\(id)].edges[\($0)]") })
        p.accumulated = accumulated.map(\.record)
        p.freed = freed
        p.hooks = hooks.map(\.record)
        p.error = error
        p.anomaly = anomaly
        return p
    }
}

/// A `/3` Edge.
struct CompactEdge: Decodable {
    private let from: Int
    private let index: Int
    private let target: (to: Int, inputNr: Int)?
    private let grad: GradSummary?

    private enum Key: String, CodingKey { case from, index, to, inputNr = "input_nr", grad }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        from = try c.decodeIndex(forKey: .from)
        index = try c.decodeIndexIfPresent(forKey: .index) ?? 0
        target = c.contains(.to) ? (try c.decodeIndex(forKey: .to), try c.decodeIndex(forKey: .inputNr)) : nil
        grad = try c.decodeIfPresent(CompactSummary.self, forKey: .grad)?.summary
    }

    func record(nodes: [NodeRecord], place: @autoclosure () -> String) throws -> EdgeGradient {
        if let target { return EdgeGradient(from: from, index: index, to: target.to, inputNr: target.inputNr, grad: grad) }
        guard nodes.indices.contains(from), nodes[from].next.indices.contains(index), let edge = nodes[from].next[index] else {
            throw GraphJSONError("not a \(Graph.schema) dump: \(place()).to: missing, and node \(from) has no next edge \(index)")
        }
        return EdgeGradient(from: from, index: index, to: edge.node, inputNr: edge.inputNr, grad: grad)
    }
}

/// A `/3` `accumulated` entry; `total` defaults to `grad`.
struct CompactAccumulation: Decodable {
    let record: Accumulation

    private enum Key: String, CodingKey { case tensor, grad, total }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let grad = try c.decode(CompactSummary.self, forKey: .grad).summary
        record = Accumulation(
            tensor: try c.decodeIndex(forKey: .tensor), grad: grad,
            total: try c.decodeIfPresent(CompactSummary.self, forKey: .total)?.summary ?? grad)
    }
}

/// A `/3` `hooks` entry.
struct CompactHook: Decodable {
    let record: HookRecord

    private enum Key: String, CodingKey { case node, outputNr = "output_nr", replaced }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        record = HookRecord(
            node: try c.decodeIndex(forKey: .node), outputNr: try c.decodeIndexIfPresent(forKey: .outputNr) ?? 0,
            replaced: try c.decodeIfPresent(Bool.self, forKey: .replaced) ?? false)
    }
}

/// A `/3` Summary: `{shape, values}` alone when the values give the rest, else as in `/2` with
/// `min`, `max` left out when null and `nan`, `inf` when 0.
struct CompactSummary: Decodable {
    let summary: GradSummary

    private enum Key: String, CodingKey { case shape, norm, min, max, nan, inf, values }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let shape = c.contains(.shape) ? try c.decodeShape(forKey: .shape) : []
        let values = try c.decodeIfPresent([Double].self, forKey: .values)
        guard c.contains(.norm) else {
            guard let values else {
                throw DecodingError.keyNotFound(Key.norm, .init(codingPath: c.codingPath, debugDescription: ""))
            }
            summary = GradSummary(values: values, shape: shape)
            return
        }
        summary = GradSummary(
            shape: shape, norm: try c.decode(Double.self, forKey: .norm), min: try c.decodeIfPresent(Double.self, forKey: .min),
            max: try c.decodeIfPresent(Double.self, forKey: .max), nanCount: try c.decodeIfPresent(Int.self, forKey: .nan) ?? 0,
            infCount: try c.decodeIfPresent(Int.self, forKey: .inf) ?? 0, values: values)
    }
}

/// A `/3` module call.
struct CompactModuleCall: Decodable {
    private let path: Int
    private let className: Int
    private let summary: Int?
    private let parent: Int?
    private let region: Int?
    private let line: Int
    private let ops: [Int]
    private let parameters: [(name: Int, tensor: Int)]

    private enum Key: String, CodingKey { case path, className = "class", summary, parent, region, line, ops, parameters }
    private enum ParameterKey: String, CodingKey { case name, tensor }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        path = try c.decodeIndex(forKey: .path)
        className = try c.decodeIndex(forKey: .className)
        summary = try c.decodeIndexIfPresent(forKey: .summary)
        parent = try c.decodeIndexIfPresent(forKey: .parent)
        region = try c.decodeIndexIfPresent(forKey: .region)
        line = try c.decodeIndex(forKey: .line)
        ops = try c.decodeIndicesIfPresent(forKey: .ops) ?? []
        var list: [(name: Int, tensor: Int)] = []
        if c.contains(.parameters) {
            var items = try c.nestedUnkeyedContainer(forKey: .parameters)
            while !items.isAtEnd {
                let p = try items.nestedContainer(keyedBy: ParameterKey.self)
                list.append((try p.decodeIndex(forKey: .name), try p.decodeIndex(forKey: .tensor)))
            }
        }
        parameters = list
    }

    func record(id: Int, strings: DumpStrings) throws -> ModuleCall {
        let place = "modules[\(id)]"
        return ModuleCall(
            id: id, path: try strings.at(path, "\(place).path"), className: try strings.at(className, "\(place).class"),
            summary: try summary.map { try strings.at($0, "\(place).summary") } ?? "", parent: parent, region: region,
            line: line, ops: ops,
            parameters: try parameters.map {
                ModuleParameter(name: try strings.at($0.name, "\(place).parameters"), tensor: $0.tensor)
            })
    }
}

/// A `/3` Region.
struct CompactRegion: Decodable {
    private let kind: RegionKind
    private let startLine: Int
    private let endLine: Int?
    private let parent: Int?

    private enum Key: String, CodingKey { case kind, startLine = "start_line", endLine = "end_line", parent }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        kind = try c.decode(RegionKind.self, forKey: .kind, unknown: "region kind")
        startLine = try c.decodeIndex(forKey: .startLine)
        endLine = try c.decodeIndexIfPresent(forKey: .endLine)
        parent = try c.decodeIndexIfPresent(forKey: .parent)
    }

    func record(id: Int) -> Region { Region(id: id, kind: kind, startLine: startLine, endLine: endLine, parent: parent) }
}

/// A `/3` Detach.
struct CompactDetach: Decodable {
    private let kind: DetachKind
    private let source: Int
    private let result: Int
    private let line: Int
    private let sourceRequiredGrad: Bool
    private let opsBefore: Int

    private enum Key: String, CodingKey {
        case kind, source, result, line, sourceRequiredGrad = "source_required_grad", opsBefore = "ops_before"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        kind = try c.decode(DetachKind.self, forKey: .kind, unknown: "detach kind")
        source = try c.decodeIndex(forKey: .source)
        result = try c.decodeIndex(forKey: .result)
        line = try c.decodeIndex(forKey: .line)
        sourceRequiredGrad = try c.decodeIfPresent(Bool.self, forKey: .sourceRequiredGrad) ?? false
        opsBefore = try c.decodeIndex(forKey: .opsBefore)
    }

    func record(id: Int) -> DetachRecord {
        DetachRecord(
            id: id, kind: kind, source: source, result: result, line: line, sourceRequiredGrad: sourceRequiredGrad,
            opsBefore: opsBefore)
    }
}
