import Autograd
import Foundation

/// A `gradscope.graph/3`, `/2` or `/1` dump decoded by Foundation's `JSONDecoder` straight into the graph's
/// records (docs/graph-json.md), with no generic JSON tree in between. Keys the reader does not
/// need (`label`, `leaf_role`, `state`, `canonical`, the derived `analysis`) are skipped.
///
/// Not `JSONSerialization`: on Linux it does not round doubles correctly (it reads
/// `0.05833333730697632` as `0.05833333730697634`), so a dump would not read back to the same
/// gradients; `JSONDecoder` does.
struct GraphDocument: Decodable {
    let tensors: [TensorRecord]
    let ops: [OpRecord]
    let nodes: [NodeRecord]
    let regions: [Region]
    let detaches: [DetachRecord]
    let backwardPasses: [BackwardRecord]
    let gradReads: [GradRead]
    let modules: [ModuleCall]
    let error: ErrorRecord?
    let linesRun: [Int]
    let lastLine: Int?
    let loopStatements: [LoopStatement]?
    /// The attribute lists, each op's list in them, and tensor id → value previews (written
    /// only in `/3` dumps).
    let attributeSets: [[OpAttribute]]
    let opAttributeSet: [Int32]
    let tensorValues: [Int: [ValuePreview]]

    private enum Key: String, CodingKey {
        case schema, tensors, ops, nodes, regions, detaches
        case backwardPasses = "backward_passes", gradReads = "grad_reads", modules, error
        case linesRun = "lines_run", lastLine = "last_line", strings, attributeSets = "attribute_sets"
        case loopStatements = "loop_statements"
    }

    /// Decodes `text`.
    ///
    /// - Throws: `GraphJSONError`, e.g. for a lone surrogate escape `invalid JSON: Unexpected end
    ///   of file during string parse (expected low-surrogate code point but did not find one).`,
    ///   or `not a gradscope.graph/3 dump: tensors[3].shape: expected an array`.
    static func decode(_ text: String) throws -> GraphDocument {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(GraphDocument.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw GraphJSONError(error, decoding: text)
        }
    }

