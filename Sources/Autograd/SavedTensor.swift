/// A tensor a node keeps for its backward formula, with the version it had when saved.
public final class SavedTensor {
    /// PyTorch's name for the slot (`self`, `other`, `result`, ...).
    public let role: String
    /// The shape of the saved tensor.
    public let shape: [Int]
    /// The dtype of the saved tensor.
    public let dtype: DType
    /// The version the tensor had when saved; unpacking a later version is the in-place error.
    public let savedVersion: Int
    /// Whether this is an output of the node that saved it (saved without its grad_fn).
    public let isOutput: Bool
    /// The identity of the storage it keeps alive (for joining slots that share storage); the
    /// storage itself is released with the tensor when the slot is freed.
    public let storageID: ObjectIdentifier
    /// The backward pass that freed it, if one did.
    public private(set) var freedByPass: Int?

    private var value: Tensor?
    /// What the saved-tensor pack hook returned, kept instead of `value` while hooks were installed.
    private var packed: PackedSavedTensor?
    /// The error the pack hook raised, raised again when the slot is read.
    private var packError: Error?
    /// With hooks, where the unpacked tensor's gradient flows (the saved input's edge).
    private var inputEdge: Edge?
    /// For an output, the saving node's class name and output number, for error text (turned
    /// into an op name only when an error needs it). An input is named by its grad_fn at
    /// unpack time, as PyTorch does: after an in-place op that is the in-place op's node.
    private let outputProducer: (nodeName: String, output: Int)?
    private let inputOutputNr: Int

    init(
        role: String, tensor: Tensor, isOutput: Bool, outputNr: Int = 0, savingNode: String? = nil,
        hooks: SavedTensorHooks? = SavedTensorHookStack.current
    ) {
        self.role = role
        shape = tensor.shape
        dtype = tensor.dtype
        savedVersion = tensor.version
        self.isOutput = isOutput
        storageID = ObjectIdentifier(tensor.storage)
        if isOutput {
            value = tensor.alias()
            outputProducer = savingNode.map { ($0, outputNr) }
            inputOutputNr = 0
        } else {
            value = tensor
            outputProducer = nil
            inputOutputNr = tensor.outputNr
        }
        if let hooks, !tensor.isWrappedNumber { pack(tensor, with: hooks) }
    }

    /// Hands the tensor to the pack hook (with grad mode off, as PyTorch does) and keeps its result.
    private func pack(_ tensor: Tensor, with hooks: SavedTensorHooks) {
        if !isOutput { inputEdge = tensor.gradientEdge }
        value = nil
        do {
            let object = try GradMode.noGrad { try hooks.pack(tensor) }
            packed = PackedSavedTensor(hooks: hooks, object: object)
        } catch {
            packError = error
        }
    }

    /// Whether the slot went through a pack hook.
    public var isPacked: Bool { packed != nil || packError != nil }

    /// Whether a backward pass released it (retain_graph=False).
    public var isFreed: Bool { value == nil && packed == nil && freedByPass != nil }
    /// The bytes of its elements.
    public var byteCount: Int { shape.reduce(1, *) * dtype.itemSize }
    /// Whether the tensor was changed in place after it was saved.
    public var isStale: Bool { (value?.version ?? savedVersion) != savedVersion }
    /// The version of the saved tensor now (the saved version once freed).
    public var currentVersion: Int { value?.version ?? savedVersion }
    /// The version counter the saved tensor shares with its views (nil once freed, or when a pack
    /// hook holds it): a recorder watches it to see in-place changes after this slot's node is gone.
    package var versionCounter: VersionCounter? { value?.versionCounter }
    /// The Python number the script gave when the slot holds one wrapped as a 0-dim tensor
    /// (`x * 2` saves `other` so); nil for other tensors and once freed.
    public var wrappedNumber: ScalarValue? {
        guard let value, value.isWrappedNumber else { return nil }
        // A wrapped number is 0-dim: one element, read without item()'s check.
        return value.onlyElement
    }

    /// Whether `wrappedNumber` is set, without reading it.
    package var holdsWrappedNumber: Bool { value?.isWrappedNumber ?? false }

    func unpack(for node: Node) throws -> Tensor {
        if let packError { throw packError }
        if let packed { return try unpackHooked(packed, for: node) }
        guard let v = value else { throw TorchError.runtime(AutogradMessages.backwardTwice) }
        if v.version != savedVersion {
            let producer = isOutput ? outputProducer : v.gradFn.map { ($0.name, inputOutputNr) }
            throw TorchError.runtime(
                AutogradMessages.modifiedInPlace(
                    dtype: dtype, shape: shape, producer: producer.map { (Self.opName($0.0), $0.1) }, version: v.version,
                    expected: savedVersion))
        }
        if isOutput {
            let t = v.alias()
            if GradMode.isEnabled {
                t.gradFn = node
                t.outputNr = outputProducer?.output ?? 0
            }
            return t
        }
        return v
    }

    /// The unpack hook's tensor, connected to the graph as the saved one was when grad mode is on
    /// (PyTorch checks no version counter through hooks).
    private func unpackHooked(_ packed: PackedSavedTensor, for node: Node) throws -> Tensor {
        let t = try packed.hooks.unpack(packed.object)
        guard GradMode.isEnabled else { return t }
        let edge = isOutput ? Edge(node: node, inputNr: outputProducer?.output ?? 0) : inputEdge
        guard let edge else { return t }
        let connected = t.alias()
        if let accumulator = edge.node as? AccumulateGrad {
            connected.leafRequiresGrad = true
            connected.accumulator = accumulator
        } else {
            connected.gradFn = edge.node
            connected.outputNr = edge.inputNr
        }
        return connected
    }

    /// Takes the grad_fn of the saved tensor when this slot holds the only reference to it, so
    /// that a node being destroyed can tear its graph down iteratively.
    func takeGradFnIfUnique() -> Node? {
        guard var v = value, v.gradFn != nil else { return nil }
        value = nil
        guard isKnownUniquelyReferenced(&v) else { return nil }
        let fn = v.gradFn
        v.gradFn = nil
        return fn
    }

    /// Drops the tensor; returns whether it was still held.
    func release(pass: Int) -> Bool {
        guard value != nil || packed != nil else { return false }
        value = nil
        packed = nil
        inputEdge = nil
        freedByPass = pass
        return true
    }

    private static func opName(_ nodeName: String) -> String {
        var n = Substring(nodeName)
        while let last = n.last, last.isNumber { n = n.dropLast() }
        if n.hasSuffix("Backward") { n = n.dropLast("Backward".count) }
        return String(n)
    }
}
