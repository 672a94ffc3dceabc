import Testing

@testable import Python

/// The Python module on its own: only builtins and `math`, host modules through the
/// registration API, host objects through the PyObject hooks, its own memory limit.
@Suite struct HostObjectTests {
    private func run(
        _ source: String, limits: ExecutionLimits = ExecutionLimits(),
        setUp: (Interpreter) -> Void = { _ in }
    ) throws -> (status: Int32, out: String, err: String) {
        var out = ""
        var err = ""
        let interp = Interpreter(
            module: try parseModule(source: source, filename: "t.py"), filename: "t.py",
            writeOutput: { out += $0 }, writeError: { err += $0 })
        interp.limits = limits
        setUp(interp)
        let status = interp.run()
        return (status, out, err)
    }

    /// A host number: `+` and `*` with ints, `==`, truth, `format` and `int()`.
    private final class Meters: PyObject {
        let value: Int
        init(_ value: Int) { self.value = value }
        var typeName: String { "Meters" }
        func repr() -> String { "\(value)m" }
        func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
            guard case .int(let n) = other else { return nil }
            switch op {
            case .add: return .object(Meters(value + n))
            case .mul: return .object(Meters(value * n))
            default: return nil
            }
        }
        func comparison(_ op: CompareOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
            guard op == .eq, case .object(let o as Meters) = other else { return nil }
            return .bool(o.value == value)
        }
        func truthValue(_ interp: Interpreter) throws -> Bool? { value != 0 }
        func format(_ spec: String, _ interp: Interpreter) throws -> String? { try interp.format(.int(value), spec: spec) + "m" }
        func numberConversion(_ interp: Interpreter) throws -> Value? { .int(value) }
    }

    @Test func hostObjectsUseTheirHooks() throws {
        let source = """
            d = meters(3)
            print(d + 1, 2 * d, d == meters(3), bool(meters(0)), f"{d:>4}", int(d))
            """
        let result = try run(source) { interp in
            interp.registerBuiltin(
                "meters",
                .object(
                    BuiltinFunction("meters") { args, _ in
                        guard case .int(let n)? = args.positional.first else { return .none }
                        return .object(Meters(n))
                    }))
        }
        #expect(result.err == "")
        #expect(result.out == "4m 6m True False    3m 3\n")
    }

    @Test func onlyStandardModulesAreImportableWithoutAHost() throws {
        let result = try run("import math\nprint(math.sqrt(16.0))\nimport torch\n")
        #expect(result.status == 1)
        #expect(result.out == "4.0\n")
        #expect(
            result.err.hasSuffix(
                "ModuleNotFoundError: No module named 'torch': GradScope scripts can import only math, random, itertools, functools, collections, __future__, typing, copy, operator, string, warnings, time, sys, argparse, dataclasses, re and textwrap (no files, network, processes or environment)\n"
            ))
    }

    @Test func hostModulesAreListedBeforeTheStandardOnes() throws {
        let result = try run("import units\nprint(units.__name__)\nimport units.si\n") { interp in
            interp.registerModule("units", .object(ModuleObject(name: "units", members: [:])))
        }
        #expect(result.out == "units\n")
        #expect(
            result.err.hasSuffix(
                "ModuleNotFoundError: No module named 'units.si' (GradScope supports units, math, random, itertools, functools, collections, __future__, typing, copy, operator, string, warnings, time, sys, argparse, dataclasses, re and textwrap)\n"
            ))
    }

    @Test func listsAndStringsHaveTheirOwnMemoryLimit() throws {
        var limits = ExecutionLimits()
        limits.maxMemory = 1 << 20
        let list = try run("x = [0] * 10_000_000\n", limits: limits)
        #expect(list.status == 1)
        #expect(list.err.contains("MemoryError: out of memory: tried to allocate"))
        let string = try run("s = 'ab' * 1_000_000\nprint(len(s))\n", limits: limits)
        #expect(string.status == 1 && string.err.contains("MemoryError"))
        #expect(try run("s = 'ab' * 1000\nprint(len(s))\n", limits: limits).out == "2000\n")
    }
}
