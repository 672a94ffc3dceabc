import Autograd
import TestSupport
import Testing

@testable import Python
@testable import TorchBindings

/// The bindings are derived from the op registry: every name it declares in every namespace
/// (`torch.X`, `Tensor.X`, `torch.nn.functional.X`, in-place `X_`) resolves from a script and
/// gives what a direct call of the declaration gives; no name is bound both by hand and by the
/// registry; argument errors are PyTorch's.
struct RegistryBindingTests {
    /// One call of one overload, built from the declaration's samples.
    struct SampledCall {
        let namespace: OpExposure
        let name: String
        let declaration: OpDeclaration
        /// The Python expression, over globals `a0`, `a1`, ….
        let expression: String
        /// Fresh inputs for one call: the script's globals and the direct call's arguments.
        let inputs: () throws -> (globals: [String: Tensor], arguments: OpArguments)
    }

    /// Every registry name in every namespace, each overload sampled.
    static func sampledCalls() throws -> [SampledCall] {
        var calls = [SampledCall]()
        for (namespace, _) in OpExposure.namespaces {
            for name in OpRegistry.shared.names(in: namespace) {
                for declaration in OpRegistry.shared.overloads(of: name, in: namespace) {
                    calls.append(try sampledCall(declaration, name: name, namespace: namespace))
                }
            }
        }
        return calls
    }

    static func sampledCall(_ declaration: OpDeclaration, name: String, namespace: OpExposure) throws -> SampledCall {
        let signature = try declaration.signature
        let fixed = try OpSampling.arguments(declaration)
        let slots = try OpSampling.tensorSlots(declaration)
        var variables = [String: String]()
        var count = 0
        for slot in slots {
            let names = (0..<slot.count).map { "a\(count + $0)" }
            count += slot.count
            variables[slot.name] = slot.count == 1 ? names[0] : "[\(names.joined(separator: ", "))]"
        }
        var parts = [String]()
        var byKeyword = false
        let isMethod = namespace == .method
        for (index, p) in signature.parameters.enumerated() where !(isMethod && index == 0) {
            guard let text = variables[p.name] ?? fixed[p.name].map(literal) else {
                byKeyword = true
                continue
            }
            byKeyword = byKeyword || p.isKeywordOnly
            let keyword = p.name == "self" ? "input" : p.name
            parts.append(byKeyword ? "\(keyword)=\(text)" : text)
        }
        // A method's receiver: its sampled tensor, or its constant (integer `self` of the
        // bitwise ops) written as a literal.
        let receiver = signature.parameters.first.flatMap { variables[$0.name] ?? fixed[$0.name].map { "(\(literal($0)))" } }
        let callee =
            isMethod
            ? "\(receiver ?? "?").\(name)"
            : (namespace == .torch ? "torch." : namespace == .linalg ? "torch.linalg." : "F.") + name
        let inPlace = name.hasSuffix("_")
        return SampledCall(
            namespace: namespace, name: name, declaration: declaration,
            expression: "\(callee)(\(parts.joined(separator: ", ")))"
        ) {
            var globals = [String: Tensor]()
            var values = fixed
            var k = 0
            for slot in slots {
                let tensors = try (0..<slot.count).map { _ -> Tensor in
                    defer { k += 1 }
                    let leaf = try OpSampling.tensor(
                        declaration.samples.shapes[slot.name] ?? [2, 3],
                        declaration.samples.domain, seed: k)
                    if declaration.isDifferentiable { try leaf.setRequiresGrad(true) }
                    globals["a\(k)"] = inPlace ? try leaf.clone() : leaf
                    return inPlace ? try leaf.clone() : leaf
                }
                values[slot.name] = slot.count == 1 ? .tensor(tensors[0]) : .tensorList(tensors)
            }
            return (globals, try declaration.arguments(values))
        }
    }

