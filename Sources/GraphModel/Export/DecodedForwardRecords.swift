import Autograd

// The forward half of a dump (docs/graph-json.md: Tensor, Op, Node, Region, Detach), each
// decoded into the record `json()` wrote it from.

/// A Tensor; `label` (the first of `names`) and `leaf_role` are derived, so not read.
struct DecodedTensor: Decodable {
    let record: TensorRecord

    private enum Key: String, CodingKey {
        case id, names, shape, dtype, requiresGrad = "requires_grad", isLeaf = "is_leaf", version, source, factory
        case producer, detach, line, region, gradFn = "grad_fn", accumulateGrad = "accumulate_grad", pass
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var t = TensorRecord(
            id: try c.decode(Int.self, forKey: .id), shape: try c.decode([Int].self, forKey: .shape),
            dtype: try c.decodeDType(forKey: .dtype), requiresGrad: try c.decode(Bool.self, forKey: .requiresGrad),
            isLeaf: try c.decode(Bool.self, forKey: .isLeaf), version: try c.decode(Int.self, forKey: .version),
            source: try c.decode(TensorSource.self, forKey: .source, unknown: "source"),
            factory: try c.decodeIfPresent(String.self, forKey: .factory) ?? "",
            producer: try c.decodeIfPresent(Int.self, forKey: .producer),
            detach: try c.decodeIfPresent(Int.self, forKey: .detach), line: try c.decode(Int.self, forKey: .line),
            region: try c.decodeIfPresent(Int.self, forKey: .region), pass: try c.decodeIfPresent(Int.self, forKey: .pass))
        t.names = try c.decode([String].self, forKey: .names)
        t.gradFn = try c.decodeIfPresent(Int.self, forKey: .gradFn)
        t.accumulateGrad = try c.decodeIfPresent(Int.self, forKey: .accumulateGrad)
        record = t
    }
}

/// An Op.
struct DecodedOp: Decodable {
    let record: OpRecord

    private enum Key: String, CodingKey {
        case id, name, inputs, outputs, line, region, gradEnabled = "grad_enabled", gradFn = "grad_fn"
        case inPlace = "in_place", pass, innerLine = "inner_line"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        record = OpRecord(
            id: try c.decode(Int.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            inputs: try c.decode([Int].self, forKey: .inputs), outputs: try c.decode([Int].self, forKey: .outputs),
            line: try c.decode(Int.self, forKey: .line), region: try c.decodeIfPresent(Int.self, forKey: .region),
            gradEnabled: try c.decode(Bool.self, forKey: .gradEnabled),
            gradFn: try c.decodeIfPresent(Int.self, forKey: .gradFn), isInPlace: try c.decode(Bool.self, forKey: .inPlace),
            pass: try c.decodeIfPresent(Int.self, forKey: .pass),
            innerLine: try c.decodeIfPresent(Int.self, forKey: .innerLine))
    }
}

/// A Node with its saved buffers.
struct DecodedNode: Decodable {
    let record: NodeRecord

    private enum Key: String, CodingKey { case id, name, line, op, next, saved, variable, pass }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var n = NodeRecord(
            id: try c.decode(Int.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            line: try c.decode(Int.self, forKey: .line), next: try c.decode([DecodedNextEdge].self, forKey: .next).map(\.edge),
            saved: try c.decode([DecodedSavedBuffer].self, forKey: .saved).map(\.buffer),
            variable: try c.decodeIfPresent(Int.self, forKey: .variable), pass: try c.decodeIfPresent(Int.self, forKey: .pass))
        n.op = try c.decodeIfPresent(Int.self, forKey: .op)
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
        let node = try pair.decodeIfPresent(Int.self)
        let inputNr = try pair.decode(Int.self)
        edge = node.map { NodeEdge(node: $0, inputNr: inputNr) }
    }
}

/// A Saved buffer; `state` follows from `freed_by_pass` and `invalidated`, so is not read.
struct DecodedSavedBuffer: Decodable {
    let buffer: SavedBuffer

    private enum Key: String, CodingKey {
        case name, shape, dtype, bytes, savedVersion = "saved_version", isOutput = "is_output"
        case freedByPass = "freed_by_pass", invalidated
    }

    private enum InvalidationKey: String, CodingKey { case line, op, version }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var b = SavedBuffer(
            name: try c.decode(String.self, forKey: .name), shape: try c.decode([Int].self, forKey: .shape),
            dtype: try c.decodeDType(forKey: .dtype), bytes: try c.decode(Int.self, forKey: .bytes),
            savedVersion: try c.decode(Int.self, forKey: .savedVersion), isOutput: try c.decode(Bool.self, forKey: .isOutput))
        b.freedByPass = try c.decodeIfPresent(Int.self, forKey: .freedByPass)
        if c.contains(.invalidated), try !c.decodeNil(forKey: .invalidated) {
            let i = try c.nestedContainer(keyedBy: InvalidationKey.self, forKey: .invalidated)
            b.invalidation = Invalidation(
                line: try i.decode(Int.self, forKey: .line), op: try i.decode(String.self, forKey: .op),
                version: try i.decode(Int.self, forKey: .version))
        }
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
            id: try c.decode(Int.self, forKey: .id), kind: try c.decode(RegionKind.self, forKey: .kind, unknown: "region kind"),
            startLine: try c.decode(Int.self, forKey: .startLine), endLine: try c.decodeIfPresent(Int.self, forKey: .endLine),
            parent: try c.decodeIfPresent(Int.self, forKey: .parent))
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
            id: try c.decode(Int.self, forKey: .id), kind: try c.decode(DetachKind.self, forKey: .kind, unknown: "detach kind"),
            source: try c.decode(Int.self, forKey: .source), result: try c.decode(Int.self, forKey: .result),
            line: try c.decode(Int.self, forKey: .line), sourceRequiredGrad: try c.decode(Bool.self, forKey: .sourceRequiredGrad),
            opsBefore: try c.decodeIfPresent(Int.self, forKey: .opsBefore) ?? 0)
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
                ModuleParameter(name: try p.decode(String.self, forKey: .name), tensor: try p.decode(Int.self, forKey: .tensor)))
        }
        record = ModuleCall(
            id: try c.decode(Int.self, forKey: .id), path: try c.decode(String.self, forKey: .path),
            className: try c.decode(String.self, forKey: .className), summary: try c.decode(String.self, forKey: .summary),
            parent: try c.decodeIfPresent(Int.self, forKey: .parent),
            region: try c.decodeIfPresent(Int.self, forKey: .region), line: try c.decode(Int.self, forKey: .line),
            ops: try c.decode([Int].self, forKey: .ops), parameters: parameters)
    }
}
