import Autograd
import Python
import Synchronization

/// One Python name bound from the op registry (`torch.add`, `Tensor.add_`, `F.linear`): its
/// declared overloads, tried in declaration order against a call's Python arguments.
final class RegistryFunction: Sendable {
    /// One overload with what binding it needs, worked out once. A class: a call walks the
    /// overloads, and copying the declaration struct retains every field it holds.
    final class Overload: Sendable {
        let declaration: OpDeclaration
        let signature: OpSignature
        /// Whether the name is the in-place `X_`.
        let isInPlace: Bool
        /// How many parameters can be passed by position.
        let positionalCount: Int
        /// Whether the op returns a tuple: `torch.return_types.NAME` when its returns are named
        /// (`Tensor values, Tensor indices`), a plain tuple otherwise (`std_mean`).
        let returnsTuple: Bool
        /// Whether the only positional parameter after the receiver is an `int[]`, which then
        /// also takes varargs (`t.view(2, 3)`, `t.permute(1, 0)`), as in PyTorch.
        let takesIntVarargs: Bool

        init(
            declaration: OpDeclaration, signature: OpSignature, isInPlace: Bool, positionalCount: Int,
            returnsTuple: Bool, takesIntVarargs: Bool
        ) {
            self.declaration = declaration
            self.signature = signature
            self.isInPlace = isInPlace
            self.positionalCount = positionalCount
            self.returnsTuple = returnsTuple
            self.takesIntVarargs = takesIntVarargs
        }
    }

    /// The Python name.
    let name: String
    /// Whether calls pass the tensor the method is called on as `self`.
    let isMethod: Bool
    /// Whether `Tensor` parameters after `self` take Python numbers.
    private let numbersAsTensors: Bool
    private let namespace: OpExposure
    /// The overloads, looked up in the registry and worked out from their signatures on the
    /// first call: start-up binds every registry name but builds no op family and parses no
    /// signature.
    private let resolved = Mutex<[Overload]?>(nil)

    init(name: String, namespace: OpExposure) {
        self.name = name
        self.isMethod = namespace == .method
        self.namespace = namespace
        self.numbersAsTensors = OpValueConversion.numbersAsTensors.contains(name)
    }

    /// The declared overloads in declaration order, with their parsed signatures.
    var overloads: [Overload] {
        resolved.withLock { resolved in
            if let resolved { return resolved }
            let overloads = OpRegistry.shared.overloads(of: name, in: namespace).map(overload)
            resolved = overloads
            return overloads
        }
    }

    private func overload(_ declaration: OpDeclaration) -> Overload {
        let signature: OpSignature
        do {
            signature = try declaration.signature
        } catch {
            // Every signature is parsed by OpRegistry.build() in the registry tests.
            fatalError("\(error)")
        }
        let positional = signature.parameters.prefix { !$0.isKeywordOnly }.count
        let afterReceiver = signature.parameters.dropFirst(isMethod ? 1 : 0).prefix { !$0.isKeywordOnly }
        let varargs = afterReceiver.count == 1 && afterReceiver.first?.type == .intList(size: nil)
        return Overload(
            declaration: declaration, signature: signature, isInPlace: name.hasSuffix("_"),
            positionalCount: positional, returnsTuple: signature.returns.count > 1,
            takesIntVarargs: varargs)
    }

    /// Runs the first overload the arguments bind to, trying 0-dim tensors as `Scalar`s only
    /// when no overload takes them as they are; PyTorch's TypeError when none binds. A
    /// `torch.X(..., out=t)` call writes its result into `t` and returns it.
    func call(receiver: Tensor?, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        if !isMethod && !name.hasSuffix("_"), let k = args.keywords.firstIndex(where: { $0.name == "out" }),
            case .object(let out as Tensor) = args.keywords[k].value
        {
            var rest = args
            rest.keywords.remove(at: k)
            let inputs = (rest.positional + rest.keywords.map(\.value)).compactMap { v -> Tensor? in
                if case .object(let t as Tensor) = v { return t }
                return nil
            }
            return .tensor(
                try out.assignOut(name, inputs: inputs) {
                    guard case .object(let result as Tensor) = try call(receiver: receiver, rest, interp) else {
                        throw PyException.type("\(name)() got an unexpected keyword argument 'out'")
                    }
                    return result
                })
        }
        let overloads = self.overloads
        var firstFailure: ArgumentMismatch?
        for overload in overloads {
            switch bind(overload, receiver: receiver, args, tensorAsScalar: false, interp) {
            case .success(let slots): return try run(overload, slots)
            case .failure(let mismatch): if firstFailure == nil { firstFailure = mismatch }
            }
        }
        for overload in overloads {
            if case .success(let slots) = bind(overload, receiver: receiver, args, tensorAsScalar: true, interp) {
                return try run(overload, slots)
            }
        }
        throw ArgumentErrors.error(for: self, receiver: receiver, args, firstFailure: firstFailure!, interp)
    }

