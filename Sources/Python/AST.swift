/// The syntax tree of the Python subset GradScope runs.
///
/// Nodes are classes carrying their source position so the interpreter can name lines in
/// tracebacks and the graph recorder can label ops with the line that ran them.

/// A position in the script: 1-based line, 0-based column (as Python reports them).
package struct SourcePosition: Sendable, Equatable {
    package let line: Int
    package let column: Int
    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

package enum BinaryOperator: String, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", mod = "%", pow = "**", matMul = "@"
    case bitAnd = "&", bitOr = "|", bitXor = "^", shiftLeft = "<<", shiftRight = ">>"
}

package enum UnaryOperator: String, Sendable {
    case neg = "-", pos = "+", not = "not", invert = "~"
}

package enum BoolOperator: String, Sendable { case and, or }

package enum CompareOperator: String, Sendable {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case `is` = "is", isNot = "is not", `in` = "in", notIn = "not in"
}

/// One argument at a call site.
package enum CallArgument {
    case positional(Expr)
    case keyword(String, Expr)
    /// `*args`
    case unpack(Expr)
    /// `**kwargs`
    case unpackKeywords(Expr)
}

/// A piece of an f-string.
package enum FStringPart {
    case literal(String)
    /// `{expr!conversion:spec}`; `conversion` is "r", "s" or "a"; the spec may itself hold
    /// replacement fields, so it is a list of parts. `selfDocumenting` is the `{x=}` form's text.
    case field(Expr, conversion: Character?, spec: [FStringPart], selfDocumenting: String?)
}

/// `for target in iter if cond ...` inside a comprehension.
package struct Comprehension {
    package let target: Expr
    package let iterable: Expr
    package let conditions: [Expr]
    package init(target: Expr, iterable: Expr, conditions: [Expr]) {
        self.target = target
        self.iterable = iterable
        self.conditions = conditions
    }
}

extension Expr {
    /// Whether CPython's compiler folds this expression to a constant: a literal, a signed
    /// number or a tuple of constants.
    var isConstant: Bool {
        switch kind {
        case .intLiteral, .floatLiteral, .stringLiteral, .boolLiteral, .noneLiteral: return true
        case .unary(let op, let operand) where op == .neg || op == .pos || op == .invert: return operand.isConstant
        case .tuple(let items): return items.allSatisfy(\.isConstant)
        default: return false
        }
    }
}

package indirect enum ExprKind {
    case name(String)
    case intLiteral(Int)
    case floatLiteral(Double)
    case stringLiteral(String)
    case fString([FStringPart])
    case boolLiteral(Bool)
    case noneLiteral
    case ellipsis
    case list([Expr])
    case tuple([Expr])
    case dict([(key: Expr, value: Expr)])
    case set([Expr])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    /// `a and b and c`
    case boolean(BoolOperator, [Expr])
    /// `a < b <= c`: the first operand, then (operator, operand) pairs.
    case compare(Expr, [(CompareOperator, Expr)])
    case call(Expr, [CallArgument])
    case attribute(Expr, String)
    /// `value[index]`; a slice or a tuple of indices/slices is the index expression.
    case `subscript`(Expr, Expr)
    /// `lower:upper:step` inside a subscript.
    case slice(Expr?, Expr?, Expr?)
    /// `body if condition else orElse`
    case conditional(condition: Expr, body: Expr, orElse: Expr)
    case lambda([Parameter], Expr)
    case listComprehension(Expr, [Comprehension])
    case dictComprehension(key: Expr, value: Expr, [Comprehension])
    case generator(Expr, [Comprehension])
    /// `yield value` (only as a statement or an assignment's value).
    case yield(Expr?)
    /// `yield from iterable` (only as a statement).
    case yieldFrom(Expr)
    /// `*x` in an assignment target or a list/tuple display.
    case starred(Expr)
    /// `name := value`: binds `name` and evaluates to the value.
    case namedExpression(String, Expr)
}

