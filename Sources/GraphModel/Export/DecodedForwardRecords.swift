import Autograd

// The forward half of a dump (docs/graph-json.md: Tensor, Op, Node, Region, Detach), each
// decoded into the record `json()` wrote it from.

/// A Tensor; `label` (the first of `names`) and `leaf_role` are derived, so not read.
struct DecodedTensor: Decodable {
    let record: TensorRecord
    /// The value previews (absent: none recorded).
    let values: [ValuePreview]

    private enum Key: String, CodingKey {
        case id, names, shape, dtype, requiresGrad = "requires_grad", isLeaf = "is_leaf", version, source, factory
        case producer, detach, line, region, gradFn = "grad_fn", accumulateGrad = "accumulate_grad", pass, values
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var t = TensorRecord(
            id: try c.decodeIndex(forKey: .id), shape: try c.decodeShape(forKey: .shape),
            dtype: try c.decodeDType(forKey: .dtype), requiresGrad: try c.decode(Bool.self, forKey: .requiresGrad),
            isLeaf: try c.decode(Bool.self, forKey: .isLeaf), version: try c.decodeIndex(forKey: .version),
            source: try c.decode(TensorSource.self, forKey: .source, unknown: "source"),
            factory: try c.decodeIfPresent(String.self, forKey: .factory) ?? "",
            producer: try c.decodeIndexIfPresent(forKey: .producer),
            detach: try c.decodeIndexIfPresent(forKey: .detach), line: try c.decodeIndex(forKey: .line),
            region: try c.decodeIndexIfPresent(forKey: .region), pass: try c.decodeIndexIfPresent(forKey: .pass))
        t.names = try c.decode([String].self, forKey: .names)
        t.gradFn = try c.decodeIndexIfPresent(forKey: .gradFn)
        t.accumulateGrad = try c.decodeIndexIfPresent(forKey: .accumulateGrad)
        record = t
        values = try c.decodeIfPresent([DecodedValuePreview].self, forKey: .values)?.map(\.preview) ?? []
    }
}

/// An Op.
struct DecodedOp: Decodable {
    let record: OpRecord
    /// The grad_fn's attributes (absent: none).
    let attributes: [OpAttribute]

    private enum Key: String, CodingKey {
        case id, name, inputs, outputs, line, region, gradEnabled = "grad_enabled", gradFn = "grad_fn"
        case inPlace = "in_place", pass, innerLine = "inner_line", callLines = "call_lines", attributes
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        record = OpRecord(
            id: try c.decodeIndex(forKey: .id), name: try c.decode(String.self, forKey: .name),
            inputs: try c.decodeIndices(forKey: .inputs), outputs: try c.decodeIndices(forKey: .outputs),
            line: try c.decodeIndex(forKey: .line), region: try c.decodeIndexIfPresent(forKey: .region),
            gradEnabled: try c.decode(Bool.self, forKey: .gradEnabled),
            gradFn: try c.decodeIndexIfPresent(forKey: .gradFn), isInPlace: try c.decode(Bool.self, forKey: .inPlace),
            pass: try c.decodeIndexIfPresent(forKey: .pass),
            innerLine: try c.decodeIndexIfPresent(forKey: .innerLine),
            callLines: try c.decodeIndicesIfPresent(forKey: .callLines) ?? [])
        attributes = try c.decodeIfPresent(DecodedAttributeSet.self, forKey: .attributes)?.attributes ?? []
    }
}

/// A Node with its saved buffers.
struct DecodedNode: Decodable {
    let record: NodeRecord

    private enum Key: String, CodingKey { case id, name, line, op, next, saved, variable, pass }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var n = NodeRecord(
            id: try c.decodeIndex(forKey: .id), name: try c.decode(String.self, forKey: .name),
            line: try c.decodeIndex(forKey: .line), next: try c.decode([DecodedNextEdge].self, forKey: .next).map(\.edge),
            saved: try c.decode([DecodedSavedBuffer].self, forKey: .saved).map(\.buffer),
            variable: try c.decodeIndexIfPresent(forKey: .variable), pass: try c.decodeIndexIfPresent(forKey: .pass))
        n.op = try c.decodeIndexIfPresent(forKey: .op)
        record = n
    }
}

/// One `next` entry: `[node id, input index]`, or `[null, 0]` for an input needing no grad.
struct DecodedNextEdge: Decodable {
    let edge: NodeEdge?

    init(from decoder: Decoder) throws {
        var pair = try decoder.unkeyedContainer()
        guard pair.count == 2 else {
            throw DecodingError.dataCorruptedError(in: pair, debugDescription: "expected a [node, input_nr] pair")
        }
        let node = try pair.decodeIndex(optional: true)
        let inputNr = try pair.decodeIndex() ?? 0
        edge = node.map { NodeEdge(node: $0, inputNr: inputNr) }
    }
}

