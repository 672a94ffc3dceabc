import Foundation
import Session
import Testing

@testable import Python
@testable import TorchBindings

/// Behaviour of a CPU-only PyTorch build that the fixtures cannot show (the installed PyTorch
/// has CUDA compiled in), and print options that last one run only.
struct TorchSurfaceTests {
    static func run(_ source: String) -> (status: Int32, out: String, err: String) {
        var out = ""
        var err = ""
        let status = ScriptRunner.run(source: source, filename: "t.py", writeOutput: { out += $0 }, writeError: { err += $0 })
        return (status, out, err)
    }

    @Test(arguments: [
        "torch.zeros(2, device='cuda')", "torch.ones(2).cuda()", "torch.ones(2).to('cuda:0')",
        "torch.randn(2, device=torch.device('cuda', 1))", "torch.nn.Linear(2, 2, device='cuda')",
        "torch.nn.Linear(2, 2).cuda()", "torch.nn.Linear(2, 2).to('cuda')", "torch.cuda.current_device()",
        "torch.tensor([1.0], device=0)"
    ])
    func cudaUseRaisesWhatACPUBuildRaises(_ expression: String) {
        let r = Self.run("import torch\n\(expression)\n")
        #expect(r.status == 1)
        #expect(r.err.hasSuffix("AssertionError: Torch not compiled with CUDA enabled\n"), "\(r.err)")
    }

    @Test func namingACUDADeviceDoesNotUseIt() {
        let r = Self.run(
            "import torch\nd = torch.device('cuda:0')\nprint(d, torch.cuda.is_available(), torch.cuda.device_count())\n"
                + "torch.cuda.manual_seed(1)\nprint(torch.zeros(1, device='cpu').device)\n")
        #expect(r.status == 0)
        #expect(r.out == "cuda:0 False 0\ncpu\n")
    }

    @Test func aDefaultCUDADeviceFailsFactoriesButNotLikeFactories() {
        let r = Self.run(
            "import torch\nx = torch.ones(2)\ntorch.set_default_device('cuda')\nprint(torch.zeros_like(x))\ntorch.zeros(2)\n")
        #expect(r.out == "tensor([0., 0.])\n")
        #expect(r.err.hasSuffix("AssertionError: Torch not compiled with CUDA enabled\n"))
    }

    @Test func printOptionsLastOneRun() throws {
        let interp = Interpreter(
            module: try parseModule(
                source: "import torch\ntorch.set_printoptions(precision=1)\nprint(torch.tensor([0.25]))\n", filename: "t.py"),
            filename: "t.py", writeOutput: { _ in }, writeError: { _ in })
        TorchRuntime.install(into: interp)
        _ = interp.run()
        #expect(TorchRuntime.of(interp).printOptions.options.precision == 1)
        #expect(PrintOptions.current == PrintOptions())
        let second = Self.run("import torch\nprint(torch.tensor([0.25]))\n")
        #expect(second.out == "tensor([0.2500])\n")
    }

    /// A warning whose stacklevel lands in library (prelude) code names the script line that
    /// called into the library, not the library's own line number under the script's name.
    @Test func libraryWarningsPointAtTheScriptLineThatCalledIn() {
        let r = Self.run(
            "import torch\nfrom torch.utils.checkpoint import checkpoint\n\n"
                + "y = checkpoint(torch.sin, torch.ones(2), use_reentrant=True)\n")
        #expect(r.status == 0)
        #expect(
            r.err
                == "t.py:4: UserWarning: None of the inputs have requires_grad=True. Gradients will be None\n"
                + "  y = checkpoint(torch.sin, torch.ones(2), use_reentrant=True)\n")
    }

    /// `torch.compile` returns the model or function itself (run eagerly), as a call or a
    /// decorator with options, and says so once.
    @Test func compileRunsEagerlyAndSaysSoOnce() {
        let r = Self.run(
            "import torch\nm = torch.nn.Linear(2, 1)\nprint(torch.compile(m) is m)\n"
                + "@torch.compile(mode='max-autotune', fullgraph=True)\ndef f(a):\n    return a * 2\n"
                + "print(f(torch.ones(2)), type(torch.compile(m)).__name__)\n")
        #expect(r.status == 0)
        #expect(r.out == "True\ntensor([2., 2.]) Linear\n")
        #expect(r.err == "t.py:3: UserWarning: \(CompileBinding.eagerWarning)\n  print(torch.compile(m) is m)\n")
    }

    /// `torch.float16` and `torch.bfloat16` can be named and compared, but making or converting a
    /// tensor to one says GradScope has no such tensors, as does an enabled CPU autocast (which
    /// would run its ops in one).
    @Test(arguments: [
        "torch.zeros(2, dtype=torch.float16)", "torch.ones(2).to(torch.half)", "torch.ones(2).half()",
        "torch.ones(2).bfloat16()", "torch.ones(2).to('cpu', torch.bfloat16)", "torch.ones(2).type(torch.float16)",
        "torch.set_default_dtype(torch.bfloat16)"
    ])
    func halfPrecisionTensorsAreRefused(_ expression: String) {
        let r = Self.run(
            "import torch\nprint(torch.float16, torch.half is torch.float16, torch.float32 == torch.bfloat16)\n\(expression)\n")
        #expect(r.status == 1)
        #expect(r.out == "torch.float16 True False\n")
        #expect(r.err.contains("line 3"), "\(r.err)")
        #expect(r.err.hasSuffix("16 tensors: 16-bit floating point is not supported (use torch.float32)\n"), "\(r.err)")
    }

    @Test func enabledCPUAutocastIsRefused() {
        let r = Self.run("import torch\nwith torch.autocast('cpu'):\n    y = torch.ones(2) * 2\n")
        #expect(r.status == 1)
        #expect(
            r.err.hasSuffix(
                "NotImplementedError: GradScope has no torch.bfloat16 tensors, so CPU autocast cannot run its ops in "
                    + "16-bit floating point: pass enabled=False to run them in float32\n"), "\(r.err)")
        #expect(
            Self.run("import torch\nwith torch.autocast('cpu', enabled=False):\n    print(torch.ones(1) * 2)\n").out
                == "tensor([2.])\n")
    }

    @Test func generatorStateRoundTripsAndHasPyTorchsSize() {
        let r = Self.run(
            "import torch\ng = torch.Generator().manual_seed(3)\ns = g.get_state()\na = torch.randn(20, generator=g)\n"
                + "g.set_state(s)\nprint(s.shape, torch.equal(a, torch.randn(20, generator=g)))\n"
                + "try:\n    g.set_state(torch.zeros(3, dtype=torch.uint8))\nexcept RuntimeError as e:\n    print(e)\n"
                + "try:\n    g.set_state(torch.zeros(3, dtype=torch.int64))\nexcept TypeError as e:\n    print(e)\n")
        #expect(
            r.out
                == "torch.Size([5056]) True\nExpected a CPUGeneratorImplState of size 5056 but found the input RNG state size to be 3\nRNG state must be a torch.ByteTensor\n"
        )
    }
}
