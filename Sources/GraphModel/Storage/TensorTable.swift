import Autograd

/// Every tensor record of a graph, stored as columns (a few bytes per tensor) and read as
/// `TensorRecord` values built on access. Indexed by `TensorRecord.id`.
public struct TensorTable: RandomAccessCollection, Sendable {
    private var shapeIDs: [UInt32] = []
    private var nameListIDs: [UInt32] = []
    /// dtype (bits 0–2), source (bits 3–5), requiresGrad (bit 6), isLeaf (bit 7).
    private var kinds: [UInt8] = []
    private var versions: [Int32] = []
    private var producers: [Int32] = []
    private var lines: [Int32] = []
    /// The innermost grad-mode region per row, as runs: most rows share the one they follow.
    private(set) var regions = RunColumn()
    private var gradFns: [Int32] = []
    private var detaches = SparseIDColumn()
    private var accumulateGrads = SparseIDColumn()
    private var passes = SparseIDColumn()
    private(set) var rareNames: [Int32: RareTensorNames] = [:]
    private var shapePool = InternTable<[Int]>(first: [])
    private var namePool = InternTable<[String]>(first: [])

    /// An empty table.
    public init() {}

    /// A table of `records`, whose ids are their positions.
    init(_ records: [TensorRecord]) {
        for r in records { append(r) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { kinds.count }

    /// The record of tensor `id`.
    public internal(set) subscript(id: Int) -> TensorRecord {
        get {
            let kind = kinds[id]
            return TensorRecord(
                id: id, shape: shapePool[shapeIDs[id]], names: namePool[nameListIDs[id]],
                dtype: DType(rawValue: Int(kind & 7)) ?? .float32, requiresGrad: kind & 64 != 0, isLeaf: kind & 128 != 0,
                version: Int(versions[id]), source: source(of: id),
                rareNames: rareNames[Int32(truncatingIfNeeded: id)], producer: unpackID(producers[id]),
                detach: detaches[id], line: Int(lines[id]), region: unpackID(regions[id]), gradFn: unpackID(gradFns[id]),
                accumulateGrad: accumulateGrads[id], pass: passes[id])
        }
        set { store(newValue, at: id) }
    }

    /// Appends `record` (its id must be `count`).
    mutating func append(_ record: TensorRecord) {
        append(
            shape: record.shape, dtype: record.dtype, requiresGrad: record.requiresGrad, isLeaf: record.isLeaf,
            version: record.version, source: record.source, factory: "", producer: record.producer,
            detach: record.detach, line: record.line, region: record.region, pass: record.pass)
        store(record, at: kinds.count - 1)
    }

    /// Appends a tensor first seen now, with no names, grad_fn or AccumulateGrad node yet (the
    /// recorder's path: the columns written directly, with no record built).
    mutating func append(
        shape: [Int], dtype: DType, requiresGrad: Bool, isLeaf: Bool, version: Int, source: TensorSource,
        factory: String, producer: Int?, detach: Int?, line: Int, region: Int?, pass: Int?
    ) {
        let id = kinds.count
        shapeIDs.append(shapePool.id(of: shape))
        nameListIDs.append(0)
        kinds.append(Self.kind(dtype: dtype, source: source, requiresGrad: requiresGrad, isLeaf: isLeaf))
        versions.append(Int32(truncatingIfNeeded: version))
        producers.append(packID(producer))
        lines.append(Int32(truncatingIfNeeded: line))
        regions.append(packID(region))
        gradFns.append(-1)
        detaches.fill(id, with: detach)
        passes.fill(id, with: pass)
        if !factory.isEmpty {
            rareNames[Int32(truncatingIfNeeded: id)] = RareTensorNames(factory: factory, parameterPath: nil)
        }
    }

    /// The byte the kind column holds for these fields.
    private static func kind(dtype: DType, source: TensorSource, requiresGrad: Bool, isLeaf: Bool) -> UInt8 {
        UInt8(dtype.rawValue & 7) | source.columnCode << 3 | (requiresGrad ? 64 : 0) | (isLeaf ? 128 : 0)
    }

    /// Removes the last record.
    mutating func removeLast() {
        let id = kinds.count - 1
        shapeIDs.removeLast()
        nameListIDs.removeLast()
        kinds.removeLast()
        versions.removeLast()
        producers.removeLast()
        lines.removeLast()
        regions.removeLast()
        gradFns.removeLast()
        detaches[id] = nil
        accumulateGrads[id] = nil
        passes[id] = nil
        rareNames[Int32(truncatingIfNeeded: id)] = nil
    }

    private mutating func store(_ r: TensorRecord, at id: Int) {
        shapeIDs[id] = shapePool.id(of: r.shape)
        nameListIDs[id] = namePool.id(of: r.names)
        kinds[id] = Self.kind(dtype: r.dtype, source: r.source, requiresGrad: r.requiresGrad, isLeaf: r.isLeaf)
        versions[id] = Int32(truncatingIfNeeded: r.version)
        producers[id] = packID(r.producer)
        lines[id] = Int32(truncatingIfNeeded: r.line)
        regions[id] = packID(r.region)
        gradFns[id] = packID(r.gradFn)
        detaches[id] = r.detach
        accumulateGrads[id] = r.accumulateGrad
        passes[id] = r.pass
        if let box = r.rareNamesBox {
            rareNames[Int32(truncatingIfNeeded: id)] = box
        } else if !rareNames.isEmpty {
            rareNames[Int32(truncatingIfNeeded: id)] = nil
        }
    }

    // MARK: Single columns, for the recorder's per-op updates

    /// The names bound to tensor `id` (see `TensorRecord.names`).
    func names(of id: Int) -> [String] { namePool[nameListIDs[id]] }

    mutating func setNames(_ names: [String], of id: Int) { nameListIDs[id] = namePool.id(of: names) }

    /// The shape of tensor `id` (`TensorRecord.shape`).
    public func shape(of id: Int) -> [Int] { shapePool[shapeIDs[id]] }

    mutating func setShape(_ shape: [Int], of id: Int) { shapeIDs[id] = shapePool.id(of: shape) }

    /// Whether tensor `id` requires grad (`TensorRecord.requiresGrad`).
    public func requiresGrad(of id: Int) -> Bool { kinds[id] & 64 != 0 }

    func isLeaf(of id: Int) -> Bool { kinds[id] & 128 != 0 }

    /// Where tensor `id` came from (`TensorRecord.source`).
    public func source(of id: Int) -> TensorSource { TensorSource(columnCode: kinds[id] >> 3 & 7) }

    /// Whether tensor `id` is 0-dimensional.
    func isScalar(_ id: Int) -> Bool { shapeIDs[id] == 0 }

    /// Whether no name is bound to tensor `id`.
    func isUnnamed(_ id: Int) -> Bool { nameListIDs[id] == 0 }

    func version(of id: Int) -> Int { Int(versions[id]) }

    /// Whether tensor `id` has a label (`TensorRecord.label` is not nil): a name bound to it or a
    /// parameter path.
    public func isLabelled(_ id: Int) -> Bool { !isUnnamed(id) || rareNames(of: id)?.parameterPath != nil }

    // MARK: Single columns, for writers that read a tensor's fields without building its record

    /// The id of tensor `id`'s name list among the distinct lists (equal lists, equal ids).
    func nameListID(of id: Int) -> Int { Int(nameListIDs[id]) }

    func dtype(of id: Int) -> DType { DType(rawValue: Int(kinds[id] & 7)) ?? .float32 }

    /// The op that made tensor `id`, if one did (`TensorRecord.producer`).
    public func producer(of id: Int) -> Int? { unpackID(producers[id]) }

    func detach(of id: Int) -> Int? { detaches[id] }

    /// The script line tensor `id` was first seen at (`TensorRecord.line`).
    public func line(of id: Int) -> Int { Int(lines[id]) }

    func region(of id: Int) -> Int? { unpackID(regions[id]) }

    func gradFn(of id: Int) -> Int? { unpackID(gradFns[id]) }

    /// The AccumulateGrad node of leaf `id`, if it has one (`TensorRecord.accumulateGrad`).
    public func accumulateGrad(of id: Int) -> Int? { accumulateGrads[id] }

    func pass(of id: Int) -> Int? { passes[id] }

    /// `factory` and `parameterPath` of tensor `id` (nil when both are unset).
    func rareNames(of id: Int) -> RareTensorNames? {
        rareNames.isEmpty ? nil : rareNames[Int32(truncatingIfNeeded: id)]
    }

    /// Sets what the engine reports of a live tensor each time the recorder sees it.
    mutating func setFlags(of id: Int, requiresGrad: Bool, isLeaf: Bool, version: Int) {
        setGradFlags(of: id, requiresGrad: requiresGrad, isLeaf: isLeaf)
        versions[id] = Int32(truncatingIfNeeded: version)
    }

    /// Sets what the engine reports of a live tensor each time the recorder sees it, writing
    /// only what changed; returns whether the version did.
    mutating func refresh(_ id: Int, requiresGrad: Bool, isLeaf: Bool, version: Int) -> Bool {
        let kind = kinds[id] & 0x3F | (requiresGrad ? 64 : 0) | (isLeaf ? 128 : 0)
        if kinds[id] != kind { kinds[id] = kind }
        let packed = Int32(truncatingIfNeeded: version)
        guard versions[id] != packed else { return false }
        versions[id] = packed
        return true
    }

    /// Sets the flags only (an in-place op that gave tensor `id` a grad_fn).
    mutating func setGradFlags(of id: Int, requiresGrad: Bool, isLeaf: Bool) {
        kinds[id] = kinds[id] & 0x3F | (requiresGrad ? 64 : 0) | (isLeaf ? 128 : 0)
    }

    mutating func setGradFn(_ node: Int?, of id: Int) { gradFns[id] = packID(node) }

    mutating func setAccumulateGrad(_ node: Int, of id: Int) { accumulateGrads[id] = node }

    mutating func setDetach(_ detach: Int, of id: Int) { detaches[id] = detach }
}

extension TensorSource {
    /// The source's position in `allCases`, as the kind column stores it.
    /// The source stored as `columnCode` (read without building `allCases`, an array, per row).
    fileprivate init(columnCode: UInt8) {
        switch columnCode {
        case 0: self = .factory
        case 1: self = .op
        case 2: self = .detach
        case 3: self = .data
        case 4: self = .backward
        default: self = .untracked
        }
    }

    fileprivate var columnCode: UInt8 {
        switch self {
        case .factory: 0
        case .op: 1
        case .detach: 2
        case .data: 3
        case .backward: 4
        case .untracked: 5
        }
    }
}
