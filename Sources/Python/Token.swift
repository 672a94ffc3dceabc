/// The tokens the lexer hands to the parser.

/// A string literal as written: for a plain string its decoded value, for an f-string its raw
/// body (the text between the quotes, escapes not yet processed) so the parser can split it
/// into literal text and replacement fields.
struct StringToken: Equatable {
    let value: String
    let isFormatted: Bool
    let isRaw: Bool
    /// Index of the body's first scalar in the source (f-strings are re-lexed from there).
    let bodyStart: Int
    let bodyEnd: Int
}

enum TokenKind: Equatable {
    case name(String)
    case keyword(String)
    case int(Int)
    case float(Double)
    case string(StringToken)
    /// An operator or delimiter, e.g. `+`, `**=`, `(`, `->`, `...`.
    case op(String)
    case newline
    case indent
    case dedent
    case endOfFile
}

struct Token: Equatable {
    let kind: TokenKind
    /// Start: 1-based line, 0-based column (in Unicode scalars).
    let line: Int
    let column: Int
    /// End (exclusive column) of the token.
    let endLine: Int
    let endColumn: Int

    var start: SourcePosition { SourcePosition(line: line, column: column) }

    func isOp(_ text: String) -> Bool { kind == .op(text) }
    func isKeyword(_ text: String) -> Bool { kind == .keyword(text) }
}

/// Python's reserved words (the soft keywords `match`/`case`/`_` are not among them).
let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield"
]

/// Operators and delimiters, longest first so the lexer can take the longest match.
let pythonOperators: [String] = [
    "**=", "//=", ">>=", "<<=", "...", "->", ":=",
    "+=", "-=", "*=", "/=", "%=", "@=", "&=", "|=", "^=", "==", "!=", "<=", ">=", "**", "//",
    "<<", ">>",
    "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}",
    ",", ":", ".", ";", "="
]

/// The first scalar of each of `pythonOperators`, so that the lexer tries only the operators
/// that can match.
let pythonOperatorStarts: [Unicode.Scalar] = pythonOperators.map { $0.unicodeScalars.first! }