    /// Checks the schema before anything else, so a dump of another version says so instead of
    /// failing on the first field that changed.
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let schema = try c.decode(String.self, forKey: .schema)
        guard Graph.readableSchemas.contains(schema) else {
            throw GraphJSONError("not a \(Graph.schema) dump: schema is \"\(schema)\"")
        }
        gradReads = try c.decodeIfPresent([DecodedGradRead].self, forKey: .gradReads)?.map(\.record) ?? []
        error = try c.decodeIfPresent(DecodedError.self, forKey: .error)?.record
        // Written by dumps of a script run since they existed.
        linesRun = try c.decodeIndicesIfPresent(forKey: .linesRun) ?? []
        lastLine = try c.decodeIndexIfPresent(forKey: .lastLine)
        loopStatements = try c.decodeIfPresent([DecodedLoopStatement].self, forKey: .loopStatements)?.map(\.record)
        if schema == GraphJSONVersion.v3.schema {
            let compact = try Self.compactRecords(c)
            (tensors, ops, nodes, regions, detaches, backwardPasses, modules) = compact.records
            (attributeSets, opAttributeSet, tensorValues) = (compact.attributeSets, compact.opAttributeSet, compact.values)
            return
        }
        let decodedTensors = try c.decode([DecodedTensor].self, forKey: .tensors)
        tensors = decodedTensors.map(\.record)
        var values: [Int: [ValuePreview]] = [:]
        for (id, t) in decodedTensors.enumerated() where !t.values.isEmpty { values[id] = t.values }
        tensorValues = values
        let decodedOps = try c.decode([DecodedOp].self, forKey: .ops)
        ops = decodedOps.map(\.record)
        (attributeSets, opAttributeSet) = Self.interned(decodedOps.map(\.attributes))
        nodes = try c.decode([DecodedNode].self, forKey: .nodes).map(\.record)
        regions = try c.decode([DecodedRegion].self, forKey: .regions).map(\.record)
        detaches = try c.decode([DecodedDetach].self, forKey: .detaches).map(\.record)
        backwardPasses = try c.decode([DecodedPass].self, forKey: .backwardPasses).map(\.record)
        // `modules` is written only when the script called an nn.Module (and never in `/1` dumps).
        modules = try c.decodeIfPresent([DecodedModuleCall].self, forKey: .modules)?.map(\.record) ?? []
    }

    /// Per-op attribute lists as distinct lists and each op's index among them (-1: none).
    private static func interned(_ perOp: [[OpAttribute]]) -> ([[OpAttribute]], [Int32]) {
        var sets: [[OpAttribute]] = []
        var index: [[OpAttribute]: Int32] = [:]
        var ofOp: [Int32] = []
        for (id, attributes) in perOp.enumerated() where !attributes.isEmpty {
            let set = index[attributes] ?? Int32(sets.count)
            if set == Int32(sets.count) {
                sets.append(attributes)
                index[attributes] = set
            }
            ofOp += repeatElement(-1, count: id + 1 - ofOp.count)
            ofOp[id] = set
        }
        return (sets, ofOp)
    }

    /// The records of a `/3` dump: every array may be absent (empty), ops are read before the
    /// tensors and nodes whose defaults come from them, nodes before the passes.
    private static func compactRecords(
        _ c: KeyedDecodingContainer<Key>
    ) throws -> (
        records: ([TensorRecord], [OpRecord], [NodeRecord], [Region], [DetachRecord], [BackwardRecord], [ModuleCall]),
        attributeSets: [[OpAttribute]], opAttributeSet: [Int32], values: [Int: [ValuePreview]]
    ) {
        let strings = DumpStrings(strings: try c.decodeIfPresent([String].self, forKey: .strings) ?? [])
        func list<T: Decodable>(_ key: Key) throws -> [T] { try c.decodeIfPresent([T].self, forKey: key) ?? [] }
        let compactOps: [CompactOp] = try list(.ops)
        let ops = try compactOps.enumerated().map { try $1.record(id: $0, strings: strings) }
        let compactTensors: [CompactTensor] = try list(.tensors)
        let tensors = try compactTensors.enumerated().map { try $1.record(id: $0, ops: ops, strings: strings) }
        let attributeSets = try (list(.attributeSets) as [DecodedAttributeSet]).map(\.attributes)
        var opAttributeSet: [Int32] = []
        for (id, o) in compactOps.enumerated() {
            guard let set = o.attributes else { continue }
            guard set < attributeSets.count else {
                throw GraphJSONError("not a \(Graph.schema) dump: ops[\(id)].attributes: set \(set) is out of range")
            }
            opAttributeSet += repeatElement(-1, count: id + 1 - opAttributeSet.count)
            opAttributeSet[id] = Int32(set)
        }
        var values: [Int: [ValuePreview]] = [:]
        for (id, t) in compactTensors.enumerated() where !t.values.isEmpty { values[id] = t.values }
        let compactNodes: [CompactNode] = try list(.nodes)
        let opOfNode = Graph.opsOfNodes(ops, nodeCount: compactNodes.count)
        let nodes = try compactNodes.enumerated().map {
            try $1.record(id: $0, defaultOp: opOfNode[$0], ops: ops, strings: strings)
        }
        let regions = (try list(.regions) as [CompactRegion]).enumerated().map { $1.record(id: $0) }
        let detaches = (try list(.detaches) as [CompactDetach]).enumerated().map { $1.record(id: $0) }
        let passes = try (list(.backwardPasses) as [CompactPass]).enumerated().map { try $1.record(id: $0, nodes: nodes) }
        let modules = try (list(.modules) as [CompactModuleCall]).enumerated().map { try $1.record(id: $0, strings: strings) }
        return ((tensors, ops, nodes, regions, detaches, passes, modules), attributeSets, opAttributeSet, values)
    }
}

extension KeyedDecodingContainer {
    private static var nearestDType: [String: DType] {
        [
            "torch.float16": .float32, "torch.bfloat16": .float32, "torch.complex64": .float64,
            "torch.complex128": .float64
        ]
    }

    /// The string-valued enum case named at `key`; an unknown name is an error saying `unknown
    /// <what> <name>`.
    func decode<T: RawRepresentable>(_ type: T.Type, forKey key: Key, unknown what: String) throws -> T
    where T.RawValue == String {
        let name = try decode(String.self, forKey: key)
        guard let value = T(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "unknown \(what) \(name)")
        }
        return value
    }

    /// The dtype named at `key` (`"torch.float32"`). Other PyTorch dtypes, which captures of real
    /// runs contain, read as the nearest one GradScope has (`torch.float16` as float32,
    /// `torch.complex64` as float64).
    func decodeDType(forKey key: Key) throws -> DType {
        let name = try decode(String.self, forKey: key)
        guard let dtype = DType.allCases.first(where: { $0.name == name }) ?? Self.nearestDType[name] else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "unknown dtype \(name)")
        }
        return dtype
    }
}