    /// A sample value as Python source.
    static func literal(_ value: OpValue) -> String {
        switch value {
        case .int(let i): return String(i)
        case .intList(let list): return "[\(list.map(String.init).joined(separator: ", "))]"
        case .scalar(.int(let i)): return String(i)
        case .scalar(.double(let d)), .double(let d): return String(d)
        case .scalar(.bool(let b)), .bool(let b): return b ? "True" : "False"
        case .dtype(let d): return "torch.\(d.name)"
        case .string(let s): return "'\(s)'"
        case .none: return "None"
        case .tensor(let t):
            let values = t.doubles().map {
                t.dtype == .bool ? ($0 != 0 ? "True" : "False") : t.dtype == .int64 ? String(Int($0)) : String($0)
            }
            return "torch.tensor([\(values.joined(separator: ", "))], dtype=\(t.dtype.name)).reshape(\(t.shape))"
        case .tensorList: return "?"
        }
    }

    /// Runs `result = expression` with `globals` bound; the value of `result`, or the script's stderr.
    static func run(_ expression: String, _ globals: [String: Tensor]) throws -> Result<Value, ScriptFailure> {
        var err = ""
        let source = "import torch\nimport torch.nn.functional as F\nresult = \(expression)\n"
        let interp = Interpreter(
            module: try parseModule(source: source, filename: "t.py"), filename: "t.py",
            writeOutput: { _ in }, writeError: { err += $0 })
        TorchRuntime.install(into: interp)
        for (name, t) in globals { interp.globals.variables[name] = .tensor(t) }
        guard interp.run() == 0, let result = interp.globals.variables["result"] else {
            return .failure(ScriptFailure(stderr: err))
        }
        return .success(result)
    }

    struct ScriptFailure: Error { let stderr: String }

    @Test func everyDeclaredNameRunsFromAScriptLikeItsDeclaration() throws {
        let calls = try Self.sampledCalls()
        #expect(calls.count > 150)
        for call in calls {
            let context = "\(call.expression) for \(call.declaration.signatureText)"
            let script = try call.inputs()
            let direct = try call.inputs()
            let expected =
                call.name.hasSuffix("_")
                ? [try call.declaration.callInPlace(direct.arguments)]
                : try call.declaration.callReturningAll(direct.arguments)
            switch try Self.run(call.expression, script.globals) {
            case .failure(let failure):
                Issue.record("\(context) failed: \(failure.stderr)")
            case .success(let result):
                let actual = Self.tensors(result)
                #expect(actual.count == expected.count, "\(context) gave \(result)")
                for (a, e) in zip(actual, expected) {
                    #expect(a.shape == e.shape && a.dtype == e.dtype && a.doubles() == e.doubles(), "\(context)")
                    #expect(a.gradFn?.name == e.gradFn?.name, "\(context)")
                }
                let declared =
                    call.name.hasSuffix("_")
                    ? call.declaration.underivedInPlaceGradFn ?? call.declaration.inPlaceGradFn ?? call.declaration.gradFn
                    : call.declaration.gradFn
                #expect(actual.first?.gradFn?.name == declared, "\(context)")
            }
        }
    }

    /// A script's result as tensors: one tensor, the parts of a `torch.return_types` tuple, or
    /// of a plain tuple (`std_mean`).
    static func tensors(_ result: Value) -> [Tensor] {
        switch result {
        case .object(let t as Tensor): return [t]
        case .object(let pair as ReturnTypesObject): return pair.fields.map(\.value)
        case .tuple(let items): return items.flatMap(tensors)
        default: return []
        }
    }

    @Test func noNameIsBoundBothByHandAndByTheRegistry() throws {
        let interp = Interpreter(
            module: try parseModule(source: "", filename: "t.py"), filename: "t.py",
            writeOutput: { _ in }, writeError: { _ in })
        let byHand: [(OpExposure, Set<String>)] = [
            (.torch, Set(TorchFunctions.torch(interp).keys)),
            (.method, Set(TensorMethods.table.keys)),
            (.functional, Set(TorchFunctions.functional(interp).keys)),
            (.linalg, [])
        ]
        for (namespace, hand) in byHand {
            let derived = Set(RegistryBindings.bindings(in: namespace).keys)
            #expect(hand.isDisjoint(with: derived), "\(namespace): \(hand.intersection(derived).sorted())")
            let declared = Set(OpRegistry.shared.names(in: namespace))
            let kept = Set(RegistryBindings.keptByHand.filter { $0.namespace == namespace }.map(\.name))
            #expect(derived == declared.subtracting(kept), "\(namespace)")
            #expect(kept.isSubset(of: hand) && kept.isSubset(of: declared), "\(namespace): \(kept.sorted())")
        }
    }

