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
            return error.userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        }
    }
}
