import Foundation

/// A parsed JSON value, read by Foundation's `JSONDecoder`.
///
/// Not `JSONSerialization`: on Linux it does not round doubles correctly (it reads
/// `0.05833333730697632` as `0.05833333730697634`), so a dump would not read back to the same
/// gradients; `JSONDecoder` does.
///
/// Foundation is measurably slower than the hand-written parser this replaced: reading the
/// 133 MB dump of a 100k-op chain (`gradscope render big.json -o big.dot`, release) took 47 s of
/// CPU against 9.5 s before (the DOT writing is the same in both); `gradscope-bench --only dump`
/// reports the read alone as `dump_read_s` (56 s wall on the shared 2-core machine). Dumps of
/// the sizes that are drawn (a few thousand ops) read in well under a second.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Dumps nest seven levels deep (`backward_passes[0].edges[0].grad.values[0]`); deeper
    /// documents are refused before decoding them recursively could exhaust the stack.
    static let maxDepth = 64

    /// The document's single value.
    ///
    /// - Throws: `GraphJSONError` with Foundation's description of the problem, e.g. for a lone
    ///   surrogate escape `invalid JSON: Unexpected end of file during string parse (expected
    ///   low-surrogate code point but did not find one).`
    static func parse(_ text: String) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw GraphJSONError("invalid JSON: " + (syntaxProblem(in: text) ?? describe(error)))
        }
    }

    init(from decoder: Decoder) throws {
        guard decoder.codingPath.count <= Self.maxDepth else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "nested more than \(Self.maxDepth) levels deep"))
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .null
            return
        }
        // Each attempt that finds another kind of value is a type mismatch; any other failure
        // (a bad escape, a number out of range) is the document's error and goes up.
        func attempt<T: Decodable>(_ type: T.Type) throws -> T? {
            do { return try value.decode(type) } catch DecodingError.typeMismatch { return nil }
        }
        if let b = try attempt(Bool.self) {
            self = .bool(b)
        } else if let d = try attempt(Double.self) {
            self = .number(d)
        } else if let s = try attempt(String.self) {
            self = .string(s)
        } else if let a = try attempt([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try value.decode([String: JSONValue].self))
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

    /// `place: problem`, for a document whose syntax is fine but that `JSONValue` cannot hold.
    private static func describe(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .dataCorrupted(let c), .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c): context = c
        @unknown default: return "\(error)"
        }
        let cause = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
        let problem = cause ?? context.debugDescription
        let place = context.codingPath.reduce("") { path, key in
            if let i = key.intValue { return path + "[\(i)]" }
            return path.isEmpty ? key.stringValue : path + "." + key.stringValue
        }
        return place.isEmpty ? problem : "\(place): \(problem)"
    }
}