    /// Texts checked against PyTorch 2.15 (`OMP_NUM_THREADS=1 python`).
    @Test func argumentErrorsArePyTorchs() throws {
        let cases: [(String, String)] = [
            ("torch.add(x, 'a')", "TypeError: add(): argument 'other' (position 2) must be Tensor, not str"),
            ("x.add('a')", "TypeError: add(): argument 'other' (position 1) must be Tensor, not str"),
            ("torch.sigmoid(x, foo=1)", "TypeError: sigmoid() got an unexpected keyword argument 'foo'"),
            ("x.sigmoid(1)", "TypeError: TensorBase.sigmoid() takes no arguments (1 given)"),
            ("x.exp(input=x)", "TypeError: TensorBase.exp() takes no keyword arguments"),
            ("torch.sigmoid()", "TypeError: sigmoid() missing 1 required positional arguments: \"input\""),
            ("torch.transpose(x, 0)", "TypeError: transpose() missing 1 required positional arguments: \"dim1\""),
            ("torch.mm(x, 2)", "TypeError: mm(): argument 'mat2' (position 2) must be Tensor, not int"),
            ("x.unsqueeze(dim='a')", "TypeError: unsqueeze(): argument 'dim' must be int, not str")
        ]
        let invalidCombination = """
            TypeError: max() received an invalid combination of arguments - got (str), but expected one of:
             * ()
             * (Tensor other)
                  didn't match because some of the arguments have invalid types: (!str!)
             * (int dim, bool keepdim = False)
                  didn't match because some of the arguments have invalid types: (!str!)
            """
        for (expression, expected) in cases {
            let x = try OpSampling.tensor([2, 3], .real, seed: 0)
            switch try Self.run(expression, ["x": x]) {
            case .success: Issue.record("\(expression) did not raise")
            case .failure(let failure):
                let last = failure.stderr.split(separator: "\n").last.map(String.init) ?? ""
                #expect(last == expected, "\(expression)")
            }
        }
        // PyTorch lists the same overloads, but marks the mismatch under the one before it.
        guard case .failure(let failure) = try Self.run("x.max('a')", ["x": try OpSampling.tensor([2, 3], .real, seed: 0)]) else {
            Issue.record("x.max('a') did not raise")
            return
        }
        #expect(failure.stderr.hasSuffix(invalidCombination + "\n\n"), "\(failure.stderr)")
    }

    @Test func varargsShapesAndNumbersBindAsPyTorchAllows() throws {
        let x = try OpSampling.tensor([2, 3], .real, seed: 0)
        for (expression, shape) in [
            ("x.view(3, 2)", [3, 2]), ("x.permute(1, 0)", [3, 2]), ("x.reshape((6,))", [6]),
            ("torch.reshape(x, [3, -1])", [3, 2]), ("x.sum(dim=(0, 1), keepdim=True)", [1, 1]),
            ("torch.add(x, 1, alpha=2)", [2, 3]), ("torch.pow(2, x)", [2, 3]),
            ("torch.exp(input=x)", [2, 3]), ("x.clamp(min=torch.tensor(0.5))", [2, 3]),
            ("x.max(1).values", [2]), ("torch.min(x, dim=0, keepdim=True)[0]", [1, 3])
        ] {
            guard case .success(.object(let t as Tensor)) = try Self.run(expression, ["x": x]) else {
                Issue.record("\(expression) failed")
                continue
            }
            #expect(t.shape == shape, "\(expression)")
        }
    }
}
