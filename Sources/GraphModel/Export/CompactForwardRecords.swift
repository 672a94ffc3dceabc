import Autograd

// The forward half of a `gradscope.graph/3` dump (docs/graph-json.md): each record decoded as
// written, then completed by `record(...)` with the defaults of CompactDefaults.swift and the
// strings of the dump's table.

/// The `strings` table of a `/3` dump, looked up with the place of the index for errors.
struct DumpStrings {
    let strings: [String]

    /// The string at `index`; an index outside the table is an error naming `place`.
    func at(_ index: Int, _ place: @autoclosure () -> String) throws -> String {
        guard strings.indices.contains(index) else {
            throw GraphJSONError("not a \(Graph.schema) dump: \(place()): string \(index) is out of range")
        }
        return strings[index]
    }

    /// The dtype named by the string at `index`.
    func dtype(_ index: Int?, _ place: @autoclosure () -> String) throws -> DType {
        guard let index else { return .float32 }
        let name = try at(index, place())
        guard let dtype = DType.allCases.first(where: { $0.name == name }) else {
            throw GraphJSONError("not a \(Graph.schema) dump: \(place()): unknown dtype \(name)")
        }
        return dtype
    }
}

extension KeyedDecodingContainer {
    /// An id that defaults to `value` when the key is absent (an explicit null is nil).
    func decodeIndex(forKey key: Key, default value: Int?) throws -> Int? {
        guard contains(key) else { return value }
        return try decodeIndexIfPresent(forKey: key)
    }
}

/// A `/3` Tensor.
struct CompactTensor: Decodable {
    private let names: [Int]
    private let shape: [Int]
    private let dtype: Int?
    private let requiresGrad: Bool?
    private let isLeaf: Bool?
    private let version: Int
    private let source: TensorSource
    private let factory: Int?
    private let producer: Int?
    private let detach: Int?
    private let accumulateGrad: Int?
    /// The fields defaulting to the producer's, kept with the container until the ops are read.
    private let line: Int?
    private let region: Int??
    private let gradFn: Int??
    private let pass: Int??
    /// The value previews, oldest version first (absent: none recorded).
    let values: [ValuePreview]

    private enum Key: String, CodingKey {
        case names, shape, dtype, requiresGrad = "requires_grad", isLeaf = "is_leaf", version, source, factory
        case producer, detach, line, region, gradFn = "grad_fn", accumulateGrad = "accumulate_grad", pass, values
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        names = try c.decodeIndicesIfPresent(forKey: .names) ?? []
        shape = c.contains(.shape) ? try c.decodeShape(forKey: .shape) : []
        dtype = try c.decodeIndexIfPresent(forKey: .dtype)
        requiresGrad = try c.decodeIfPresent(Bool.self, forKey: .requiresGrad)
        isLeaf = try c.decodeIfPresent(Bool.self, forKey: .isLeaf)
        version = try c.decodeIndexIfPresent(forKey: .version) ?? 0
        source = c.contains(.source) ? try c.decode(TensorSource.self, forKey: .source, unknown: "source") : .op
        factory = try c.decodeIndexIfPresent(forKey: .factory)
        producer = try c.decodeIndexIfPresent(forKey: .producer)
        detach = try c.decodeIndexIfPresent(forKey: .detach)
        accumulateGrad = try c.decodeIndexIfPresent(forKey: .accumulateGrad)
        line = try c.decodeIndexIfPresent(forKey: .line)
        region = c.contains(.region) ? .some(try c.decodeIndexIfPresent(forKey: .region)) : nil
        gradFn = c.contains(.gradFn) ? .some(try c.decodeIndexIfPresent(forKey: .gradFn)) : nil
        pass = c.contains(.pass) ? .some(try c.decodeIndexIfPresent(forKey: .pass)) : nil
        values = try c.decodeIfPresent([DecodedValuePreview].self, forKey: .values)?.map(\.preview) ?? []
    }

