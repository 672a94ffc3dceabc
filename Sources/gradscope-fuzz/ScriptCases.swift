/// Hostile scripts for the in-process fuzzer: fuzz/cli_fuzz.py's dictionaries of issue 14's
/// constructs (integer extremes, self-references, huge repetition counts, deep and long nesting)
/// and short programs that combine them at random in guarded statements.
enum ScriptCases {
    /// Names every generated program may use: Int64's extremes, a list and a dict that contain
    /// themselves, and a few tensors.
    static let prologue = """
        import torch
        M = (2**62 - 1) + 2**62
        a = []
        a.append(a)
        d = {}
        d[1] = d
        s = 'ab' * 3
        t = torch.arange(6.0)

        """

    static let integers = ["0", "1", "-1", "M", "-M - 1", "2**62", "10**18", "2**31", "-(2**62)", "7", "True"]
    static let huge = ["10**6", "10**7", "10**9", "2**40", "2**62", "M"]
    static let values = [
        "a", "d", "s", "t", "[a, d]", "(a,)", "'%s'", "1.5", "float('inf')", "float('nan')", "None", "[1, 2]", "{1: a}",
        "b''", "range(3)", "t.view(2, 3)", "t.int()", "torch.ones(2, 2)", "torch.tensor([M])"
    ]
    static let binaryOperators = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "==", "<", "in", "@"]
    static let calls = [
        "repr(X)", "str(X)", "len(X)", "sorted([X, X])", "list(X)", "set(X)", "hash(X)", "int(X)", "float(X)",
        "divmod(X, Y)", "pow(X, Y, Y)", "abs(X)", "-X", "~X", "not X", "range(X, Y, Y)", "list(enumerate('ab', X))",
        "'1'.zfill(X)", "'x'.center(X)", "s * X", "[0] * X", "(s + s).split(s)", "s.replace('a', s * X)",
        "s.find(X)", "'%d' % X", "f'{X:>{Y}}'", "format(X, '%s')", "max([X, Y])", "X[Y]", "X[Y:Y:X]", "t[X:Y:Y]",
        "torch.zeros(X)", "torch.ones(X, Y)", "torch.arange(X)", "t.view(X, -1)", "t.expand(X, Y)", "t.sum(X)",
        "torch.tensor(X)", "t.tolist() * X", "torch.zeros(0, X, Y).sum(0)", "torch.full((2,), X)",
        "torch.linalg.det(torch.ones(X, X))", "torch.nn.functional.nll_loss(torch.zeros(1, 3), torch.tensor([X]))",
        "X == Y", "X < Y", "a.index(X)", "d.get(X, Y)", "divmod(X, -1)", "X // -1", "X % -1"
    ]

    /// One script: a deep or flat-but-long construct, one of the issue's attacks, or a short
    /// random program.
    static func script(_ r: inout SplitMix) -> String {
        switch r.below(10) {
        case 0, 1: return deepConstruct(&r)
        case 2, 3, 4: return "import torch\n" + (0..<1 + r.below(2)).map { _ in hostileStatement(&r) }.joined()
        default: return randomProgram(&r)
        }
    }

    /// A construct at a length around or far past CPython's limits (`cli_fuzz.deep_construct`).
    static func deepConstruct(_ r: inout SplitMix) -> String {
        let n = r.pick([10, 199, 201, 999, 1001, 2990, 3000, 3010, 20000, 200_000])
        switch r.below(10) {
        case 0:
            return "x = 0\nif x == 1:\n    pass\n" + (0..<n).map { "elif x == \($0):\n    pass\n" }.joined() + "print(x)\n"
        case 1: return "x = " + Array(repeating: "1", count: n).joined(separator: "+") + "\nprint(x)\n"
        case 2:
            return "class A:\n    pass\na = A()\na.a = a\nx = " + Array(repeating: "a", count: n).joined(separator: ".")
                + "\nprint(type(x).__name__)\n"
        case 3: return "x = " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n) + "\n"
        case 4: return "x = " + String(repeating: "lambda: ", count: min(n, 5000)) + "1\n"
        case 5: return "x = " + Array(repeating: "1", count: n).joined(separator: " < ") + "\nprint(x)\n"
        case 6: return "x = " + String(repeating: r.pick(["not ", "-", "~", "+", "- "]), count: n) + "1\nprint(x)\n"
        case 7: return "a = []\nfor i in range(\(n)):\n    a = [a]\nprint(len(repr(a)) > 0, a == a)\n"
        case 8: return "x = " + String(repeating: "[", count: min(n, 400)) + String(repeating: "]", count: min(n, 400)) + "\n"
        default: return "x = (" + String(repeating: "'a' ", count: n) + ")\nprint(len(x))\n"
        }
    }

    /// One of issue 14's attacks with randomly chosen sizes (`cli_fuzz.hostile_statement`).
    static func hostileStatement(_ r: inout SplitMix) -> String {
        let m = "M = (2**62 - 1) + 2**62\n"
        switch r.below(12) {
        case 0: return m + "x = \(r.pick(integers))\nprint(x // -1, x % -1, abs(x), divmod(x, -1))\n"
        case 1: return "a = []\na.append(a)\nprint(a, a == a, sorted([a]) == [a], f'{a}')\n"
        case 2: return "d = {}\nd[1] = d\nprint(d, d == d)\n"
        case 3: return "s = [0] * \(r.pick(["10", "1000", "10**6"]))\nfor i in range(8):\n    s = s + s\n"
        case 4: return "s = 'ab' * \(r.pick(["1", "1000", "10**6"]))\nfor i in range(12):\n    s = s.replace('a', 'aa')\n"
        case 5: return m + "x = '1'.zfill(\(r.pick(huge)))\n"
        case 6: return m + "x = torch.zeros(0, \(r.pick(huge)), \(r.pick(huge))).sum(0)\n"
        case 7: return m + "x = torch.arange(5)[1:3:\(r.pick(integers))]\nprint(x)\n"
        case 8: return m + "print(list(enumerate('ab', \(r.pick(integers)))))\n"
        case 9: return "x = (',' * \(r.pick(["10", "10**5", "4 * 10**6"]))).split(',')\nprint(len(x))\n"
        case 10:
            return "x = ('a' * \(r.pick(["10", "20000"])) + 'b') in ('a' * \(r.pick(["100", "200000"])))\nprint(x)\n"
        default:
            return "x = torch.ones(\(r.pick(["2", "500", "16000"])), \(r.pick(["2", "500", "16000"])))\ny = x @ x\n"
        }
    }

    /// The prologue, then a few statements, each evaluating one random expression inside
    /// `try`, so one error does not end the program.
    static func randomProgram(_ r: inout SplitMix) -> String {
        var lines = prologue
        for _ in 0..<1 + r.below(6) {
            let statement = "x = " + expression(&r, depth: 2)
            lines += "try:\n    \(statement)\n    print(x)\nexcept Exception as e:\n    print(type(e).__name__, e)\n"
        }
        return lines
    }

    static func expression(_ r: inout SplitMix, depth: Int) -> String {
        guard depth > 0, r.below(3) != 0 else { return atom(&r) }
        if r.below(2) == 0 {
            return "(\(expression(&r, depth: depth - 1)) \(r.pick(binaryOperators)) \(expression(&r, depth: depth - 1)))"
        }
        var call = r.pick(calls)
        for slot in ["X", "Y"] {
            while let range = call.range(of: slot) { call.replaceSubrange(range, with: expression(&r, depth: depth - 1)) }
        }
        return call
    }

    static func atom(_ r: inout SplitMix) -> String {
        switch r.below(3) {
        case 0: return r.pick(integers)
        case 1: return r.pick(huge)
        default: return r.pick(values)
        }
    }
}
