import Foundation

extension GraphJSONError {
    /// `JSONDecoder`'s failure on `text` in words: `invalid JSON: ...` when the text is not JSON,
    /// else `not a gradscope.graph/3 dump: PLACE: PROBLEM` (e.g. `nodes[2].next[0]: expected an
    /// integer`).
    init(_ error: DecodingError, decoding text: String) {
        switch error {
        case .typeMismatch(let type, let context):
            self.init(schemaProblem: "expected \(Self.kind(of: type))", at: context.codingPath)
        case .valueNotFound(let type, let context):
            self.init(schemaProblem: "expected \(Self.kind(of: type)), found null", at: context.codingPath)
        case .keyNotFound(let key, let context):
            self.init(schemaProblem: "missing", at: context.codingPath + [key])
        case .dataCorrupted(let context):
            if let syntax = Self.syntaxProblem(in: text) {
                self.init("invalid JSON: " + syntax)
            } else {
                let cause = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                self.init(schemaProblem: cause ?? context.debugDescription, at: context.codingPath)
            }
        @unknown default:
            self.init("invalid JSON: \(error)")
        }
    }

    /// `not a gradscope.graph/3 dump: tensors[3].shape: PROBLEM` (`top level` for the root).
    private init(schemaProblem problem: String, at path: [CodingKey]) {
        let place = path.reduce("") { place, key in
            if let i = key.intValue { return place + "[\(i)]" }
            return place.isEmpty ? key.stringValue : place + "." + key.stringValue
        }
        self.init("not a \(Graph.schema) dump: \(place.isEmpty ? "top level" : place): \(problem)")
    }

    /// `an integer`, `a string`, ... for the type `JSONDecoder` expected.
    private static func kind(of type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "an array"
        case is [String: Any].Type: return "an object"
        default: return "\(type)"
        }
    }

    /// What is wrong with the syntax of `text`, in `JSONSerialization`'s words (`JSONDecoder` says
    /// only "The given data was not valid JSON."), or nil when the syntax is fine.
    private static func syntaxProblem(in text: String) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            return nil
        } catch let error as NSError {
            let problem = error.userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
            guard problem.contains("surrogate") || problem.contains("hex escape"), let place = loneSurrogatePlace(in: text) else {
                return problem
            }
            return "\(place): \(problem)"
        }
    }

    /// Where the first `\\u` escape of a UTF-16 surrogate that is not half of a pair sits, as
    /// `line L, column C` (columns in UTF-8 bytes): Foundation's surrogate errors carry no position.
    private static func loneSurrogatePlace(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var i = 0
        func escapedUnit(at k: Int) -> UInt32? {
            guard k + 6 <= bytes.count, bytes[k] == UInt8(ascii: "\\"), bytes[k + 1] == UInt8(ascii: "u") else { return nil }
            return UInt32(String(decoding: bytes[(k + 2)..<(k + 6)], as: UTF8.self), radix: 16)
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            } else if bytes[i] == UInt8(ascii: "\\") {
                if let unit = escapedUnit(at: i) {
                    let isHigh = (0xD800...0xDBFF).contains(unit)
                    let pairsWithNext = escapedUnit(at: i + 6).map { (0xDC00...0xDFFF).contains($0) } ?? false
                    if isHigh && pairsWithNext {
                        i += 12
                        continue
                    }
                    if isHigh || (0xDC00...0xDFFF).contains(unit) { return "line \(line), column \(i - lineStart + 1)" }
                }
                i += 2
                continue
            }
            i += 1
        }
        return nil
    }
}