    /// The record, its defaults taken from its producer among `ops`.
    func record(id: Int, ops: [OpRecord], strings: DumpStrings) throws -> TensorRecord {
        let place = "tensors[\(id)]"
        if let producer, !ops.indices.contains(producer) {
            throw GraphJSONError("not a \(Graph.schema) dump: \(place).producer: id \(producer) is out of range")
        }
        let defaults = TensorDefaults(producer: producer, in: ops)
        guard let line = line ?? defaults.line else { throw GraphJSONError("not a \(Graph.schema) dump: \(place).line: missing") }
        var t = TensorRecord(
            id: id, shape: shape, dtype: try strings.dtype(dtype, "\(place).dtype"), requiresGrad: false,
            isLeaf: true, version: version, source: source,
            factory: try factory.map { try strings.at($0, "\(place).factory") } ?? "", producer: producer,
            detach: detach, line: line, region: region ?? defaults.region, pass: pass ?? defaults.pass)
        t.names = try names.map { try strings.at($0, "\(place).names") }
        t.gradFn = gradFn ?? defaults.gradFn
        t.isLeaf = isLeaf ?? (t.gradFn == nil)
        t.requiresGrad = requiresGrad ?? (t.gradFn != nil)
        t.accumulateGrad = accumulateGrad
        return t
    }
}

/// A `/3` Op.
struct CompactOp: Decodable {
    private let name: Int
    private let inputs: [Int]
    private let outputs: [Int]
    private let line: Int
    private let region: Int?
    private let gradEnabled: Bool
    private let gradFn: Int?
    private let inPlace: Bool
    private let pass: Int?
    private let innerLine: Int?
    private let callLines: [Int]
    /// The index of the grad_fn's attributes in `attribute_sets` (absent: none).
    let attributes: Int?

    private enum Key: String, CodingKey {
        case name, inputs, outputs, line, region, gradEnabled = "grad_enabled", gradFn = "grad_fn"
        case inPlace = "in_place", pass, innerLine = "inner_line", callLines = "call_lines", attributes
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        name = try c.decodeIndex(forKey: .name)
        inputs = try c.decodeIndicesIfPresent(forKey: .inputs) ?? []
        outputs = try c.decodeIndicesIfPresent(forKey: .outputs) ?? []
        line = try c.decodeIndex(forKey: .line)
        region = try c.decodeIndexIfPresent(forKey: .region)
        gradEnabled = try c.decodeIfPresent(Bool.self, forKey: .gradEnabled) ?? true
        gradFn = try c.decodeIndexIfPresent(forKey: .gradFn)
        inPlace = try c.decodeIfPresent(Bool.self, forKey: .inPlace) ?? false
        pass = try c.decodeIndexIfPresent(forKey: .pass)
        innerLine = try c.decodeIndexIfPresent(forKey: .innerLine)
        callLines = try c.decodeIndicesIfPresent(forKey: .callLines) ?? []
        attributes = try c.decodeIndexIfPresent(forKey: .attributes)
    }

    func record(id: Int, strings: DumpStrings) throws -> OpRecord {
        OpRecord(
            id: id, name: try strings.at(name, "ops[\(id)].name"), inputs: inputs, outputs: outputs, line: line,
            region: region, gradEnabled: gradEnabled, gradFn: gradFn, isInPlace: inPlace, pass: pass, innerLine: innerLine,
            callLines: callLines)
    }
}

/// A `/3` Node.
struct CompactNode: Decodable {
    private let name: Int
    private let op: Int??
    private let line: Int?
    private let next: [NodeEdge?]
    private let saved: [CompactSavedBuffer]
    private let variable: Int?
    private let pass: Int?

    private enum Key: String, CodingKey { case name, op, line, next, saved, variable, pass }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        name = try c.decodeIndex(forKey: .name)
        op = c.contains(.op) ? .some(try c.decodeIndexIfPresent(forKey: .op)) : nil
        line = try c.decodeIndexIfPresent(forKey: .line)
        next = try c.decodeIfPresent([CompactNextEdge].self, forKey: .next)?.map(\.edge) ?? []
        saved = try c.decodeIfPresent([CompactSavedBuffer].self, forKey: .saved) ?? []
        variable = try c.decodeIndexIfPresent(forKey: .variable)
        pass = try c.decodeIndexIfPresent(forKey: .pass)
    }

    /// The record; `op` defaults to `defaultOp` (the op whose grad_fn it is), `line` to its op's.
    func record(id: Int, defaultOp: Int?, ops: [OpRecord], strings: DumpStrings) throws -> NodeRecord {
        let place = "nodes[\(id)]"
        let op = self.op ?? defaultOp
        if let op, !ops.indices.contains(op) {
            throw GraphJSONError("not a \(Graph.schema) dump: \(place).op: id \(op) is out of range")
        }
        guard let line = line ?? op.map({ ops[$0].line }) else {
            throw GraphJSONError("not a \(Graph.schema) dump: \(place).line: missing")
        }
        var n = NodeRecord(
            id: id, name: try strings.at(name, "\(place).name"), line: line, next: next,
            saved: try saved.enumerated().map { try $1.buffer(strings: strings, place: "\(place).saved[\($0)]") },
            variable: variable, pass: pass)
        n.op = op
        return n
    }
}

