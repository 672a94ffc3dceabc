import Foundation
import Python
import Testing

@testable import Session

/// The reproducers of issue 14 that run in-process: integer extremes, self-referencing and deep
/// containers, allocations whose size is known up front, and the time limit checked inside long
/// builtins (with an injected clock, so the check provably fires inside the builtin).
struct AttackRegressionTests {
    /// Int64's largest value, built without overflowing on the way.
    static let maxInt = "M = (2**62 - 1) + 2**62\n"

    static let failing: [(source: String, error: String)] = [
        (maxInt + "a = -M - 1\nprint(a // -1)\n", "OverflowError: integer result too large for GradScope's 64-bit ints"),
        (maxInt + "a = -M - 1\nprint(divmod(a, -1))\n", "OverflowError: integer result too large for GradScope's 64-bit ints"),
        (maxInt + "a = -M - 1\nprint(abs(a))\n", "OverflowError: integer result too large for GradScope's 64-bit ints"),
        (maxInt + "a = -M - 1\nprint(-a)\n", "OverflowError: integer result too large for GradScope's 64-bit ints"),
        (maxInt + "print(list(enumerate('ab', M)))\n", "OverflowError: enumerate index too large for GradScope's 64-bit ints"),
        (
            "import torch\nx = torch.zeros(0, 2**40, 2**40)\n",
            "RuntimeError: Storage size calculation overflowed with sizes=[0, 1099511627776, 1099511627776]"
        ),
        (
            maxInt + "import torch\nimport torch.nn.functional as F\nF.nll_loss(torch.zeros(1, 3), torch.tensor([M]))\n",
            "IndexError: Target 9223372036854775807 is out of bounds."
        ),
        (
            "import torch\nx = torch.zeros(0, 1, 1).expand(0, 10**9, 10**9).sum(0)\n",
            "MemoryError: out of memory: tried to allocate 4000000000000000000 bytes with 1 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "import torch\nx = torch.zeros(0, 20000, 20000).sum(0)\n",
            "MemoryError: out of memory: tried to allocate 1600000000 bytes with 1 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "import torch\nx = torch.ones(15_000_000).tolist()\n",
            "MemoryError: out of memory: tried to allocate 720000000 bytes with 60000000 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "import torch\nx = list(torch.zeros(10**6))\n",
            "MemoryError: out of memory: tried to allocate 280000000 bytes with 4000000 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "import numpy as np\nx = list(np.zeros(10**6))\n",
            "MemoryError: out of memory: tried to allocate 376000000 bytes with 8000000 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "import torch\nx = list(torch.zeros(10**7).untyped_storage())\n",
            "MemoryError: out of memory: tried to allocate 960000000 bytes with 40000000 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "x = 'ab' * (2 * 10**7)\nprint(x)\n",
            "MemoryError: out of memory: tried to allocate 80000004 bytes with 0 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "x = set(f'{2**62:>{10**7}}')\n",
            "MemoryError: out of memory: tried to allocate 240000000 bytes with 0 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "x = '1'.zfill(10**9)\n",
            "MemoryError: out of memory: tried to allocate 1000000000 bytes with 0 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "s = 'ab' * 1000\nfor i in range(10):\n    s = s.replace('a', 'a' * 64)\n",
            "MemoryError: out of memory: tried to allocate 262145000 bytes with 0 bytes of tensors alive; the limit is 67108864 bytes (--max-memory)"
        ),
        (
            "a = []\nb = []\na.append(b)\nb.append(a)\nprint(a == b)\n",
            "RecursionError: maximum recursion depth exceeded in comparison"
        ),
        (
            "import torch\na = []\na.append(a)\ntorch.tensor(a)\n",
            "RuntimeError: tensors with more than 64 dimensions are not supported"
        ),
        (
            "a = []\nfor i in range(2000):\n    a = [a]\nprint(a)\n",
            "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
        ),
        ("a = []\na.append(a)\nprint(sorted([a, a]), max(a, a), a.count(a))\nset(a)\n", "TypeError: unhashable type: 'list'")
    ]

    @Test(arguments: failing.indices)
    func endsInACleanError(_ i: Int) {
        let (source, error) = Self.failing[i]
        let r = RobustnessRegressionTests.run(source)
        #expect(r.status == 1)
        #expect(r.error == error, "\(r.stderr)")
        #expect(r.stderr.contains("File \"t.py\", line "))
    }

