import Foundation
import Testing

@testable import Python

/// A compact S-expression of an expression tree, to pin shapes.
func show(_ expr: Expr) -> String {
    switch expr.kind {
    case .name(let name): return name
    case .intLiteral(let value): return "\(value)"
    case .floatLiteral(let value): return "\(value)"
    case .stringLiteral(let value): return "'\(value)'"
    case .fString(let parts): return "f[\(parts.map(show).joined(separator: " "))]"
    case .boolLiteral(let value): return value ? "True" : "False"
    case .noneLiteral: return "None"
    case .ellipsis: return "..."
    case .list(let items): return "[\(items.map(show).joined(separator: " "))]"
    case .tuple(let items): return "(tuple \(items.map(show).joined(separator: " ")))"
    case .dict(let entries): return "{\(entries.map { show($0.key) + ":" + show($0.value) }.joined(separator: " "))}"
    case .set(let items): return "(set \(items.map(show).joined(separator: " ")))"
    case .unary(let op, let operand): return "(\(op.rawValue) \(show(operand)))"
    case .binary(let op, let left, let right): return "(\(op.rawValue) \(show(left)) \(show(right)))"
    case .boolean(let op, let values): return "(\(op.rawValue) \(values.map(show).joined(separator: " ")))"
    case .compare(let first, let rest):
        return "(cmp \(show(first))" + rest.map { " \($0.0.rawValue) \(show($0.1))" }.joined() + ")"
    case .call(let function, let arguments):
        return "(call \(show(function))" + arguments.map { " " + show($0) }.joined() + ")"
    case .attribute(let value, let name): return "(. \(show(value)) \(name))"
    case .subscript(let value, let index): return "(sub \(show(value)) \(show(index)))"
    case .slice(let lower, let upper, let step):
        return "(slice \([lower, upper, step].map { $0.map(show) ?? "_" }.joined(separator: " ")))"
    case .conditional(let condition, let body, let orElse):
        return "(if \(show(condition)) \(show(body)) \(show(orElse)))"
    case .lambda(let parameters, let body):
        return "(lambda \(parameters.map(\.name).joined(separator: ",")) \(show(body)))"
    case .listComprehension(let element, let clauses): return "(listcomp \(show(element))\(show(clauses)))"
    case .dictComprehension(let key, let value, let clauses):
        return "(dictcomp \(show(key)):\(show(value))\(show(clauses)))"
    case .generator(let element, let clauses): return "(gen \(show(element))\(show(clauses)))"
    case .starred(let inner): return "*\(show(inner))"
    case .namedExpression(let name, let value): return "(:= \(name) \(show(value)))"
    case .yield(let value): return "(yield\(value.map { " " + show($0) } ?? ""))"
    case .yieldFrom(let iterable): return "(yield-from \(show(iterable)))"
    }
}

func show(_ clauses: [Comprehension]) -> String {
    clauses.map { " for \(show($0.target)) in \(show($0.iterable))" + $0.conditions.map { " if " + show($0) }.joined() }
        .joined()
}

func show(_ argument: CallArgument) -> String {
    switch argument {
    case .positional(let expr): return show(expr)
    case .keyword(let name, let expr): return "\(name)=\(show(expr))"
    case .unpack(let expr): return "*\(show(expr))"
    case .unpackKeywords(let expr): return "**\(show(expr))"
    }
}

func show(_ part: FStringPart) -> String {
    switch part {
    case .literal(let text): return "'\(text)'"
    case .field(let expr, let conversion, let spec, let selfDocumenting):
        return "{\(selfDocumenting.map { "=\($0)|" } ?? "")\(show(expr))"
            + (conversion.map { "!\($0)" } ?? "") + (spec.isEmpty ? "" : ":" + spec.map(show).joined(separator: " ")) + "}"
    }
}

func parse(_ text: String) throws -> [Stmt] { try parseModule(source: text, filename: "t.py").body }

/// The single expression of a one-line expression statement.
func expr(_ text: String) throws -> String {
    let body = try parse(text)
    guard body.count == 1, case .expression(let expr) = body[0].kind else { return "not an expression" }
    return show(expr)
}

func syntaxError(_ text: String) -> SyntaxError? {
    do {
        _ = try parse(text)
        return nil
    } catch let error as SyntaxError {
        return error
    } catch {
        return nil
    }
}