/// A `/3` `next` entry: a node id (input 0), `[node id, input index]`, or null.
struct CompactNextEdge: Decodable {
    let edge: NodeEdge?

    init(from decoder: Decoder) throws {
        if var pair = try? decoder.unkeyedContainer() {
            guard pair.count == 2 else {
                throw DecodingError.dataCorruptedError(in: pair, debugDescription: "expected a [node, input_nr] pair")
            }
            let node = try pair.decodeIndex() ?? 0
            edge = NodeEdge(node: node, inputNr: try pair.decodeIndex() ?? 0)
            return
        }
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            edge = nil
            return
        }
        let node = try c.decode(Int.self)
        guard (0...largestIndex).contains(node) else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "expected an integer from 0 to \(largestIndex), found \(node)")
        }
        edge = NodeEdge(node: node, inputNr: 0)
    }
}

/// A `/3` Saved buffer.
struct CompactSavedBuffer: Decodable {
    private let name: Int
    private let shape: [Int]
    private let dtype: Int?
    private let bytes: Int?
    private let savedVersion: Int
    private let isOutput: Bool
    private let freedByPass: Int?
    private let invalidation: (line: Int, op: Int, version: Int)?
    private let isPacked: Bool

    private enum Key: String, CodingKey {
        case name, shape, dtype, bytes, savedVersion = "saved_version", isOutput = "is_output"
        case freedByPass = "freed_by_pass", invalidated, packed
    }

    private enum InvalidationKey: String, CodingKey { case line, op, version }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        name = try c.decodeIndex(forKey: .name)
        shape = c.contains(.shape) ? try c.decodeShape(forKey: .shape) : []
        dtype = try c.decodeIndexIfPresent(forKey: .dtype)
        bytes = c.contains(.bytes) ? try c.decodeCount(forKey: .bytes) : nil
        savedVersion = try c.decodeIndexIfPresent(forKey: .savedVersion) ?? 0
        isOutput = try c.decodeIfPresent(Bool.self, forKey: .isOutput) ?? false
        freedByPass = try c.decodeIndexIfPresent(forKey: .freedByPass)
        if c.contains(.invalidated) {
            let i = try c.nestedContainer(keyedBy: InvalidationKey.self, forKey: .invalidated)
            invalidation = (
                try i.decodeIndex(forKey: .line), try i.decodeIndex(forKey: .op), try i.decodeIndex(forKey: .version)
            )
        } else {
            invalidation = nil
        }
        isPacked = try c.decodeIfPresent(Bool.self, forKey: .packed) ?? false
    }

    func buffer(strings: DumpStrings, place: String) throws -> SavedBuffer {
        let dtype = try strings.dtype(self.dtype, "\(place).dtype")
        var b = SavedBuffer(
            name: try strings.at(name, "\(place).name"), shape: shape, dtype: dtype,
            bytes: bytes ?? SavedBuffer.defaultBytes(shape: shape, dtype: dtype), savedVersion: savedVersion,
            isOutput: isOutput)
        b.freedByPass = freedByPass
        if let i = invalidation {
            b.invalidation = Invalidation(
                line: i.line, op: try strings.at(i.op, "\(place).invalidated.op"), version: i.version)
        }
        b.isPacked = isPacked
        return b
    }
}

/// A `/3` dump's `attribute_sets` entry: `[name, value]` pairs.
struct DecodedAttributeSet: Decodable {
    let attributes: [OpAttribute]

    init(from decoder: Decoder) throws {
        attributes = try [[String]](from: decoder).map { pair in
            guard pair.count == 2 else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "expected a [name, value] pair"))
            }
            return OpAttribute(name: pair[0], value: pair[1])
        }
    }
}

/// An entry of a `/3` tensor's `values`.
struct DecodedValuePreview: Decodable {
    let preview: ValuePreview

    private enum Key: String, CodingKey { case version, text }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        preview = ValuePreview(version: try c.decodeIndex(forKey: .version), text: try c.decode(String.self, forKey: .text))
    }
}
