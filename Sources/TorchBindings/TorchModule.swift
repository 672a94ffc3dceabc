import Autograd
import Python

/// Types the `torch` module exposes.
enum TorchTypes {
    /// `torch.Tensor`: the type of every tensor, and the legacy float32 constructor.
    static let tensor = TypeObject("Tensor", qualifiedName: "torch.Tensor") { args, interp in
        try interp.legacyConstructor(args, dtype: interp.defaultFloatDType, name: "Tensor")
    }
    /// The legacy typed constructors (`torch.FloatTensor`, `torch.IntTensor`, ...), by name.
    static let legacyTensors: [String: TypeObject] = Dictionary(
        uniqueKeysWithValues: [DType.float32, .float64, .int64, .int32, .int16, .int8, .uint8].map { dtype in
            let name = String(dtype.legacyTypeName.dropFirst("torch.".count))
            return (
                name,
                TypeObject(name, qualifiedName: dtype.legacyTypeName) { args, interp in
                    try interp.legacyConstructor(args, dtype: dtype, name: name)
                }
            )
        })
    /// `torch.Size`: a tuple subclass of dimension sizes.
    static let size = TypeObject("Size", qualifiedName: "torch.Size") { args, interp in
        .object(SizeObject(try interp.intList(args.positional.first ?? .tuple([]), "Size", "sizes")))
    }
    /// `torch.dtype`: the type of `torch.float32` and friends.
    static let dtype = TypeObject("dtype", qualifiedName: "torch.dtype")
    /// `torch.device`.
    static let device = TypeObject("device", qualifiedName: "torch.device") { args, interp in
        try DeviceObject.construct(args, interp)
    }
}

extension Interpreter {
    /// `torch.Tensor(data)` / `torch.Tensor(2, 3)`: data converted to `dtype`, or zeros of a shape.
    func legacyConstructor(_ args: Arguments, dtype: DType, name: String) throws -> Value {
        if let first = args.positional.first, args.positional.count == 1, !isIntLike(first) || (try? isSequence(first)) == true {
            if case .object(let t as Tensor) = first { return .tensor(try t.to(dtype)) }
            let data = try nestedData(first)
            return .tensor(
                try Tensor.factory("tensor", try Tensor(data.values, shape: data.shape, dtype: dtype), requiresGrad: false))
        }
        let shape = try shapeArgument(args, name)
        try MemoryBudget.checkedNumel(shape, allocating: dtype)
        return .tensor(try Tensor.factory("empty", Tensor.zeros(shape, dtype: dtype), requiresGrad: false))
    }

    private func isIntLike(_ v: Value) -> Bool {
        if case .int = v { return true }
        return false
    }

    /// `Foo.apply(*args)` for a `torch.autograd.Function` subclass.
    func applyCustomFunction(_ cls: UserClass, _ args: Arguments) throws -> Value {
        guard let forward = cls.lookup("forward").map(unwrapStatic), let backward = cls.lookup("backward").map(unwrapStatic)
        else {
            throw PyException(
                .notImplementedError, "You must implement the forward and backward functions for custom autograd.Function.")
        }
        let tensors: [Tensor?] = args.positional.map {
            if case .object(let t as Tensor) = $0 { return t }
            return nil
        }
        // A class defining `setup_context` has a forward without ctx (PyTorch 2's style).
        let setupContext = cls.lookup("setup_context").map(unwrapStatic)
        var ctxObject: FunctionCtxObject?
        var returnedTuple = false
        torchObserver?.functionCallEntered(line: scriptLine)
        defer { torchObserver?.functionCallExited() }
        let function = cls.hostData as? FunctionClass ?? FunctionClass(name: cls.name)
        cls.hostData = function
        let outputs = try CustomFunction.apply(
            function, arguments: tensors,
            forward: { ctx in
                let c = FunctionCtxObject(ctx)
                ctxObject = c
                let result: Value
                if let setupContext {
                    result = try self.call(forward, args)
                    _ = try self.call(setupContext, Arguments([.object(c), .tuple(args.positional), result]))
                } else {
                    var a = args
                    a.positional.insert(.object(c), at: 0)
                    result = try self.call(forward, a)
                }
                switch result {
                case .object(let t as Tensor): return [t]
                case .tuple(let items):
                    returnedTuple = true
                    return try items.map { v in
                        guard case .object(let t as Tensor) = v else {
                            throw PyException.type("custom Function forward must return tensors")
                        }
                        return t
                    }
                default:
                    throw PyException.type(
                        "custom Function forward must return a Tensor or a tuple of Tensors, not \(Formatting.typeName(result))")
                }
            },
            backward: { [unowned self] _, grads in
                var a = Arguments(grads.map(Value.tensor))
                a.positional.insert(.object(ctxObject!), at: 0)
                let result = try self.call(backward, a)
                let items: [Value]
                if case .tuple(let t) = result { items = t } else { items = [result] }
                return try items.map { v in
                    switch v {
                    case .none: return nil
                    case .object(let t as Tensor): return t
                    default: throw PyException.type("expected Tensor or None as the gradient, got \(Formatting.typeName(v))")
                    }
                }
            })
        return outputs.count == 1 && !returnedTuple ? .tensor(outputs[0]) : .tuple(outputs.map(Value.tensor))
    }

    private func unwrapStatic(_ v: Value) -> Value {
        if case .object(let s as StaticMethod) = v { return s.function }
        return v
    }
}
