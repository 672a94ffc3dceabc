import Autograd
import Foundation
import Session
import Testing

@testable import Python
@testable import TorchBindings

/// Runs every script of Fixtures/interpreter (small focused programs whose expectations were
/// recorded from Python 3.11 + PyTorch 2.15) in-process and compares what it printed, the way
/// ConformanceTests does for the conformance corpus.
struct InterpreterFixtureTests {
    static let folder = ScriptFixture.folder("interpreter")

    /// The `mkl_` fixtures check oneMKL's bits, so they run only where it is loaded (`make setup`
    /// installs it; elsewhere the OpenBLAS and libm fallback may differ in the last bit).
    static var scripts: [String] {
        let mklLoaded = (try? MKLLibrary.shared.get()) != nil
        return ScriptFixture.scripts(in: folder).filter { mklLoaded || !$0.hasPrefix("mkl_") }
    }

    @Test func fixturesArePresent() {
        #expect(Self.scripts.count >= 60)
    }

    @Test(arguments: scripts)
    func scriptBehavesAsPython(_ name: String) throws {
        try ScriptFixture.check(name, in: Self.folder)
    }
}

/// Interpreter behaviours that are awkward to pin down as fixtures: exact traceback layout,
/// warning placement and de-duplication, and state that must not leak out of a run.
struct InterpreterBehaviourTests {
    struct Run {
        let status: Int32
        let out: String
        let err: String
    }

    static func run(_ source: String) -> Run {
        var out = ""
        var err = ""
        let status = ScriptRunner.run(source: source, filename: "t.py", writeOutput: { out += $0 }, writeError: { err += $0 })
        return Run(status: status, out: out, err: err)
    }

    @Test func tracebackListsEveryFrameWithItsSourceLine() {
        let r = Self.run("def f(x):\n    return g(x)\ndef g(x):\n    raise ValueError('bad ' + str(x))\nf(3)\n")
        #expect(r.status == 1)
        #expect(
            r.err == """
                Traceback (most recent call last):
                  File "t.py", line 5, in <module>
                    f(3)
                  File "t.py", line 2, in f
                    return g(x)
                  File "t.py", line 4, in g
                    raise ValueError('bad ' + str(x))
                ValueError: bad 3

                """)
    }

    @Test func engineErrorsBecomeRuntimeErrorsWithTraceback() {
        let r = Self.run("import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\ny.backward()\n")
        #expect(r.status == 1)
        #expect(
            r.err.hasSuffix(
                "  File \"t.py\", line 4, in <module>\n    y.backward()\nRuntimeError: grad can be implicitly created only for scalar outputs\n"
            ))
    }

    @Test func bareRaiseWithoutMessagePrintsOnlyTheType() {
        let r = Self.run("raise KeyError\n")
        #expect(r.err.hasSuffix("\nKeyError\n"))
    }

    @Test func nonLeafGradWarningNamesTheLineOnceEvenInALoop() {
        let r = Self.run(
            "import torch\nx = torch.ones(1, requires_grad=True)\ny = x * 2\nfor i in range(3):\n    g = y.grad\nprint(g)\n")
        #expect(r.out == "None\n")
        let warnings = r.err.components(separatedBy: "UserWarning: The .grad attribute").count - 1
        #expect(warnings == 1)
        #expect(
            r.err.hasPrefix("t.py:5: UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being accessed."))
        #expect(r.err.hasSuffix("\n  g = y.grad\n"))
    }

    @Test func createGraphWarningIsShownOncePerRun() {
        let r = Self.run(
            "import torch\nx = torch.ones(1, requires_grad=True)\nfor i in range(2):\n    (x * x).sum().backward(create_graph=True)\n(x * 3).sum().backward(create_graph=True)\n"
        )
        #expect(r.status == 0)
        #expect(r.err.components(separatedBy: "create_graph=True will create a reference cycle").count - 1 == 1)
    }

    @Test func gradModeIsRestoredWhenTheBodyRaises() {
        let r = Self.run(
            "import torch\ntry:\n    with torch.no_grad():\n        with torch.enable_grad():\n            raise ValueError\nexcept ValueError:\n    pass\nprint(torch.is_grad_enabled())\n"
        )
        #expect(r.out == "True\n")
    }

    @Test func backwardWithInputsAccumulatesOnlyIntoThem() {
        let r = Self.run(
            """
            import torch
            a = torch.tensor(2., requires_grad=True)
            b = torch.tensor(3., requires_grad=True)
            (a * b).backward(inputs=[b])
            (a * b).backward(inputs=[b])
            print(a.grad, b.grad)
            try:
                (a * b).backward(inputs=[])
            except RuntimeError as e:
                print(e)

            """)
        #expect(r.out == "None tensor(4.)\n`inputs` argument to `backward()` cannot be empty.\n")
    }

    @Test func inPlaceOpsRefuseToNarrowTheDtype() {
        let r = Self.run(
            "import torch\ni = torch.tensor([1, 2])\ntry:\n    i /= 2\nexcept RuntimeError as e:\n    print(e)\nprint(i)\n")
        #expect(r.out == "result type Float can't be cast to the desired output type Long\ntensor([1, 2])\n")
    }

    @Test func specialMethodsOfScriptClasses() {
        let r = Self.run(
            """
            class V:
                def __init__(self, x):
                    self.x = x
                def __repr__(self):
                    return 'V(%d)' % self.x
                def __mul__(self, k):
                    return V(self.x * k)
                def __rmul__(self, k):
                    return V(self.x * k + 1)
                def __eq__(self, o):
                    return isinstance(o, V) and o.x == self.x
            print(V(2) * 3, 3 * V(2), [V(1)], V(1) == V(1), V(1) == V(2), V(1) in [V(1)])

            """)
        #expect(r.out == "V(6) V(7) [V(1)] True False True\n")
    }

    @Test func printfFlagsFollowPython() {
        let r = Self.run("print('%-4d|%04d|%+.1f|%5s|%-5s|%x|%#o' % (7, 7, 2.25, 'ab', 'ab', 255, 8))\n")
        #expect(r.out == "7   |0007|+2.2|   ab|ab   |ff|0o10\n")
    }

    @Test func stringMethodsMatchCPython() {
        let r = Self.run(
            "print('a b  c'.split(None, 1), 'a,b,c'.rsplit(',', 1), 'xxhixx'.strip('x'), 'aaa'.replace('a', 'b', 2), 'hello'.rfind('l'), '-5'.zfill(4))\n"
        )
        #expect(r.out == "['a', 'b  c'] ['a,b', 'c'] hi bba 3 -005\n")
    }

    @Test func unpackingANonIterableNamesTheType() {
        let r = Self.run("try:\n    a, b = None\nexcept TypeError as e:\n    print(e)\n")
        #expect(r.out == "cannot unpack non-iterable NoneType object\n")
    }

    @Test func mathFloorOfInfinityRaisesInsteadOfTrapping() {
        let r = Self.run(
            "import math\ntry:\n    math.floor(float('inf'))\nexcept OverflowError as e:\n    print(e)\nprint(math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7))\n"
        )
        #expect(r.out == "cannot convert float infinity to integer\n-3 3 -2\n")
    }
}