    private func run(_ overload: Overload, _ slots: [OpValue?]) throws -> Value {
        let arguments = OpArguments(overload.signature, slots: slots)
        if overload.returnsTuple {
            let outputs = try overload.declaration.callReturningAll(arguments)
            let names = overload.signature.returns.compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) }
            guard names.count == outputs.count else { return .tuple(outputs.map { .tensor($0) }) }
            return .object(ReturnTypesObject(name: overload.signature.name, fields: Array(zip(names, outputs))))
        }
        return .tensor(overload.isInPlace ? try overload.declaration.callInPlace(arguments) : try overload.declaration(arguments))
    }

    /// Binds the call's arguments to `overload`'s parameter slots.
    func bind(
        _ overload: Overload, receiver: Tensor?, _ args: Arguments, tensorAsScalar: Bool,
        _ interp: Interpreter
    ) -> Result<[OpValue?], ArgumentMismatch> {
        let parameters = overload.signature.parameters
        // Filled in place: `Array(repeating:count:)` copies an `OpValue?` per slot through its
        // value witness: about half of what binding a call cost (callgrind).
        var slots = [OpValue?](unsafeUninitializedCapacity: parameters.count) { buffer, count in
            for index in 0..<parameters.count { (buffer.baseAddress! + index).initialize(to: nil) }
            count = parameters.count
        }
        var next = 0
        if let receiver {
            slots[0] = .tensor(receiver)
            next = 1
        }
        func convert(_ v: Value, _ index: Int) -> OpValue? {
            OpValueConversion.convert(
                v, to: parameters[index], numberAsTensor: numbersAsTensors && index > 0,
                tensorAsScalar: tensorAsScalar, interp)
        }
        let positional = args.positional
        if overload.takesIntVarargs,
            positional.count > 1 || (positional.count == 1 && OpValueConversion.int(positional[0], interp) != nil)
        {
            var list = [Int]()
            for (offset, v) in positional.enumerated() {
                guard let i = OpValueConversion.int(v, interp) else {
                    return .failure(mismatch(parameters[next], v, position: offset + 1))
                }
                list.append(i)
            }
            slots[next] = .intList(list)
        } else {
            guard next + positional.count <= overload.positionalCount else {
                return .failure(.tooMany(given: positional.count, accepted: overload.positionalCount - next))
            }
            for (offset, v) in positional.enumerated() {
                guard let value = convert(v, next + offset) else {
                    return .failure(mismatch(parameters[next + offset], v, position: offset + 1))
                }
                slots[next + offset] = value
            }
        }
        for (keyword, v) in args.keywords {
            var lookup = keyword == "input" && !isMethod && parameters.first?.name == "self" ? "self" : keyword
            if let alias = Self.numpyAliases[keyword], overload.signature.parameterIndex(keyword) == nil { lookup = alias }
            guard let index = overload.signature.parameterIndex(lookup), !(isMethod && index == 0),
                lookup != "self" || keyword == "input"
            else {
                return .failure(.unexpectedKeyword(keyword))
            }
            guard slots[index] == nil else { return .failure(.unexpectedKeyword(keyword)) }
            guard let value = convert(v, index) else {
                return .failure(mismatch(parameters[index], v, position: nil))
            }
            slots[index] = value
        }
        let missing = parameters.indices.filter { slots[$0] == nil && parameters[$0].defaultValue == nil }
        guard missing.isEmpty else {
            return .failure(.missing(missing.map { pythonName(of: parameters[$0]) }))
        }
        return .success(slots)
    }

    private func mismatch(_ parameter: OpParameter, _ v: Value, position: Int?) -> ArgumentMismatch {
        .type(
            parameter: pythonName(of: parameter), expected: OpValueConversion.pythonSpelling(parameter.type),
            got: Formatting.typeName(v), position: position)
    }

    /// The NumPy spellings PyTorch's argument parser also accepts for a parameter (`axis=` for `dim=`).
    private static let numpyAliases = ["axis": "dim", "keepdims": "keepdim"]

    /// A parameter's name as Python callers see it: `self` is `input` outside methods.
    func pythonName(of parameter: OpParameter) -> String {
        parameter.name == "self" && !isMethod ? "input" : parameter.name
    }
}

/// Why a call's arguments did not bind to one overload.
enum ArgumentMismatch: Error {
    case unexpectedKeyword(String)
    /// The required parameters left unfilled, by Python name.
    case missing([String])
    /// A value that does not convert; `position` is 1-based among the Python arguments.
    case type(parameter: String, expected: String, got: String, position: Int?)
    case tooMany(given: Int, accepted: Int)
}
