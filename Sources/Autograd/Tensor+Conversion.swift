/// dtype conversion and reading values out.
extension Tensor {
    /// `to(dtype)`: the same tensor when the dtype already matches and no `copy` is asked for,
    /// else a converted copy (ToCopyBackward0).
    public func to(_ dt: DType, copy: Bool = false) throws -> Tensor {
        if dt == dtype && !copy { return self }
        let out = inIteratorLayout([self], shape: shape) { operands, shape in
            let source = operands[0]
            return Tensor(
                storage: dt == dtype ? source.freshContiguousStorage() : source.contiguousStorage(as: dt), shape: shape)
        }
        let src = dtype
        record("to", .toCopyBackward0, inputs: [self], outputs: [out]) { ctx in [try ctx.grad.to(src)] }
        return out
    }

    /// The single value of a one-element tensor (`item()`).
    public func item() throws -> ScalarValue {
        guard numel == 1 else {
            throw TorchError.runtime("a Tensor with \(numel) elements cannot be converted to Scalar")
        }
        return onlyElement
    }

    /// The value of a tensor known to hold one element (`item()` once it has checked that).
    package var onlyElement: ScalarValue {
        // The one element is at `offset` whatever the strides: read in place, no copy.
        switch dtype {
        case .bool: return .bool(storage.pointer(Bool.self)[offset])
        case .int64: return .int(storage.pointer(Int64.self)[offset])
        case .uint8, .int8, .int16, .int32:
            return .int(Int64(dtype.dispatch(SingleValueReader(storage: storage, offset: offset))))
        case .float32: return .double(Double(storage.pointer(Float.self)[offset]))
        case .float64: return .double(storage.pointer(Double.self)[offset])
        }
    }

    /// The values of an int64 tensor in row-major order, exactly (past 2^53 a Double cannot hold them).
    func int64Values() -> [Int64] {
        let s = contiguousStorage(as: .int64)
        return Array(UnsafeBufferPointer(start: s.pointer(Int64.self), count: numel))
    }

    /// `clone()`: a copy that keeps the graph (CloneBackward0) and the memory layout, as
    /// `memory_format=torch.preserve_format` does (a permuted dense tensor keeps its strides).
    public func clone() throws -> Tensor {
        let out = inIteratorLayout([self], shape: shape) { operands, shape in
            Tensor(storage: operands[0].freshContiguousStorage(), shape: shape)
        }
        record("clone", .cloneBackward0, inputs: [self], outputs: [out]) { ctx in [ctx.grad] }
        return out
    }
}

extension NodeKind {
    static let toCopyBackward0 = NodeKind("ToCopyBackward0")
}
