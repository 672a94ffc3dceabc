import Testing

@testable import Python

/// Trees nested deeper than CPython's compiler allows (3000 levels, statements and expressions
/// together) are refused with its `RecursionError`, at CPython's thresholds; flat-but-deep input
/// (long `elif` chains, operator and attribute chains) is parsed without recursion proportional
/// to its length, so a million branches neither overflow the stack nor take long.
@Suite struct CompileDepthTests {
    static let message = "RecursionError: maximum recursion depth exceeded during compilation"

    /// Python's error for `text`, as `python3 script.py` would print its last line; nil if it parses.
    static func error(_ text: String) -> String? {
        do {
            _ = try parseModule(source: text, filename: "t.py")
            return nil
        } catch let e as PyException {
            return "\(e.instance.cls.name): \(e.message)"
        } catch {
            return "\(error)"
        }
    }

    /// `if` and `branches` `elif`s (their condition `condition` with `%d` for the branch number).
    static func elifChain(_ branches: Int, condition: String = "x == %d", withElse: Bool = false) -> String {
        var source = "x = 0\nif x == 1:\n    pass\n"
        for i in 0..<branches { source += "elif \(condition.replacingOccurrences(of: "%d", with: String(i))):\n    pass\n" }
        return source + (withElse ? "else:\n    x = 2\n" : "")
    }

    /// The thresholds are CPython 3.11's, found by running `python3 script.py` on each length.
    @Test func thresholdsMatchCPython() {
        #expect(Self.error(Self.elifChain(2997)) == nil)
        #expect(Self.error(Self.elifChain(2998)) == Self.message)
        #expect(Self.error(Self.elifChain(2998, condition: "x")) == nil)
        #expect(Self.error(Self.elifChain(2999, condition: "x")) == Self.message)
        #expect(Self.error(Self.elifChain(2997, condition: "x", withElse: true)) == nil)
        #expect(Self.error(Self.elifChain(2998, condition: "x", withElse: true)) == Self.message)
        #expect(Self.error("x = " + Array(repeating: "1", count: 2999).joined(separator: "+")) == nil)
        #expect(Self.error("x = " + Array(repeating: "1", count: 3000).joined(separator: "+")) == Self.message)
        #expect(Self.error("x = " + Array(repeating: "a", count: 2999).joined(separator: ".")) == nil)
        #expect(Self.error("x = " + Array(repeating: "a", count: 3000).joined(separator: ".")) == Self.message)
        #expect(Self.error("x = f" + String(repeating: "()", count: 2998)) == nil)
        #expect(Self.error("x = f" + String(repeating: "()", count: 2999)) == Self.message)
        #expect(Self.error("print(" + Array(repeating: "1", count: 2999).joined(separator: "+") + ")") == Self.message)
    }

    /// An `elif` chain far past the limit: the parser stops at the limit instead of recursing.
    @Test func aHundredThousandBranchElifIsARecursionError() {
        #expect(Self.error(Self.elifChain(100_000)) == Self.message)
    }

    /// Statements count too: an `elif` chain inside a function reaches the limit sooner.
    @Test func enclosingStatementsCount() {
        func inFunction(_ source: String) -> String {
            "def f():\n" + source.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        #expect(Self.error(inFunction(Self.elifChain(2996))) == nil)
        #expect(Self.error(inFunction(Self.elifChain(2997))) == Self.message)
    }

    /// The `elif` chain parsed in a loop is the same tree as before: each branch the `else` of
    /// the one before.
    @Test func elifChainShape() throws {
        let body = try parseModule(
            source: "if a:\n    x = 1\nelif b:\n    x = 2\nelif c:\n    x = 3\nelse:\n    x = 4\n", filename: "t.py"
        ).body
        guard body.count == 1, case .if(_, _, let second) = body[0].kind, second.count == 1,
            case .if(_, _, let third) = second[0].kind, third.count == 1, case .if(_, _, let last) = third[0].kind
        else {
            Issue.record("not a chain of three ifs")
            return
        }
        #expect(last.count == 1 && second[0].position.line == 3 && third[0].position.line == 5)
    }

    /// Chains of prefix operators are read in a loop: up to the compile depth they parse, past it
    /// they are its RecursionError, and past CPython 3.11's parser stack a bare MemoryError (the
    /// thresholds found with `python3 -c` on each length).
    @Test(arguments: ["-", "+", "~", "not ", "- "])
    func prefixOperatorChains(_ op: String) {
        func chain(_ n: Int, _ prefix: String = "x = ") -> String { prefix + String(repeating: op, count: n) + "1\n" }
        #expect(Self.error(chain(1000)) == nil)
        #expect(Self.error(chain(2998)) == nil)
        #expect(Self.error(chain(2999)) == Self.message)
        #expect(Self.error(chain(5967)) == Self.message)
        #expect(Self.error(chain(5968)) == "MemoryError: ")
        #expect(Self.error(chain(100_000)) == "MemoryError: ")
        #expect(Self.error(chain(2997, "def f():\n    return ")) == nil)
        #expect(Self.error(chain(2998, "def f():\n    return ")) == Self.message)
        #expect(Self.error(chain(5961, "def f():\n    return ")) == Self.message)
        #expect(Self.error(chain(5962, "def f():\n    return ")) == "MemoryError: ")
    }
}
