import Testing

@testable import Python

/// Each case's expected text is what `python3 script.py` (3.11) wrote to stderr.
private let pythonErrors: [(source: String, stderr: String)] = [
    (
        "x = 1\ny = 2\nx = (1 +\n",
        "  File \"script.py\", line 3\n    x = (1 +\n        ^\nSyntaxError: '(' was never closed\n"
    ),
    (
        "if x\n    pass\n",
        "  File \"script.py\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n"
    ),
    (
        "x = 1\n    y = 2\n",
        "  File \"script.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n"
    ),
    (
        "if x:\n        a = 1\n    b = 2\n",
        "  File \"script.py\", line 3\n    b = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n"
    ),
    (
        "if x:\npass\n",
        "  File \"script.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n"
    ),
    (
        "class A:\n\n",
        "  File \"script.py\", line 2\n    \nIndentationError: expected an indented block after class definition on line 1\n"
    ),
    (
        "s = 'abc\n",
        "  File \"script.py\", line 1\n    s = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n"
    ),
    (
        "x = 1)\n",
        "  File \"script.py\", line 1\n    x = 1)\n         ^\nSyntaxError: unmatched ')'\n"
    ),
    (
        "x = (1, 2]\n",
        "  File \"script.py\", line 1\n    x = (1, 2]\n             ^\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '('\n"
    ),
    (
        "x = 1abc\n",
        "  File \"script.py\", line 1\n    x = 1abc\n        ^\nSyntaxError: invalid decimal literal\n"
    ),
    (
        "f() = 3\n",
        "  File \"script.py\", line 1\n    f() = 3\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"
    ),
    (
        "x = [1 2]\n",
        "  File \"script.py\", line 1\n    x = [1 2]\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"
    ),
    (
        "x = €\n",
        "  File \"script.py\", line 1\n    x = €\n        ^\nSyntaxError: invalid character '€' (U+20AC)\n"
    ),
    (
        "x = 1\0\n",
        "  File \"script.py\", line 1\n    x = 1\nSyntaxError: source code cannot contain null bytes\n"
    ),
    (
        "x = a b\n",
        "  File \"script.py\", line 1\n    x = a b\n          ^\nSyntaxError: invalid syntax\n"
    ),
    (
        "if x:\n\tpass\n        y\n",
        "  File \"script.py\", line 3\n    y\nTabError: inconsistent use of tabs and spaces in indentation\n"
    ),
    (
        "x = 1 if 2\n",
        "  File \"script.py\", line 1\n    x = 1 if 2\n        ^^^^^^\nSyntaxError: expected 'else' after 'if' expression\n"
    ),
    (
        "def f(a=1, b):\n  pass\n",
        "  File \"script.py\", line 1\n    def f(a=1, b):\n               ^\nSyntaxError: non-default argument follows default argument\n"
    ),
    (
        "f(a=1, 2)\n",
        "  File \"script.py\", line 1\n    f(a=1, 2)\n            ^\nSyntaxError: positional argument follows keyword argument\n"
    ),
    (
        "return\n",
        "  File \"script.py\", line 1\n    return\n    ^^^^^^\nSyntaxError: 'return' outside function\n"
    ),
    (
        "del f()\n",
        "  File \"script.py\", line 1\n    del f()\n        ^^^\nSyntaxError: cannot delete function call\n"
    ),
    (
        "x = {1: 2, 3}\n",
        "  File \"script.py\", line 1\n    x = {1: 2, 3}\n               ^\nSyntaxError: ':' expected after dictionary key\n"
    ),
    (
        "x = f'{a!z}'\n",
        "  File \"script.py\", line 1\n    x = f'{a!z}'\n                ^\nSyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'\n"
    ),
    (
        "x = f'{a b}'\n",
        "  File \"script.py\", line 1\n    (a b)\n     ^^^\nSyntaxError: f-string: invalid syntax. Perhaps you forgot a comma?\n"
    ),
    (
        "print(a b\n",
        "  File \"script.py\", line 1\n    print(a b\n         ^\nSyntaxError: '(' was never closed\n"
    ),
    (
        "x = \\\n",
        "  File \"script.py\", line 1\n    x = \\\n         ^\nSyntaxError: unexpected EOF while parsing\n"
    ),
    (
        "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((\n",
        "  File \"script.py\", line 1\n    (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((\n                                                                                                                                                                                                            ^\nSyntaxError: too many nested parentheses\n"
    )
]

@Test(arguments: pythonErrors.indices)
func syntaxErrorsPrintLikePython(_ index: Int) {
    let (source, expected) = pythonErrors[index]
    #expect(throws: SyntaxError.self) { _ = try parseModule(source: source, filename: "script.py") }
    do {
        _ = try parseModule(source: source, filename: "script.py")
    } catch let error as SyntaxError {
        #expect(error.formatted(filename: "script.py") == expected)
    } catch {
        Issue.record("unexpected error \(error)")
    }
}

@Test func syntaxErrorFields() throws {
    do {
        _ = try parseModule(source: "x = 1\ny = (1 +\n", filename: "s.py")
        Issue.record("no error")
    } catch let error as SyntaxError {
        #expect(error.kind == .syntax && error.message == "'(' was never closed")
        #expect(error.line == 2 && error.column == 4 && error.lineText == "y = (1 +")
    }
}
