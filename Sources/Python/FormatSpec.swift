/// A parsed Python format specification (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`),
/// read the way CPython's `parse_internal_render_format_spec` reads it.
struct FormatSpec {
    enum Grouping { case none, comma, underscore }

    var fill: Unicode.Scalar = " "
    var align: Character
    var sign: Character? = nil
    var noNegativeZero = false
    var alternate = false
    var width: Int? = nil
    var grouping = Grouping.none
    var precision: Int? = nil
    var type: Character?

    /// Parses `spec` for an object whose Python type is `typeName`, with that type's default
    /// alignment (`>` for numbers, `<` for strings) and default presentation type.
    init(_ spec: String, typeName: String, defaultAlign: Character, defaultType: Character?) throws {
        align = defaultAlign
        type = defaultType
        let chars = Array(spec.unicodeScalars)
        var pos = 0
        var fillSpecified = false
        var alignSpecified = false
        func isAlign(_ c: Unicode.Scalar) -> Bool { c == "<" || c == ">" || c == "=" || c == "^" }
        func at(_ i: Int) -> Unicode.Scalar? { i < chars.count ? chars[i] : nil }

        if chars.count - pos >= 2, isAlign(chars[pos + 1]) {
            align = Character(chars[pos + 1])
            fill = chars[pos]
            fillSpecified = true
            alignSpecified = true
            pos += 2
        } else if let c = at(pos), isAlign(c) {
            align = Character(c)
            alignSpecified = true
            pos += 1
        }
        if let c = at(pos), c == "+" || c == "-" || c == " " {
            sign = Character(c)
            pos += 1
        }
        if at(pos) == "z" {
            noNegativeZero = true
            pos += 1
        }
        if at(pos) == "#" {
            alternate = true
            pos += 1
        }
        if !fillSpecified, at(pos) == "0" {
            fill = "0"
            if !alignSpecified && defaultAlign == ">" { align = "=" }
            pos += 1
        }
        width = try FormatSpec.integer(chars, &pos)
        if at(pos) == "," {
            grouping = .comma
            pos += 1
        }
        if at(pos) == "_" {
            if grouping != .none { throw FormatError("Cannot specify both ',' and '_'.") }
            grouping = .underscore
            pos += 1
        }
        if at(pos) == ",", grouping == .underscore { throw FormatError("Cannot specify both ',' and '_'.") }
        if at(pos) == "." {
            pos += 1
            guard let p = try FormatSpec.integer(chars, &pos) else {
                throw FormatError("Format specifier missing precision")
            }
            precision = p
        }
        if chars.count - pos > 1 {
            throw FormatError("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        if pos < chars.count { type = Character(chars[pos]) }

        if grouping != .none {
            switch type {
            case "d", "e", "f", "g", "E", "G", "%", "F", nil: break
            case "b" where grouping == .underscore, "o" where grouping == .underscore,
                "x" where grouping == .underscore, "X" where grouping == .underscore:
                break
            default:
                let sep = grouping == .comma ? "," : "_"
                throw FormatError("Cannot specify '\(sep)' with \(FormatSpec.quoted(type)).")
            }
        }
    }

    /// Digits at `pos` as a number, or nil when there are none.
    private static func integer(_ chars: [Unicode.Scalar], _ pos: inout Int) throws -> Int? {
        var value = 0
        var consumed = 0
        while pos < chars.count,
            let digit = chars[pos].properties.numericType == .decimal
                ? chars[pos].properties.numericValue : nil
        {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(digit))
            if o1 || o2 { throw FormatError("Too many decimal digits in format string") }
            value = sum
            pos += 1
            consumed += 1
        }
        return consumed == 0 ? nil : value
    }

    /// A presentation type as CPython quotes it in messages: `'d'`, or `'\x1f'` for an
    /// unprintable one.
    static func quoted(_ type: Character?) -> String {
        guard let type, let scalar = type.unicodeScalars.first else { return "'\\x0'" }
        if scalar.value > 32 && scalar.value < 128 { return "'\(type)'" }
        return "'\\x\(String(scalar.value, radix: 16))'"
    }
}
