/// One DOT attribute value: either text (written quoted and escaped) or an HTML-like label
/// (written between `<` and `>`, already built from escaped pieces).
package enum DOTValue: Equatable, Sendable, ExpressibleByStringLiteral {
    /// Plain text; quotes, backslashes and newlines are escaped when written.
    case text(String)
    /// An HTML-like label body, e.g. `<B>mul</B><BR/>line 3`; its text parts must already be
    /// escaped with `DOTEscape.html`.
    case html(String)

    /// Creates a text value.
    package init(stringLiteral value: String) { self = .text(value) }

    /// The value as it appears in DOT source: `"a \"b\""` or `<…>`.
    package var dot: String {
        switch self {
        case .text(let text): return DOTEscape.quoted(text)
        case .html(let html): return "<" + html + ">"
        }
    }
}

/// An ordered list of DOT attributes; later settings of a key replace earlier ones in place,
/// so output order is stable and the same attributes always give the same DOT text.
package struct DOTAttributes: Equatable, Sendable, ExpressibleByDictionaryLiteral {
    /// The attributes, in the order they are written.
    package private(set) var entries: [(key: String, value: DOTValue)] = []

    /// An empty attribute list.
    package init() {}

    /// Creates attributes from a literal, keeping its order: `["shape": "box", "color": "#333"]`.
    package init(dictionaryLiteral elements: (String, DOTValue)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// The value set for `key`, or nil; assigning nil removes the key.
    package subscript(key: String) -> DOTValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// These attributes with `other`'s settings applied on top.
    package func merging(_ other: DOTAttributes) -> DOTAttributes {
        var result = self
        for (key, value) in other.entries { result[key] = value }
        return result
    }

    /// The attribute list as DOT: `[shape="box", color="#333333"]`, or `""` when empty.
    package var dot: String {
        entries.isEmpty ? "" : "[" + entries.map { "\($0.key)=\($0.value.dot)" }.joined(separator: ", ") + "]"
    }

    /// The attributes as DOT statements for a graph or cluster body: `label="x"; style="dashed";`.
    package var statements: String {
        entries.map { "\($0.key)=\($0.value.dot);" }.joined(separator: " ")
    }

    package static func == (lhs: DOTAttributes, rhs: DOTAttributes) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }
}

/// Escaping of text for DOT source.
package enum DOTEscape {
    /// `text` as a quoted DOT string: quotes and backslashes are escaped, line breaks become
    /// `\n` (centred lines in labels, line breaks in tooltips), carriage returns are dropped.
    /// Graphviz's label escapes (`\N`, `\G`, `\l`, …) in `text` are shown literally; control
    /// characters are shown as `\xNN` (SVG is XML, which cannot hold them) and text past
    /// `maxScalars` is cut with an ellipsis.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(min(text.utf8.count, maxScalars) + 2)
        for (i, scalar) in text.unicodeScalars.enumerated() {
            if i == maxScalars {
                result += "…"
                break
            }
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": continue
            default:
                if let code = controlCode(scalar) { result += "\\\\x" + code } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    /// How much of one text goes into a picture.
    package static let maxScalars = 1 << 16

    /// The two hex digits of a control character other than tab and line breaks, which XML 1.0
    /// cannot hold; nil for any other scalar.
    static func controlCode(_ scalar: Unicode.Scalar) -> String? {
        guard scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
        else { return nil }
        let hex = String(scalar.value, radix: 16)
        return hex.count == 1 ? "0" + hex : hex
    }

    /// `text` escaped for the inside of an HTML-like label: `&`, `<`, `>`, `"` and `'` become
    /// entities and line breaks become `<BR/>`.
    package static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(min(text.utf8.count, maxScalars))
        for (i, scalar) in text.unicodeScalars.enumerated() {
            if i == maxScalars {
                result += "…"
                break
            }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n": result += "<BR/>"
            case "\r": continue
            default:
                if let code = controlCode(scalar) { result += "\\x" + code } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// `id` as a DOT identifier: always quoted, so keywords (`node`, `graph`, …) and any
    /// characters are safe.
    package static func identifier(_ id: String) -> String { quoted(id) }
}
