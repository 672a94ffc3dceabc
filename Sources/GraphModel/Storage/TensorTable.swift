import Autograd

/// Every tensor record of a graph, stored as a row of small integers per tensor and a few
/// columns (a few bytes per tensor), read as `TensorRecord` values built on access. Indexed by `TensorRecord.id`.
public struct TensorTable: RandomAccessCollection, Sendable {
    /// The fixed-width fields per tensor, in one array so that recording a tensor is one
    /// append rather than one per field.
    private var rows: [TensorRow] = []
    /// dtype (bits 0–2), source (bits 3–5), requiresGrad (bit 6), isLeaf (bit 7); a column of
    /// its own, as in a row it would pad each row by three bytes.
    private var kinds: [UInt8] = []
    /// The innermost grad-mode region per row, as runs: most rows share the one they follow.
    private(set) var regions = RunColumn()
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
            let row = rows[id]
            return TensorRecord(
                id: id, shape: shapePool[row.shape], names: namePool[row.nameList],
                dtype: DType(rawValue: Int(kind & 7)) ?? .float32, requiresGrad: kind & 64 != 0, isLeaf: kind & 128 != 0,
                version: Int(row.version), source: source(of: id),
                rareNames: rareNames[Int32(truncatingIfNeeded: id)], producer: unpackID(row.producer),
                detach: detaches[id], line: Int(row.line), region: unpackID(regions[id]), gradFn: unpackID(row.gradFn),
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
        rows.append(
            TensorRow(
                // `[]` (a Python number the op wrapped) is the pool's first value, id 0.
                shape: shape.isEmpty ? 0 : shapePool.id(of: shape), nameList: 0, version: Int32(truncatingIfNeeded: version),
                producer: packID(producer), line: Int32(truncatingIfNeeded: line), gradFn: -1))
        kinds.append(Self.kind(dtype: dtype, source: source, requiresGrad: requiresGrad, isLeaf: isLeaf))
        regions.append(packID(region))
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
        rows.removeLast()
        kinds.removeLast()
        regions.removeLast()
        detaches[id] = nil
        accumulateGrads[id] = nil
        passes[id] = nil
        rareNames[Int32(truncatingIfNeeded: id)] = nil
    }

