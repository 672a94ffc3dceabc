/// A tensor a node saves: an input (kept with its grad_fn; nil when, as in PyTorch, the formula
/// needs it only for a gradient nobody asked for, so nothing is saved) or one of the op's outputs.
enum SaveSlot {
    case input(String, Tensor?)
    case output(String, Int)
}

/// The two slots a two-input op saves (`mul`'s and `div`'s `other` and `self`), without an array.
struct SaveSlotPair: RandomAccessCollection {
    private let first: SaveSlot
    private let second: SaveSlot

    init(_ first: SaveSlot, _ second: SaveSlot) {
        self.first = first
        self.second = second
    }

    var startIndex: Int { 0 }
    var endIndex: Int { 2 }
    subscript(i: Int) -> SaveSlot { i == 0 ? first : second }
}

/// Finishes a forward op: when grad mode is on and an input requires grad, builds its grad_fn
/// with the given formula and attaches it to the outputs; always reports the op to the observer.
///
/// - Parameters:
///   - op: PyTorch's forward op name, for the graph model.
///   - backward: the grad_fn class, e.g. `.mulBackward0` (PyTorch's `MulBackward0`).
///   - inputs: the differentiable inputs, in PyTorch's input order (nil for absent ones).
///   - observed: every tensor input in PyTorch's schema order, for the observer, when the op
///     also reads tensors it is not differentiable in (`nll_loss`'s target, `gather`'s index);
///     nil when `inputs` are all of them.
///   - saving: what the formula reads through `BackwardContext.saved(_:)`, in that order.
///   - keeping: the non-tensor values PyTorch's node keeps, by their derivatives.yaml names.
///
/// With grad mode off, no inference mode and no observer (inside backward formulas, under
/// no_grad) it returns before building any of its arguments.
@inline(__always)
func record(
    _ op: String, _ backward: NodeKind, inputs makeInputs: @autoclosure () -> [Tensor?],
    outputs makeOutputs: @autoclosure () -> [Tensor],
    observed: @autoclosure () -> [Tensor?]? = nil,
    saving: @autoclosure () -> [SaveSlot] = [],
    keeping: @autoclosure () -> [(name: String, value: SavedValue)] = [],
    formula: @escaping FormulaNode.Formula
) {
    let state = ThreadState.current
    guard state.gradEnabled || state.inferenceMode || state.observer != nil else { return }
    let inputs = makeInputs()
    let outputs = makeOutputs()
    var node: Node? = nil
    if state.gradEnabled && inputs.contains(where: { $0?.requiresGrad == true }) {
        node = formulaNode(
            backward, edges: inputs.map { $0?.gradientEdge }, outputs: outputs, saving: saving, keeping: keeping,
            state: state, formula: formula)
    }
    if state.inferenceMode { for o in outputs { o.isInference = true } }
    if let observer = state.observer {
        observer.opExecuted(
            OpEvent(
                name: op, inputs: observed() ?? inputs, outputs: outputs, gradFn: node, isInPlace: false,
                gradEnabled: state.gradEnabled))
    }
}

/// `record` for an op with two tensor inputs and one output (the arithmetic operators): the
/// same node and observer event, without building input and output arrays the node does not
/// need, nor the formula's closure unless a node is made (so inside backward formulas and
/// under no_grad the op allocates nothing for recording).
@inline(__always)
func record(
    _ op: String, _ backward: NodeKind, _ a: Tensor, _ b: Tensor, output: Tensor,
    saving: @autoclosure () -> SaveSlotPair? = nil,
    keeping: @autoclosure () -> [(name: String, value: SavedValue)] = [],
    formula: @autoclosure () -> FormulaNode.Formula
) {
    record(op, a, b, output: output, saving: saving(), keeping: keeping()) { edges in
        FormulaNode(kind: backward, nextEdges: edges, numOutputs: 1, formula: formula())
    }
}

