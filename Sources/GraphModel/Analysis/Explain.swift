/// Thresholds for `Graph.explain`, and which passes it looks at.
public struct ExplainOptions: Sendable {
    /// A gradient whose norm is above zero but below this is reported as vanishing.
    public var vanishingBelow = 1e-6
    /// A gradient whose norm is above this is reported as exploding.
    public var explodingAbove = 1e4
    /// At most this many paths are kept per tensor and pass.
    public var pathLimit = 4
    /// Only these backward passes are explained (nil: every pass). Explaining is linear in the
    /// graph's size per pass, so a tool showing a long training loop can bound it.
    public var passes: Range<Int>?

    public init() {}
}

/// Everything `gradscope why` says about one tensor.
public struct TensorExplanation: Sendable {
    public let tensor: Int
    /// One outcome per backward pass that started after the tensor existed, in call order.
    public let passes: [PassOutcome]
    /// Findings across passes (a `.grad` that kept accumulating).
    public let findings: [Finding]
}

/// Whether a gradient reached a tensor in one backward pass, how, or why not.
public struct PassOutcome: Sendable {
    public let pass: Int
    public let arrived: Bool
    /// The gradient that arrived: the one accumulated into a leaf, or the one flowing into a
    /// non-leaf's grad_fn (nil for a root, seeded by the call, or when none arrived).
    public let gradient: GradSummary?
    /// Root-first node paths the gradient took, ending at the tensor's node.
    public let paths: [[PathStep]]
    /// Why no gradient arrived; nil when one did.
    public let reason: NoGradientReason?
    /// Uses of the tensor whose route to the roots was cut (a detach, no_grad, a non-differentiable op).
    public let cuts: [CutUse]
    /// Anything unusual: zero, vanishing, exploding or non-finite gradients, replaced by a hook,
    /// a saved tensor modified in place, anomaly detection firing.
    public let findings: [Finding]
}

/// One node on a gradient path, with the gradient that flowed into it along the path.
public struct PathStep: Sendable, Equatable {
    public let node: Int
    /// The gradient its parent on the path sent it (nil for the first node, a root).
    public let grad: GradSummary?
}

/// Why no gradient reached a tensor in a pass.
public enum NoGradientReason: Sendable, Equatable {
    /// Every route from the roots to the tensor is cut: see `PassOutcome.cuts`.
    case cut
    /// The tensor does not require grad; it was made at this line.
    case requiresGradFalse(line: Int)
    /// The roots do not depend on the tensor.
    case notUsed
    /// An earlier pass freed buffers this one needed.
    case graphFreed(pass: Int, line: Int)
    /// `autograd.grad` computes gradients only for its inputs.
    case notAnInput
    /// The pass raised before the gradient got there.
    case passFailed(ErrorRecord)
    /// The tensor is in the pass's graph, but no gradient flowed to it.
    case noGradientFlowed

    /// A short machine-readable name.
    public var keyword: String {
        switch self {
        case .cut: return "cut"
        case .requiresGradFalse: return "requires_grad_false"
        case .notUsed: return "not_used"
        case .graphFreed: return "graph_freed"
        case .notAnInput: return "not_an_input"
        case .passFailed: return "pass_failed"
        case .noGradientFlowed: return "no_gradient_flowed"
        }
    }
}

/// A use of a tensor whose route to a pass's roots goes through a cut.
public struct CutUse: Sendable, Equatable {
    public enum Kind: Sendable, Hashable {
        /// `detach()`, `detach_()` or `.data`: the `DetachRecord` id.
        case detach(Int)
        /// An op that ran with grad mode off: its `OpRecord` id.
        case noGrad(Int)
        /// An op whose result has no gradient (comparisons, argmax, ...): its `OpRecord` id.
        case nonDifferentiable(Int)
    }

    public let kind: Kind
    /// The line of the cut (the detach, or the op).
    public let line: Int
    /// The op that used the tensor on this route (nil when the tensor itself was detached).
    public let use: Int?
}

/// Something unusual about a gradient.
public enum Finding: Sendable, Equatable {
    /// The gradient is all zeros; `node` is where a non-zero gradient became zero (nil if unknown).
    case zeroGradient(node: Int?)
    /// The norm is above zero but below `threshold`.
    case vanishing(norm: Double, threshold: Double)
    /// The norm is above `threshold`.
    case exploding(norm: Double, threshold: Double)
    /// NaN or infinite elements; the nodes that first produced each from finite gradients.
    case nonFinite(nan: Int, inf: Int, firstNaN: Int?, firstInf: Int?)
    /// A tensor hook on `node` replaced the gradient.
    case hookReplaced(node: Int, output: Int)
    /// A saved buffer of `node` was modified in place after it was saved.
    case savedModified(node: Int, buffer: String, invalidation: Invalidation, savedVersion: Int)
    /// Anomaly detection stopped the pass: `node` returned NaN in output `output`.
    case anomaly(node: Int, output: Int)
    /// The leaf's `.grad` was added onto a previous non-zero `.grad` in these passes.
    case accumulated(passes: [Int])

    /// A short machine-readable name.
    public var keyword: String {
        switch self {
        case .zeroGradient: return "zero_gradient"
        case .vanishing: return "vanishing"
        case .exploding: return "exploding"
        case .nonFinite: return "non_finite"
        case .hookReplaced: return "hook_replaced"
        case .savedModified: return "saved_modified"
        case .anomaly: return "anomaly"
        case .accumulated: return "accumulated"
        }
    }
}

extension Graph {
    /// The tensors `gradscope why` explains by default: every leaf that requires grad and every
    /// tensor whose `.grad` the script read, in recording order.
    public var explainTargets: [Int] {
        var chosen = Set(parameters)
        for r in gradReads { chosen.insert(r.tensor) }
        return chosen.sorted()
    }

    /// Tensors ever bound to the script variable `name`, or module parameters named `name`
    /// (`model.fc1.weight` or `fc1.weight`), in recording order.
    public func tensors(named name: String) -> [Int] {
        tensors.indices.filter { t in
            tensors[t].names.contains(name) || tensors[t].parameterPath.map { $0 == name || tensors[t].label == name } ?? false
        }
    }

    /// Explains gradient flow to each of `targets` (tensor ids; out-of-range ids are skipped).
    /// Linear in the graph's size per pass and target.
    public func explain(_ targets: [Int], options: ExplainOptions = ExplainOptions()) -> [TensorExplanation] {
        let producers = SharedProducerIndex()
        let marks = PathMarks(nodeCount: nodes.count)
        var contexts = backwardPasses.indices.map {
            PassContext(graph: self, pass: $0, producers: producers, marks: marks)
        }
        return targets.filter { tensors.indices.contains($0) }.map { t in
            var outcomes: [PassOutcome] = []
            for p in backwardPasses.indices where t < backwardPasses[p].tensorsBefore && options.passes?.contains(p) != false {
                outcomes.append(contexts[p].outcome(for: t, options: options))
            }
            let onto = backwardPasses.indices.filter { p in
                backwardPasses[p].accumulated.contains { $0.tensor == t && $0.ontoPrevious }
            }
            return TensorExplanation(tensor: t, passes: outcomes, findings: onto.isEmpty ? [] : [.accumulated(passes: onto)])
        }
    }
}