@Test func precedence() throws {
    #expect(try expr("-x**2") == "(- (** x 2))")
    #expect(try expr("2**-1") == "(** 2 (- 1))")
    #expect(try expr("a**b**c") == "(** a (** b c))")
    #expect(try expr("a - b - c") == "(- (- a b) c)")
    #expect(try expr("a + b * c @ d // e") == "(+ a (// (@ (* b c) d) e))")
    #expect(try expr("a | b ^ c & d << 1 + 2") == "(| a (^ b (& c (<< d (+ 1 2)))))")
    #expect(try expr("not a == b and c or d") == "(or (and (not (cmp a == b)) c) d)")
    #expect(try expr("~a + +b") == "(+ (~ a) (+ b))")
    #expect(try expr("lambda x, y=1: x if c else y") == "(lambda x,y (if c x y))")
    #expect(try expr("a if b else c if d else e") == "(if b a (if d c e))")
}

@Test func namedExpressions() throws {
    #expect(try expr("(y := f(x))") == "(:= y (call f x))")
    #expect(try expr("[y := 1, y ** 2]") == "[(:= y 1) (** y 2)]")
    #expect(try expr("print(n := 10, end='')") == "(call print (:= n 10) end='')")
    #expect(try expr("[y for x in a if (y := g(x))]") == "(listcomp y for x in a if (:= y (call g x)))")
    #expect(syntaxError("x := 5") != nil)
    #expect(syntaxError("(a.b := 5)")?.message == "cannot use assignment expressions with attribute")
    #expect(syntaxError("[x for x in a if y := 1]") != nil)
}

@Test func chainedComparisons() throws {
    #expect(try expr("a < b <= c != d") == "(cmp a < b <= c != d)")
    #expect(try expr("a is not b not in c in d is e") == "(cmp a is not b not in c in d is e)")
}

@Test func primaries() throws {
    #expect(try expr("f(a, b=1, *c, **d)") == "(call f a b=1 *c **d)")
    #expect(try expr("x.y.z()[0]") == "(sub (call (. (. x y) z)) 0)")
    #expect(try expr("a[1:3, ::2, None, ...]") == "(sub a (tuple (slice 1 3 _) (slice _ _ 2) None ...))")
    #expect(try expr("a[:]") == "(sub a (slice _ _ _))")
    #expect(try expr("a[i,]") == "(sub a (tuple i))")
    #expect(try expr("sum(x for x in y if x)") == "(call sum (gen x for x in y if x))")
}

@Test func displaysAndComprehensions() throws {
    #expect(try expr("(x,)") == "(tuple x)")
    #expect(try expr("()") == "(tuple )")
    #expect(try expr("(x)") == "x")
    #expect(try expr("[1, *a, 2]") == "[1 *a 2]")
    #expect(try expr("{1: 'a', b: c}") == "{1:'a' b:c}")
    #expect(try expr("{}") == "{}")
    #expect(try expr("{1, 2}") == "(set 1 2)")
    #expect(try expr("[x * y for x in a for y in b if x if y]") == "(listcomp (* x y) for x in a for y in b if x if y)")
    #expect(try expr("{k: v for k, v in d.items()}") == "(dictcomp k:v for (tuple k v) in (call (. d items)))")
    #expect(try expr("(i for i in r)") == "(gen i for i in r)")
    #expect(try expr("{x for x in s}") == "(call set (gen x for x in s))")
}

@Test func literals() throws {
    #expect(try expr("'a' \"b\" '''c'''") == "'abc'")
    #expect(try expr("1_000 + 0x10") == "(+ 1000 16)")
    #expect(try expr("1e-5") == "1e-05")
    #expect(try expr("[True, False, None]") == "[True False None]")
}

@Test func fStrings() throws {
    #expect(try expr("f'a{x}b'") == "f['a' {x} 'b']")
    #expect(try expr("f\"{loss.item():.4f}\"") == "f[{(call (. loss item)):'.4f'}]")
    #expect(try expr("f'{x:>{w}}'") == "f[{x:'>' {w}}]")
    #expect(try expr("f'{x!r} {y!s}'") == "f[{x!r} ' ' {y!s}]")
    #expect(try expr("f'{{literal}} {x=}'") == "f['{literal} ' {=x=|x!r}]")
    #expect(try expr("f'{a == b} {d[\"k\"]}\\n'") == "f[{(cmp a == b)} ' ' {(sub d 'k')} '\n']")
    #expect(try expr("'a' f'{x}' 'c'") == "f['a' {x} 'c']")
    #expect(try expr("f'{ {1: 2}[1] }'") == "f[{(sub {1:2} 1)}]")
}