    static let succeeding: [(source: String, output: String)] = [
        (maxInt + "import torch\nprint(torch.arange(5)[1:3:M])\n", "tensor([1])\n"),
        (maxInt + "import torch\nx = torch.arange(5)\nx[1:3:M] = 0\nprint(x)\n", "tensor([0, 0, 2, 3, 4])\n"),
        (maxInt + "print((-M - 1) % -1)\n", "0\n"),
        (
            "a = []\na.append(a)\nprint(a, a == a, a in a, f'{a}', a.index(a), max([a]))\n",
            "[[...]] True True [[...]] 0 [[...]]\n"
        ),
        ("a = {}\na[1] = a\nprint(a, sorted([[a]]))\n", "{1: {...}} [[{1: {...}}]]\n"),
        ("print(('a' * 20000 + 'b') in ('a' * 200000), ('a' * 2000).find('a' * 1000 + 'b'))\n", "False -1\n"),
        (
            "s = 'héllo wörld, héllo'\nprint(s.find('llo'), s.rfind('llo'), s.count('l'), s.split('l'))\n",
            "2 15 5 ['hé', '', 'o wör', 'd, hé', '', 'o']\n"
        ),
        (
            "print('abc'.replace('', '-'), 'abc'.replace('', '-', 2), 'aaaa'.replace('aa', 'b'), 'a,b,,c'.rsplit(',', 1))\n",
            "-a-b-c- -a-bc bb ['a,b,', 'c']\n"
        ),
        ("a = []\nfor i in range(200000):\n    a = [a]\na = None\nprint('freed')\n", "freed\n"),
        ("x = ('a' 'b' 'c' f'{1}' 'd' '')\nprint(x)\n", "abc1d\n"),
        // Found by gradscope-fuzz (seed 14, cases 1675 and 2213): a width of -2**63 trapped.
        (
            maxInt + "print('1'.zfill(-M - 1), '-1'.zfill(-M - 1), 'x'.center(-M - 1), 'x'.ljust(-M - 1, '*'), 'x'.rjust(-3))\n",
            "1 -1 x x x\n"
        ),
        // Found by gradscope-fuzz (seed 14, cases 10923, 11867, 12470): repeating an empty
        // operand looped 2**40 times without a time check.
        ("print('' * 2**40, [] * 10**9, () * 10**9, 'ab' * 2)\n", " [] () abab\n")
    ]

    @Test(arguments: succeeding.indices)
    func runsToTheEnd(_ i: Int) {
        let (source, output) = Self.succeeding[i]
        var out = ""
        var err = ""
        var limits = ExecutionLimits()
        limits.maxMemory = 64 << 20
        limits.timeout = 30
        let status = ScriptRunner.run(
            source: source, filename: "t.py", writeOutput: { out += $0 }, writeError: { err += $0 }, limits: limits)
        #expect(status == 0, "\(err)")
        #expect(out == output)
    }

    /// Long builtins check the time limit inside their loops: with a clock that runs out at the
    /// first check made inside a builtin, the statement that calls it is the one stopped.
    static let longBuiltins = [
        "x = ('a' * 20000 + 'b') in ('a' * 200000)",
        "x = ('a' * 200000).find('a' * 20000 + 'b')",
        "x = ('a' * 200000).count('a' * 20000 + 'b')",
        "x = (',' * 400000).split(',')",
        "x = ('ab' * 100000).replace('a', 'aa')",
        "x = ('%s' * 100000) % tuple(range(100000))",
        "x = ('{}' * 100000).format(*range(100000))",
        "x = f'{1:>1000}{2:>1000}'",
        "x = repr([[0] * 1000] * 1000)",
        "x = str({1: [[0] * 1000] * 1000})"
    ]

    @Test(arguments: longBuiltins)
    func timeLimitFiresInsideTheBuiltin(_ statement: String) {
        var err = ""
        var limits = ExecutionLimits()
        limits.timeout = 3600
        limits.expireAfterPolls = 1
        let status = ScriptRunner.run(
            source: "y = 1\n" + statement + "\nprint('not stopped')\n", filename: "t.py", writeOutput: { _ in },
            writeError: { err += $0 }, limits: limits)
        #expect(status == 1)
        #expect(err.contains("File \"t.py\", line 2, in <module>"), "\(err)")
        #expect(err.hasSuffix("TimeoutError: script exceeded the time limit of 3600.0 seconds (--timeout)\n"), "\(err)")
    }
}
