import Foundation
import Python
import Testing

@testable import Session

/// Inputs that once trapped, hung or allocated without bound (found by fuzz/ and by probing the
/// limits); each must now end in a clean Python exception with the line named.
struct RobustnessRegressionTests {
    /// Runs `source` under small limits; returns the exit status and the last line of stderr.
    static func run(
        _ source: String, memory: Int = 64 << 20, steps: Int = 100_000,
        timeout: Double = 30
    ) -> (status: Int32, error: String, stderr: String) {
        let limits: ExecutionLimits = {
            var l = ExecutionLimits()
            l.maxMemory = memory
            l.maxSteps = steps
            l.timeout = timeout
            return l
        }()
        let box = RunBox()
        // Like the CLI, run on a thread with a large stack so deep recursion reaches the limit.
        let thread = Thread {
            box.status = ScriptRunner.run(
                source: source, filename: "t.py", writeOutput: { _ in },
                writeError: { box.stderr += $0 }, limits: limits)
            box.done.signal()
        }
        thread.stackSize = 512 << 20
        thread.start()
        box.done.wait()
        let last = box.stderr.split(separator: "\n").last.map(String.init) ?? ""
        return (box.status, last, box.stderr)
    }

    private final class RunBox: @unchecked Sendable {
        var status: Int32 = 0
        var stderr = ""
        let done = DispatchSemaphore(value: 0)
    }

    static let cases: [(source: String, error: String)] = [
        (
            "import torch\nx = torch.ones(2**40, 2**40)\n",
            "RuntimeError: Storage size calculation overflowed with sizes=[1099511627776, 1099511627776]"
        ),
        (
            "import torch\nx = torch.ones(10)\nx = x.view(2**40, 2**40)\n",
            "RuntimeError: Storage size calculation overflowed with sizes=[1099511627776, 1099511627776]"
        ),
        (
            "import torch\nx = torch.ones(1, 1).expand(2**40, 2**40)\n",
            "RuntimeError: Storage size calculation overflowed with sizes=[1099511627776, 1099511627776]"
        ),
        (
            "import torch\nx = torch.Size([2**40, 2**40]).numel()\n",
            "RuntimeError: Storage size calculation overflowed with sizes=[1099511627776, 1099511627776]"
        ),
        (
            "import torch\nx = torch.randint(-2**62, 2**62, (2**40, 2**40))\n",
            "RuntimeError: Storage size calculation overflowed with sizes=[1099511627776, 1099511627776]"
        ),
        ("import torch\nx = torch.eye(-1)\n", "RuntimeError: n must be greater or equal to 0, got -1"),
        ("import torch\nx = torch.arange(0, float('inf'))\n", "RuntimeError: invalid size, possible overflow?"),
        (
            "import torch\nx = torch.ones([1] * 65)\n",
            "RuntimeError: tensors with more than 64 dimensions are not supported (got 65)"
        ),
        ("import math\nx = math.floor(float('inf'))\n", "OverflowError: cannot convert float infinity to integer"),
        ("import math\nx = math.ceil(float('nan'))\n", "ValueError: cannot convert float NaN to integer"),
        ("x = '%d' % float('inf')\n", "OverflowError: cannot convert float infinity to integer"),
        (
            "import torch\nx = torch.Tensor(2**40)\n",
            "MemoryError: out of memory: tried to allocate 4398046511104 bytes with 0 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "import torch\nx = torch.ones(1).expand(10**6, 10**6)\n",
            "MemoryError: out of memory: tried to allocate 4000000000000 bytes with 4 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "import torch\nx = torch.ones(100000)\ny = x.view(-1, 1) * x\n",
            "MemoryError: out of memory: tried to allocate 40000000000 bytes with 400000 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "import torch\nx = torch.ones(10000, 1) @ torch.ones(1, 10000)\n",
            "MemoryError: out of memory: tried to allocate 400000000 bytes with 80000 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "import torch\nx = torch.ones(1, 10000)[torch.zeros(10000, dtype=torch.long)]\n",
            "MemoryError: out of memory: tried to allocate 800000000 bytes with 120000 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "import torch\nx = torch.ones(1000, 1000)\ny = torch.cat([x] * 100)\n",
            "MemoryError: out of memory: tried to allocate 400000000 bytes with 4000000 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "x = [0] * 10**9\n",
            "MemoryError: out of memory: tried to allocate \(10_000_000_00 * MemoryLayout<Value>.stride) bytes with 0 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "x = sum(range(10**9))\n",
            "MemoryError: out of memory: tried to allocate \(10_000_000_00 * MemoryLayout<Value>.stride) bytes with 0 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        ("x = [1, 2] * 2**62\n", "MemoryError"),
        ("def f(n):\n    return f(n + 1)\nf(0)\n", "RecursionError: maximum recursion depth exceeded")
    ]

    @Test(arguments: cases.indices)
    func endsInACleanError(_ i: Int) {
        let (source, error) = Self.cases[i]
        let r = Self.run(source)
        #expect(r.status == 1)
        #expect(r.error == error, "\(r.stderr)")
        #expect(r.stderr.contains("File \"t.py\", line "))
    }

    @Test func rangeStepPastInt64EndsTheLoop() {
        var out = ""
        let status = ScriptRunner.run(
            source: "for i in range(0, 9223372036854775807, 2**62):\n    print(i)\n",
            filename: "t.py", writeOutput: { out += $0 }, writeError: { _ in })
        #expect(status == 0)
        #expect(out == "0\n4611686018427387904\n")
    }

    @Test func memoryIsGivenBackWhenTensorsAreFreed() {
        // 40 MB each under a 64 MB limit: only fits if each is given back before the next.
        let r = Self.run("import torch\nfor i in range(5):\n    x = None\n    x = torch.ones(10000, 1000)\n")
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func anOptimizerWithASchedulerIsGivenBack() {
        // A 24 MB parameter per trial under a 64 MB limit: fits only if each trial's optimizer,
        // which the scheduler tracks, is freed with it (no reference cycle through its step).
        let r = Self.run(
            """
            import torch
            for lr in [0.1, 0.01, 0.001, 0.0001]:
                w = None
                w = torch.nn.Parameter(torch.zeros(6000, 1000))
                opt = torch.optim.SGD([w], lr=lr)
                sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1)
                opt.step()
                sched.step()
                opt = sched = None

            """)
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func timeoutStopsAComprehension() {
        let start = Date()
        let r = Self.run("x = [i for i in range(10**7) if i < 0]\n", memory: 1 << 30, timeout: 0.2)
        #expect(r.error == "TimeoutError: script exceeded the time limit of 0.2 seconds (--timeout)")
        #expect(Date().timeIntervalSince(start) < 20)
    }
}