package final class Expr {
    package let kind: ExprKind
    package let position: SourcePosition
    package init(_ kind: ExprKind, _ position: SourcePosition) {
        self.kind = kind
        self.position = position
    }
    package var line: Int { position.line }
}

/// A function parameter.
package struct Parameter {
    package enum Kind: Sendable { case normal, keywordOnly, varArgs, varKeywords }
    package let name: String
    package let defaultValue: Expr?
    package let kind: Kind
    package init(name: String, defaultValue: Expr?, kind: Kind) {
        self.name = name
        self.defaultValue = defaultValue
        self.kind = kind
    }
}

package struct FunctionDefinition {
    package let name: String
    package let parameters: [Parameter]
    package let body: [Stmt]
    package let decorators: [Expr]
    /// Whether the body contains `yield` (outside nested functions): calls make generators.
    package let isGenerator: Bool
    package init(name: String, parameters: [Parameter], body: [Stmt], decorators: [Expr], isGenerator: Bool = false) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.decorators = decorators
        self.isGenerator = isGenerator
    }
}

package struct ClassDefinition {
    package let name: String
    package let bases: [Expr]
    package let body: [Stmt]
    package let decorators: [Expr]
    package init(name: String, bases: [Expr], body: [Stmt], decorators: [Expr]) {
        self.name = name
        self.bases = bases
        self.body = body
        self.decorators = decorators
    }
}

package struct ExceptHandler {
    /// The exception type expression (a name or a tuple of names); nil for a bare `except:`.
    package let type: Expr?
    package let name: String?
    package let body: [Stmt]
    package let position: SourcePosition
    package init(type: Expr?, name: String?, body: [Stmt], position: SourcePosition) {
        self.type = type
        self.name = name
        self.body = body
        self.position = position
    }
}

/// `with item as target, ...:`
package struct WithItem {
    package let context: Expr
    package let target: Expr?
    package init(context: Expr, target: Expr?) {
        self.context = context
        self.target = target
    }
}

/// `import a.b as c` / `from a.b import c as d`: the dotted module and the optional alias.
package struct ImportName {
    package let name: String
    package let alias: String?
    package init(name: String, alias: String?) {
        self.name = name
        self.alias = alias
    }
}

package enum StmtKind {
    case expression(Expr)
    /// `a = b = value`: every target, left to right.
    case assign(targets: [Expr], value: Expr)
    case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr)
    /// `x: int = 3`; a class body records a plain name's annotation in `__annotations__`.
    case annotatedAssign(target: Expr, annotation: Expr, value: Expr?)
    /// `elif` chains are nested `if`s in `orElse`.
    case `if`(condition: Expr, body: [Stmt], orElse: [Stmt])
    case `for`(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt])
    case `while`(condition: Expr, body: [Stmt], orElse: [Stmt])
    case `break`
    case `continue`
    case pass
    case functionDef(FunctionDefinition)
    case classDef(ClassDefinition)
    case `return`(Expr?)
    case with([WithItem], body: [Stmt])
    case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
    case raise(Expr?, cause: Expr?)
    case assert(Expr, message: Expr?)
    case delete([Expr])
    case global([String])
    case nonlocal([String])
    case `import`([ImportName])
    case importFrom(module: String, names: [ImportName])
}

package final class Stmt {
    package let kind: StmtKind
    package let position: SourcePosition
    /// Whether a `yield` appears in this statement (outside nested functions): a generator
    /// steps into such statements instead of running them whole.
    package internal(set) var containsYield = false
    package init(_ kind: StmtKind, _ position: SourcePosition) {
        self.kind = kind
        self.position = position
    }
    package var line: Int { position.line }
}

/// A parsed script: its statements and its source lines (for tracebacks and carets).
package struct Module {
    package let body: [Stmt]
    package let sourceLines: [String]
    package init(body: [Stmt], sourceLines: [String]) {
        self.body = body
        self.sourceLines = sourceLines
    }
}