@Test func fStringFieldPositionsAreReal() throws {
    let body = try parse("y = 1\nprint(f'ab{ zz }')\n")
    guard case .expression(let call) = body[1].kind, case .call(_, let arguments) = call.kind,
        case .positional(let string) = arguments.first, case .fString(let parts) = string.kind,
        case .field(let name, _, _, _) = parts.last
    else {
        Issue.record("unexpected tree")
        return
    }
    #expect(name.position == SourcePosition(line: 2, column: 12))
}

@Test func assignments() throws {
    let chained = try parse("a = b = 1")
    guard case .assign(let targets, let value) = chained[0].kind else { throw SyntaxError("", line: 0, column: 0, lineText: "") }
    #expect(targets.map(show) == ["a", "b"])
    #expect(show(value) == "1")
    guard case .assign(let unpack, let call) = try parse("g, = f()")[0].kind else { return }
    #expect(unpack.map(show) == ["(tuple g)"])
    #expect(show(call) == "(call f)")
    guard case .assign(let swap, let swapped) = try parse("a, b = b, a")[0].kind else { return }
    #expect(swap.map(show) == ["(tuple a b)"] && show(swapped) == "(tuple b a)")
    guard case .assign(let starred, _) = try parse("[a, *rest] = x.y[0] = z")[0].kind else { return }
    #expect(starred.map(show) == ["[a *rest]", "(sub (. x y) 0)"])
    guard case .augmentedAssign(let target, let op, _) = try parse("w.grad //= 2")[0].kind else { return }
    #expect(show(target) == "(. w grad)" && op == .floorDiv)
    for (source, expected) in [("x += 1", BinaryOperator.add), ("x @= m", .matMul), ("x **= 2", .pow), ("x %= 3", .mod)] {
        guard case .augmentedAssign(_, let parsed, _) = try parse(source)[0].kind else { return }
        #expect(parsed == expected)
    }
    guard case .annotatedAssign(let annotated, let annotation, let annotatedValue) = try parse("x: int = 3")[0].kind
    else { return }
    #expect(show(annotated) == "x" && show(annotation) == "int" && annotatedValue.map(show) == "3")
}

