/// How a tensor came to exist, as reported to an observer.
public enum TensorOrigin: String, Sendable {
    case factory, op, detach, detachInPlace = "detach_", data, backward, view
}

/// One forward op, as reported to an observer.
public struct OpEvent {
    /// PyTorch's op name (`mul`, `add_`, `matmul`, ...).
    public let name: String
    /// The op's tensor inputs in PyTorch's schema order, nil for absent optional ones (kept as
    /// the op gave them, so that recording builds no array per op).
    private let schemaInputs: [Tensor?]
    /// The tensors the op produced (for an in-place op, the modified tensor).
    public let outputs: [Tensor]
    /// The node autograd created for it, if it recorded one.
    public let gradFn: Node?
    /// Whether the op modified its first input in place.
    public let isInPlace: Bool
    /// Whether grad mode was on when the op ran (what `GradMode.isEnabled` read then).
    public let gradEnabled: Bool

    /// `gradEnabled` defaults to the calling thread's grad mode; the ops that have the thread's
    /// state at hand pass it, which saves the observer reading it again.
    init(
        name: String, inputs: [Tensor?], outputs: [Tensor], gradFn: Node?, isInPlace: Bool,
        gradEnabled: Bool = GradMode.isEnabled
    ) {
        self.name = name
        schemaInputs = inputs
        self.outputs = outputs
        self.gradFn = gradFn
        self.isInPlace = isInPlace
        self.gradEnabled = gradEnabled
    }

    /// The op's tensor inputs in PyTorch's schema order (absent optional inputs left out).
    public var inputs: [Tensor] { schemaInputs.compactMap { $0 } }

    /// Calls `body` with each of `inputs` in order, without building the array.
    public func forEachInput(_ body: (Tensor) throws -> Void) rethrows {
        for case let t? in schemaInputs { try body(t) }
    }
}

/// Receives what the engine does. GraphModel's recorder implements it; with no observer
/// installed the engine pays one branch per op.
public protocol AutogradObserver: AnyObject {
    func tensorCreated(_ tensor: Tensor, origin: TensorOrigin, op: String)
    func opExecuted(_ event: OpEvent)
    /// An op of inputs `a` and `b` (nil: a Python number left unwrapped) and one output, the
    /// arithmetic operators: reported with its tensors as arguments, so the engine builds (and
    /// releases) no event for the ops a training loop runs most.
    func binaryOpExecuted(name: String, _ a: Tensor, _ b: Tensor?, output: Tensor, gradFn: Node?, gradEnabled: Bool)
    func versionBumped(_ tensor: Tensor, op: String)
    func detached(source: Tensor, result: Tensor, origin: TensorOrigin)
    func backwardStarted(_ pass: BackwardPass)
    func nodeExecuted(_ node: Node, gradOutputs: [Tensor?], gradInputs: [Tensor?])
    func savedTensorsFreed(_ node: Node)
    func gradAccumulated(_ leaf: Tensor, grad: Tensor)
    func hookFired(_ node: Node, outputNr: Int, replaced: Bool)
    /// Anomaly detection found NaN in output `outputNr` of `node` (reported before the error is thrown).
    func anomalyDetected(_ node: Node, outputNr: Int)
    func backwardFinished(_ pass: BackwardPass, error: Error?)
}

/// Empty defaults, so an observer implements only the events it needs.
public extension AutogradObserver {
    func tensorCreated(_ tensor: Tensor, origin: TensorOrigin, op: String) {}
    func opExecuted(_ event: OpEvent) {}
    /// Reports the op as an `OpEvent`, for observers that handle every op alike.
    func binaryOpExecuted(name: String, _ a: Tensor, _ b: Tensor?, output: Tensor, gradFn: Node?, gradEnabled: Bool) {
        opExecuted(
            OpEvent(
                name: name, inputs: [a, b], outputs: [output], gradFn: gradFn, isInPlace: false,
                gradEnabled: gradEnabled))
    }
    func versionBumped(_ tensor: Tensor, op: String) {}
    func detached(source: Tensor, result: Tensor, origin: TensorOrigin) {}
    func backwardStarted(_ pass: BackwardPass) {}
    func nodeExecuted(_ node: Node, gradOutputs: [Tensor?], gradInputs: [Tensor?]) {}
    func savedTensorsFreed(_ node: Node) {}
    func gradAccumulated(_ leaf: Tensor, grad: Tensor) {}
    func hookFired(_ node: Node, outputNr: Int, replaced: Bool) {}
    func anomalyDetected(_ node: Node, outputNr: Int) {}
    func backwardFinished(_ pass: BackwardPass, error: Error?) {}
}

/// A backward() / autograd.backward() / autograd.grad() call, as reported to an observer.
public final class BackwardPass {
    /// `Tensor.backward`/`autograd.backward` (accumulates into `.grad`) or `autograd.grad` (returns gradients).
    public enum Kind: String, Sendable { case backward, grad }
    /// The pass number, counting from 0 in the order the calls were made.
    public let index: Int
    /// Which call started the pass.
    public let kind: Kind
    /// The tensors backward starts from.
    public let roots: [Tensor]
    /// The tensors `autograd.grad` returns gradients for (empty for backward).
    public let inputs: [Tensor]
    /// Whether saved tensors are kept after the pass.
    public let retainGraph: Bool
    /// Whether the pass records its own graph (for higher-order gradients).
    public let createGraph: Bool

    init(index: Int, kind: Kind, roots: [Tensor], inputs: [Tensor], retainGraph: Bool, createGraph: Bool) {
        self.index = index
        self.kind = kind
        self.roots = roots
        self.inputs = inputs
        self.retainGraph = retainGraph
        self.createGraph = createGraph
    }
}

/// The installed observer.
public enum Observation {
    /// The observer of the calling thread's autograd activity.
    public static var observer: AutogradObserver? {
        get { ThreadState.current.observer }
        set { ThreadState.current.observer = newValue }
    }

    /// Runs `body` unobserved: for the parts of an op that PyTorch runs inside one kernel (the
    /// slice writes `cat` fills its result with), which are no ops of the user's graph.
    package static func hidden<T>(_ body: () throws -> T) rethrows -> T {
        let state = ThreadState.current
        let observer = state.observer
        state.observer = nil
        defer { state.observer = observer }
        return try body()
    }
}