    private mutating func store(_ r: TensorRecord, at id: Int) {
        rows[id] = TensorRow(
            shape: shapePool.id(of: r.shape), nameList: namePool.id(of: r.names),
            version: Int32(truncatingIfNeeded: r.version), producer: packID(r.producer),
            line: Int32(truncatingIfNeeded: r.line), gradFn: packID(r.gradFn))
        kinds[id] = Self.kind(dtype: r.dtype, source: r.source, requiresGrad: r.requiresGrad, isLeaf: r.isLeaf)
        regions[id] = packID(r.region)
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
    @inline(__always) func names(of id: Int) -> [String] { namePool[rows[id].nameList] }

    mutating func setNames(_ names: [String], of id: Int) { rows[id].nameList = namePool.id(of: names) }

    /// The shape of tensor `id` (`TensorRecord.shape`).
    @inline(__always) public func shape(of id: Int) -> [Int] { shapePool[rows[id].shape] }

    /// The id of tensor `id`'s shape among the distinct shapes (equal shapes, equal ids).
    @inline(__always) func shapeID(of id: Int) -> Int { Int(rows[id].shape) }

    mutating func setShape(_ shape: [Int], of id: Int) { rows[id].shape = shapePool.id(of: shape) }

    /// Sets tensor `id`'s shape to `shape` unless it holds that one already (compared in place).
    @inline(__always) mutating func updateShape(_ shape: [Int], of id: Int) {
        if !shapePool.holds(shape, at: rows[id].shape) { setShape(shape, of: id) }
    }

    /// Whether tensor `id` requires grad (`TensorRecord.requiresGrad`).
    @inline(__always) public func requiresGrad(of id: Int) -> Bool { kinds[id] & 64 != 0 }

    @inline(__always) func isLeaf(of id: Int) -> Bool { kinds[id] & 128 != 0 }

    /// Where tensor `id` came from (`TensorRecord.source`).
    @inline(__always) public func source(of id: Int) -> TensorSource { TensorSource(columnCode: kinds[id] >> 3 & 7) }

    /// Whether tensor `id` is 0-dimensional.
    func isScalar(_ id: Int) -> Bool { rows[id].shape == 0 }

    /// Whether no name is bound to tensor `id`.
    func isUnnamed(_ id: Int) -> Bool { rows[id].nameList == 0 }

    @inline(__always) func version(of id: Int) -> Int { Int(rows[id].version) }

    /// Whether tensor `id` has a label (`TensorRecord.label` is not nil): a name bound to it or a
    /// parameter path.
    public func isLabelled(_ id: Int) -> Bool { !isUnnamed(id) || rareNames(of: id)?.parameterPath != nil }

    // MARK: Single columns, for writers that read a tensor's fields without building its record

    /// The id of tensor `id`'s name list among the distinct lists (equal lists, equal ids).
    @inline(__always) func nameListID(of id: Int) -> Int { Int(rows[id].nameList) }

    @inline(__always) func dtype(of id: Int) -> DType { DType(rawValue: Int(kinds[id] & 7)) ?? .float32 }

    /// The op that made tensor `id`, if one did (`TensorRecord.producer`).
    @inline(__always) public func producer(of id: Int) -> Int? { unpackID(rows[id].producer) }

    @inline(__always) func detach(of id: Int) -> Int? { detaches[id] }

    /// The script line tensor `id` was first seen at (`TensorRecord.line`).
    @inline(__always) public func line(of id: Int) -> Int { Int(rows[id].line) }

    func region(of id: Int) -> Int? { unpackID(regions[id]) }

    @inline(__always) func gradFn(of id: Int) -> Int? { unpackID(rows[id].gradFn) }

    /// The AccumulateGrad node of leaf `id`, if it has one (`TensorRecord.accumulateGrad`).
    @inline(__always) public func accumulateGrad(of id: Int) -> Int? { accumulateGrads[id] }

    @inline(__always) func pass(of id: Int) -> Int? { passes[id] }

    /// `factory` and `parameterPath` of tensor `id` (nil when both are unset).
    @inline(__always) func rareNames(of id: Int) -> RareTensorNames? {
        rareNames.isEmpty ? nil : rareNames[Int32(truncatingIfNeeded: id)]
    }

    /// Sets what the engine reports of a live tensor each time the recorder sees it.
    mutating func setFlags(of id: Int, requiresGrad: Bool, isLeaf: Bool, version: Int) {
        setGradFlags(of: id, requiresGrad: requiresGrad, isLeaf: isLeaf)
        rows[id].version = Int32(truncatingIfNeeded: version)
    }

    /// Sets what the engine reports of a live tensor each time the recorder sees it, writing
    /// only what changed; returns whether the version did.
    mutating func refresh(_ id: Int, requiresGrad: Bool, isLeaf: Bool, version: Int) -> Bool {
        let kind = kinds[id] & 0x3F | (requiresGrad ? 64 : 0) | (isLeaf ? 128 : 0)
        if kinds[id] != kind { kinds[id] = kind }
        let packed = Int32(truncatingIfNeeded: version)
        guard rows[id].version != packed else { return false }
        rows[id].version = packed
        return true
    }

    /// Sets the flags only (an in-place op that gave tensor `id` a grad_fn).
    mutating func setGradFlags(of id: Int, requiresGrad: Bool, isLeaf: Bool) {
        kinds[id] = kinds[id] & 0x3F | (requiresGrad ? 64 : 0) | (isLeaf ? 128 : 0)
    }

    mutating func setGradFn(_ node: Int?, of id: Int) { rows[id].gradFn = packID(node) }

    /// Sets tensor `id`'s grad_fn to `node` unless it holds that one already.
    @inline(__always) mutating func updateGradFn(_ node: Int?, of id: Int) {
        let packed = packID(node)
        if rows[id].gradFn != packed { rows[id].gradFn = packed }
    }

    mutating func setAccumulateGrad(_ node: Int, of id: Int) { accumulateGrads[id] = node }

    mutating func setDetach(_ detach: Int, of id: Int) { detaches[id] = detach }
}

/// The fixed-width fields of one tensor record (see `TensorRecord`), packed.
private struct TensorRow {
    var shape: UInt32
    var nameList: UInt32
    var version: Int32
    var producer: Int32
    var line: Int32
    var gradFn: Int32
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