/// `record` for an op with two tensor inputs and one output whose grad_fn `makeNode` builds
/// from the inputs' edges (a node that keeps what its formula needs itself, no closure).
/// `b` is nil for a Python number the op did not wrap as a tensor, which it may leave so only
/// while no observer watches (the observer is told every input).
@inline(__always)
func record(
    _ op: String, _ a: Tensor, _ b: Tensor?, output: Tensor,
    saving: @autoclosure () -> SaveSlotPair? = nil,
    keeping: @autoclosure () -> [(name: String, value: SavedValue)] = [],
    node makeNode: ([Edge?]) -> Node
) {
    let state = ThreadState.current
    guard state.gradEnabled || state.inferenceMode || state.observer != nil else { return }
    var node: Node? = nil
    if state.gradEnabled && (a.requiresGrad || b?.requiresGrad == true) {
        let n = makeNode([a.gradientEdge, b?.gradientEdge])
        attach(n, outputs: CollectionOfOne(output))
        if let slots = saving() { keep(slots, in: n, outputs: CollectionOfOne(output), state: state) }
        let kept = keeping()
        if !kept.isEmpty { n.savedValues = kept }
        node = n
    }
    if state.inferenceMode { output.isInference = true }
    if let observer = state.observer {
        observer.binaryOpExecuted(name: op, a, b, output: output, gradFn: node, gradEnabled: state.gradEnabled)
    }
}

/// The grad_fn `record` attaches: a `FormulaNode` with the inputs' edges, made the grad_fn of
/// `outputs`, keeping the tensors `saving` names (through the innermost saved-tensor hooks)
/// and the values `keeping` gives.
private func formulaNode<Outputs: RandomAccessCollection<Tensor>>(
    _ backward: NodeKind, edges: [Edge?], outputs: Outputs, saving: () -> [SaveSlot],
    keeping: () -> [(name: String, value: SavedValue)], state: ThreadState, formula: @escaping FormulaNode.Formula
) -> FormulaNode where Outputs.Index == Int {
    let n = FormulaNode(kind: backward, nextEdges: edges, numOutputs: outputs.count, formula: formula)
    attach(n, outputs: outputs)
    let slots = saving()
    if !slots.isEmpty { keep(slots, in: n, outputs: outputs, state: state) }
    let kept = keeping()
    if !kept.isEmpty { n.savedValues = kept }
    return n
}

/// Fills `n`'s saved tensors with what `slots` name, through the innermost saved-tensor hooks.
private func keep<Slots: Collection<SaveSlot>, Outputs: RandomAccessCollection<Tensor>>(
    _ slots: Slots, in n: Node, outputs: Outputs, state: ThreadState
) where Outputs.Index == Int {
    var saved = [SavedTensor]()
    saved.reserveCapacity(slots.count)
    let hooks = state.savedTensorHooks.last
    for slot in slots {
        switch slot {
        case .input(let role, let t?):
            saved.append(SavedTensor(role: role, tensor: t, isOutput: false, hooks: hooks))
        case .input(let role, nil): n.unsavedRoles.append(role)
        case .output(let role, let i):
            saved.append(
                SavedTensor(role: role, tensor: outputs[i], isOutput: true, outputNr: i, savingNode: n.name, hooks: hooks))
        }
    }
    n.saved = saved
}

/// Makes `node` the grad_fn of `outputs` (differentiable outputs only).
func attach<Outputs: RandomAccessCollection<Tensor>>(_ node: Node, outputs: Outputs)
where Outputs.Index == Int {
    // The engine applies a node only when some output has a gradient, so a single-output node
    // never needs a zero gradient and keeps no output metadata.
    if outputs.count > 1, let node = node as? FormulaNode {
        node.outputMeta = outputs.map { OutputMeta(shape: $0.shape, dtype: $0.dtype) }
    }
    for (i, o) in outputs.enumerated() where o.dtype.isFloatingPoint {
        o.gradFn = node
        o.outputNr = i
    }
}

/// Reports a tensor made by a factory function.
@inline(__always)
func reportCreated(_ t: Tensor, _ op: String) {
    if GradMode.isInferenceMode { t.isInference = true }
    Observation.observer?.tensorCreated(t, origin: .factory, op: op)
}