@Test func compoundStatements() throws {
    let source = """
        import torch
        import torch.nn.functional as F, os
        from a.b import x as y, z
        from . import (m,
                       n,)
        @staticmethod
        @other.deco(1)
        def f(a, b=2, *args, c, d=4, **kwargs) -> int:
            global g
            def inner():
                nonlocal a
            return a, b
        class C(Base, mixins.M):
            def m(self): pass
        if a:
            pass
        elif b:
            pass
        else:
            pass
        for i, (j, k) in enumerate(x):
            if i: continue
            break
        else:
            pass
        while n > 0: n -= 1
        else: done()
        with open(p) as f, lock:
            with (a as b, c as d):
                pass
        try:
            raise ValueError("x") from e
        except (A, B) as err:
            pass
        except E:
            pass
        except:
            raise
        else:
            assert x, "msg"
        finally:
            del a[0], b.c
        x = 1; y = 2;
        """
    let body = try parse(source)
    #expect(body.count == 13)
    guard case .import(let imports) = body[1].kind else { return }
    #expect(imports.map(\.name) == ["torch.nn.functional", "os"] && imports[0].alias == "F")
    guard case .importFrom(let module, let names) = body[2].kind else { return }
    #expect(module == "a.b" && names.map(\.name) == ["x", "z"] && names[0].alias == "y")
    guard case .importFrom(let relative, let relativeNames) = body[3].kind else { return }
    #expect(relative == "." && relativeNames.map(\.name) == ["m", "n"])
    guard case .functionDef(let function) = body[4].kind else { return }
    #expect(function.decorators.map(show) == ["staticmethod", "(call (. other deco) 1)"])
    #expect(function.parameters.map(\.name) == ["a", "b", "args", "c", "d", "kwargs"])
    #expect(function.parameters.map(\.kind) == [.normal, .normal, .varArgs, .keywordOnly, .keywordOnly, .varKeywords])
    #expect(function.parameters.map { $0.defaultValue.map(show) ?? "-" } == ["-", "2", "-", "-", "4", "-"])
    #expect(body[4].position == SourcePosition(line: 6, column: 0))
    guard case .return(let returned) = function.body.last?.kind else { return }
    #expect(returned.map(show) == "(tuple a b)")
    guard case .classDef(let definition) = body[5].kind else { return }
    #expect(definition.name == "C" && definition.bases.map(show) == ["Base", "(. mixins M)"] && definition.body.count == 1)
    guard case .if(_, _, let orElse) = body[6].kind, case .if(let elifCondition, _, let elseBody) = orElse.first?.kind
    else { return }
    #expect(show(elifCondition) == "b" && elseBody.count == 1 && orElse[0].position.line == 17)
    guard case .for(let target, let iterable, let loopBody, let loopElse) = body[7].kind else { return }
    #expect(show(target) == "(tuple i (tuple j k))" && show(iterable) == "(call enumerate x)")
    #expect(loopBody.count == 2 && loopElse.count == 1)
    guard case .while(_, let whileBody, let whileElse) = body[8].kind else { return }
    #expect(whileBody.count == 1 && whileElse.count == 1)
    guard case .with(let items, let withBody) = body[9].kind, case .with(let inner, _) = withBody.first?.kind else { return }
    #expect(items.map { show($0.context) } == ["(call open p)", "lock"] && items[0].target.map(show) == "f")
    #expect(inner.map { $0.target.map(show) ?? "-" } == ["b", "d"])
    guard case .try(let tryBody, let handlers, let tryElse, let finally) = body[10].kind else { return }
    guard case .raise(let raised, let cause) = tryBody.first?.kind else { return }
    #expect(raised.map(show) == "(call ValueError 'x')" && cause.map(show) == "e")
    #expect(handlers.map { $0.type.map(show) ?? "-" } == ["(tuple A B)", "E", "-"])
    #expect(handlers.map { $0.name ?? "-" } == ["err", "-", "-"])
    guard case .assert(_, let message) = tryElse.first?.kind, case .delete(let deleted) = finally.first?.kind else { return }
    #expect(message.map(show) == "'msg'" && deleted.map(show) == ["(sub a 0)", "(. b c)"])
}

@Test func positions() throws {
    let body = try parse("if x:\n    y = a.b(c) + d[1]\n")
    guard case .if(_, let inner, _) = body[0].kind, case .assign(_, let value) = inner[0].kind,
        case .binary(_, let left, let right) = value.kind
    else { return }
    #expect(inner[0].position == SourcePosition(line: 2, column: 4))
    #expect(value.position == SourcePosition(line: 2, column: 8))
    #expect(left.position == SourcePosition(line: 2, column: 8))
    #expect(right.position == SourcePosition(line: 2, column: 17))
}

@Test func unusualFiles() throws {
    #expect(try parse("").isEmpty)
    #expect(try parse("\n\n  \n# c\n").isEmpty)
    #expect(try parse("x = 1").count == 1)
    #expect(try parse("\u{FEFF}x = 1\r\nif x:\r\n    y = 2\r\n").count == 2)
    #expect(try parseModule(source: "a\r\nb", filename: "t.py").sourceLines == ["a", "b"])
    #expect(syntaxError("x = 1\0")?.message == "source code cannot contain null bytes")
}

@Test func deepNestingIsAnErrorNotACrash() {
    #expect(syntaxError("x = " + String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)) == nil)
    #expect(syntaxError(String(repeating: "[", count: 300))?.message == "too many nested parentheses")
    #expect(syntaxError("x = " + String(repeating: "2**", count: 5000) + "1")?.message == "too many nested parentheses")
    #expect(syntaxError("x = " + String(repeating: "f(", count: 199) + String(repeating: ")", count: 199)) == nil)
    // Prefix operators do not count as brackets (long chains of them are CompileDepthTests').
    #expect(syntaxError("x = " + String(repeating: "-(", count: 190) + String(repeating: ")", count: 190)) == nil)
    var deep = ""
    for level in 0..<101 { deep += String(repeating: " ", count: level) + "if x:\n" }
    deep += String(repeating: " ", count: 101) + "pass\n"
    #expect(syntaxError(deep)?.message == "too many levels of indentation")
}
