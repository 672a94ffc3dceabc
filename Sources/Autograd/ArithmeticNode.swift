/// The grad_fn of `add`, `sub` and `mul` with a tensor or Python-number operand
/// (AddBackward0, SubBackward0, MulBackward0).
///
/// Its formula is chosen by `kind` and reads the input shapes and `alpha` kept in the node
/// itself, so recording one of these ops makes no closure context; in backward it appends its
/// input gradients to the engine's reused buffer instead of returning an array of its own.
final class ArithmeticNode: Node {
    enum Kind {
        case add, sub, mul

        /// The forward op's name (`add`, `sub`, `mul`).
        var opName: String {
            switch self {
            case .add: "add"
            case .sub: "sub"
            case .mul: "mul"
            }
        }

        /// The grad_fn class (AddBackward0, SubBackward0, MulBackward0).
        var nodeKind: NodeKind {
            switch self {
            case .add: Self.addNode
            case .sub: Self.subNode
            case .mul: Self.mulNode
            }
        }

        private static let addNode = NodeKind("AddBackward0")
        private static let subNode = NodeKind("SubBackward0")
        private static let mulNode = NodeKind("MulBackward0")
    }

    let kind: Kind
    /// The shapes the gradients of `self` and `other` are summed back to (broadcasting).
    private let selfShape: [Int]
    private let otherShape: [Int]
    /// The `alpha` of `add` and `sub` (1 for `mul`).
    private let alpha: Double

    init(_ kind: Kind, nextEdges: [Edge?], selfShape: [Int], otherShape: [Int], alpha: Double = 1) {
        self.kind = kind
        self.selfShape = selfShape
        self.otherShape = otherShape
        self.alpha = alpha
        let nodeKind = kind.nodeKind
        super.init(kind: nodeKind, nextEdges: nextEdges)
    }

    override func apply(_ grads: [Tensor?]) throws -> [Tensor?] {
        var inputGrads = [Tensor?]()
        inputGrads.reserveCapacity(2)
        try appendInputGradients(grads, to: &inputGrads)
        return inputGrads
    }

    override func applyConsuming(_ grads: inout [Tensor?], into outputs: inout [Tensor?]) throws {
        try appendInputGradients(grads, to: &outputs)
    }

    /// PyTorch's formulas, `self`'s gradient first (the order a recording backward sees them).
    private func appendInputGradients(_ grads: [Tensor?], to outputs: inout [Tensor?]) throws {
        guard let grad = grads.first ?? nil else { throw missingGradient(output: 0) }
        let ctx = BackwardContext(filled: grads, node: self)
        switch kind {
        case .add:
            outputs.append(ctx.needsGrad(0) ? try grad.sumTo(selfShape) : nil)
            outputs.append(
                ctx.needsGrad(1) ? try (alpha == 1 ? grad : grad.mul(.scalar(.double(alpha)))).sumTo(otherShape) : nil)
        case .sub:
            outputs.append(ctx.needsGrad(0) ? try grad.sumTo(selfShape) : nil)
            outputs.append(
                ctx.needsGrad(1)
                    ? try (alpha == 1 ? grad.neg() : grad.neg().mul(.scalar(.double(alpha)))).sumTo(otherShape) : nil)
        case .mul:
            outputs.append(ctx.needsGrad(0) ? try grad.mul(.tensor(ctx.saved("other"))).sumTo(selfShape) : nil)
            outputs.append(ctx.needsGrad(1) ? try grad.mul(.tensor(ctx.saved("self"))).sumTo(otherShape) : nil)
        }
    }
}