/// A Saved buffer; `state` follows from `freed_by_pass` and `invalidated`, so is not read.
struct DecodedSavedBuffer: Decodable {
    let buffer: SavedBuffer

    private enum Key: String, CodingKey {
        case name, shape, dtype, bytes, savedVersion = "saved_version", isOutput = "is_output"
        case freedByPass = "freed_by_pass", invalidated, packed
    }

    private enum InvalidationKey: String, CodingKey { case line, op, version }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var b = SavedBuffer(
            name: try c.decode(String.self, forKey: .name), shape: try c.decodeShape(forKey: .shape),
            dtype: try c.decodeDType(forKey: .dtype), bytes: try c.decodeCount(forKey: .bytes),
            savedVersion: try c.decodeIndex(forKey: .savedVersion), isOutput: try c.decode(Bool.self, forKey: .isOutput))
        b.freedByPass = try c.decodeIndexIfPresent(forKey: .freedByPass)
        if c.contains(.invalidated), try !c.decodeNil(forKey: .invalidated) {
            let i = try c.nestedContainer(keyedBy: InvalidationKey.self, forKey: .invalidated)
            b.invalidation = Invalidation(
                line: try i.decodeIndex(forKey: .line), op: try i.decode(String.self, forKey: .op),
                version: try i.decodeIndex(forKey: .version))
        }
        b.isPacked = try c.decodeIfPresent(Bool.self, forKey: .packed) ?? false
        buffer = b
    }
}

/// A Region.
struct DecodedRegion: Decodable {
    let record: Region

    private enum Key: String, CodingKey { case id, kind, startLine = "start_line", endLine = "end_line", parent }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        record = Region(
            id: try c.decodeIndex(forKey: .id), kind: try c.decode(RegionKind.self, forKey: .kind, unknown: "region kind"),
            startLine: try c.decodeIndex(forKey: .startLine), endLine: try c.decodeIndexIfPresent(forKey: .endLine),
            parent: try c.decodeIndexIfPresent(forKey: .parent))
    }
}

/// A Detach; `ops_before` may be absent (older dumps) and then reads as 0.
struct DecodedDetach: Decodable {
    let record: DetachRecord

    private enum Key: String, CodingKey {
        case id, kind, source, result, line, sourceRequiredGrad = "source_required_grad", opsBefore = "ops_before"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        record = DetachRecord(
            id: try c.decodeIndex(forKey: .id), kind: try c.decode(DetachKind.self, forKey: .kind, unknown: "detach kind"),
            source: try c.decodeIndex(forKey: .source), result: try c.decodeIndex(forKey: .result),
            line: try c.decodeIndex(forKey: .line), sourceRequiredGrad: try c.decode(Bool.self, forKey: .sourceRequiredGrad),
            opsBefore: try c.decodeIndexIfPresent(forKey: .opsBefore) ?? 0)
    }
}

/// A module call; `nodes` follows from `ops`, so is not read.
struct DecodedModuleCall: Decodable {
    let record: ModuleCall

    private enum Key: String, CodingKey {
        case id, path, className = "class", summary, parent, region, line, ops, parameters
    }
    private enum ParameterKey: String, CodingKey { case name, tensor }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var list = try c.nestedUnkeyedContainer(forKey: .parameters)
        var parameters: [ModuleParameter] = []
        while !list.isAtEnd {
            let p = try list.nestedContainer(keyedBy: ParameterKey.self)
            parameters.append(
                ModuleParameter(name: try p.decode(String.self, forKey: .name), tensor: try p.decodeIndex(forKey: .tensor)))
        }
        record = ModuleCall(
            id: try c.decodeIndex(forKey: .id), path: try c.decode(String.self, forKey: .path),
            className: try c.decode(String.self, forKey: .className), summary: try c.decode(String.self, forKey: .summary),
            parent: try c.decodeIndexIfPresent(forKey: .parent),
            region: try c.decodeIndexIfPresent(forKey: .region), line: try c.decodeIndex(forKey: .line),
            ops: try c.decodeIndices(forKey: .ops), parameters: parameters)
    }
}

/// A `loop_statements` entry.
struct DecodedLoopStatement: Decodable {
    let record: LoopStatement

    private enum Key: String, CodingKey {
        case line, lastLine = "last_line", header
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        record = LoopStatement(
            line: try c.decodeIndex(forKey: .line), lastLine: try c.decodeIndex(forKey: .lastLine),
            header: try c.decode(String.self, forKey: .header))
    }
}
