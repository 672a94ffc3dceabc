/// `self = F(self, other)` written straight into a contiguous tensor's memory.
private struct InPlaceBinaryVisitor<F: BinaryFunction>: ElementVisitor {
    let target: UnsafeMutableRawPointer
    let source: Storage
    let count: Int
    let sourceIsScalar: Bool

    func visit<T: TensorElement>(_ type: T.Type) {
        switch T.self {
        case is Float.Type:
            if let op = F.arithmeticOperator {
                op.runInPlace(
                    target.assumingMemoryBound(to: Float.self), source.pointer(Float.self), count: count,
                    bScalar: sourceIsScalar)
            } else {
                run(Float.self, F.apply)
            }
        case is Double.Type:
            if let op = F.arithmeticOperator {
                op.runInPlace(
                    target.assumingMemoryBound(to: Double.self), source.pointer(Double.self), count: count,
                    bScalar: sourceIsScalar)
            } else {
                run(Double.self, F.apply)
            }
        case is Int64.Type: run(Int64.self, F.apply)
        case let narrow as any NarrowIntegerElement.Type: runWidened(narrow)
        default: run(Bool.self, F.apply)
        }
    }

    /// A narrow integer type computes in int64 and keeps the low bits.
    private func runWidened<N: NarrowIntegerElement>(_: N.Type) {
        run(N.self) { N(truncatingIfNeeded: F.apply(Int64($0), Int64($1))) }
    }

    @inline(__always)
    private func run<T>(_: T.Type, _ f: (T, T) -> T) {
        let pt = target.assumingMemoryBound(to: T.self)
        let ps = source.pointer(T.self)
        if sourceIsScalar {
            let y = ps[0]
            for i in 0..<count { pt[i] = f(pt[i], y) }
        } else {
            for i in 0..<count { pt[i] = f(pt[i], ps[i]) }
        }
    }
}

extension Tensor {
    /// Runs `self op= other` without an intermediate result when nothing could observe the
    /// difference: nothing for autograd to record, the result dtype is this tensor's, `other`
    /// broadcasts to this shape without sharing this storage, and this tensor is contiguous.
    /// Returns false (having changed nothing) when the general path must run. An observer is told
    /// what the general path tells it, less the intermediate: the out-of-place op (`op` without
    /// its `_`) with this tensor as its output, then the version bump that makes it in place.
    func binaryInPlaceDirect<F: BinaryFunction>(
        _ f: F.Type, _ other: Operand, op: String,
        floatResult: Bool = false
    ) -> Bool {
        guard isContiguous else { return false }
        if case .tensor(let t) = other, t.storage === storage { return false }
        let (dt, o) = promote(other, floatResult: floatResult)
        guard dt == dtype, !(GradMode.isEnabled && (requiresGrad || o.requiresGrad)) else { return false }
        guard let target = try? broadcastShapes(shape, o.shape), target == shape else { return false }
        let n = numel
        let scalar = o.numel == 1
        let source = o.contiguousStorage(as: dt, broadcastTo: scalar ? nil : shape)
        dtype.dispatch(
            InPlaceBinaryVisitor<F>(
                target: storage.data + offset * dtype.itemSize, source: source,
                count: n, sourceIsScalar: scalar))
        if let observer = Observation.observer {
            observer.opExecuted(
                OpEvent(name: String(op.dropLast()), inputs: [self, o], outputs: [self], gradFn: nil, isInPlace: false))
        }
        bumpVersion(op)
        return true
    }
}
