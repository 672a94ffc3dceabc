/// Parses native_functions.yaml-style signature text into an `OpSignature`.
enum OpSignatureParser {
    /// A malformed signature, with the text and what is wrong with it.
    struct Failure: Error, CustomStringConvertible {
        let signature: String
        let reason: String
        var description: String { "malformed op signature \"\(signature)\": \(reason)" }
    }

    static func parse(_ text: String) throws -> OpSignature {
        func fail(_ reason: String) -> Failure { Failure(signature: text, reason: reason) }
        guard let open = text.firstIndex(of: "("), let arrow = text.firstRange(of: ") -> ") else {
            throw fail("expected NAME(PARAMETERS) -> RETURNS")
        }
        let head = text[..<open]
        let nameParts = head.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(nameParts.count), nameParts.allSatisfy(isIdentifier) else {
            throw fail("bad op name \"\(head)\"")
        }
        var parameters = [OpParameter]()
        var keywordOnly = false
        let list = text[text.index(after: open)..<arrow.lowerBound]
        for item in splitTopLevel(list) where !item.isEmpty {
            if item == "*" {
                guard !keywordOnly else { throw fail("second *") }
                keywordOnly = true
                continue
            }
            let parameter = try parseParameter(item, keywordOnly: keywordOnly, fail)
            guard !parameters.contains(where: { $0.name == parameter.name }) else {
                throw fail("duplicate parameter \(parameter.name)")
            }
            if !parameter.isKeywordOnly, parameter.defaultValue == nil,
                parameters.last?.defaultValue != nil && parameters.last?.isKeywordOnly == false
            {
                throw fail("required parameter \(parameter.name) after one with a default")
            }
            parameters.append(parameter)
        }
        let returnText = text[arrow.upperBound...].trimmingSpaces()
        let returns =
            returnText.hasPrefix("(") && returnText.hasSuffix(")")
            ? splitTopLevel(returnText.dropFirst().dropLast()) : [returnText]
        // A tuple names its parts (`(Tensor values, Tensor indices)`); the type is the first word.
        guard returns.allSatisfy({ ["Tensor", "Tensor[]"].contains($0.split(separator: " ").first.map(String.init) ?? "") })
        else {
            throw fail("unsupported return type \"\(returnText)\"")
        }
        return OpSignature(
            name: nameParts[0], overload: nameParts.count == 2 ? nameParts[1] : "",
            parameters: parameters, returns: returns)
    }

    private static func parseParameter(
        _ item: String, keywordOnly: Bool,
        _ fail: (String) -> Failure
    ) throws -> OpParameter {
        let (declaration, defaultText): (Substring, String?)
        if let eq = item.firstIndex(of: "=") {
            declaration = item[..<eq]
            defaultText = String(item[item.index(after: eq)...])
        } else {
            (declaration, defaultText) = (item[...], nil)
        }
        let words = declaration.split(separator: " ")
        guard words.count == 2, isIdentifier(String(words[1])) else { throw fail("bad parameter \"\(item)\"") }
        var typeText = words[0]
        let isOptional = typeText.hasSuffix("?")
        if isOptional { typeText = typeText.dropLast() }
        guard let type = parseType(typeText) else { throw fail("unknown type \"\(words[0])\"") }
        let defaultValue = try defaultText.map { text -> OpConstant in
            guard let value = parseDefault(text, type: type, isOptional: isOptional) else {
                throw fail("default \(text) does not fit \(words[0])")
            }
            return value
        }
        return OpParameter(
            name: String(words[1]), type: type, isOptional: isOptional,
            isKeywordOnly: keywordOnly, defaultValue: defaultValue)
    }

    private static func parseType(_ text: Substring) -> OpParameterType? {
        switch text {
        case "Tensor": return .tensor
        case "Tensor[]": return .tensorList
        case "Scalar": return .scalar
        case "int": return .int
        case "int[]": return .intList(size: nil)
        case "float": return .float
        case "bool": return .bool
        case "ScalarType": return .scalarType
        case "str": return .string
        default:
            guard text.hasPrefix("int["), text.hasSuffix("]"),
                let size = Int(text.dropFirst(4).dropLast()), size > 0
            else { return nil }
            return .intList(size: size)
        }
    }

    private static func parseDefault(_ text: String, type: OpParameterType, isOptional: Bool) -> OpConstant? {
        if text == "None" { return isOptional ? OpConstant.none : nil }
        switch type {
        case .bool:
            return text == "True" ? .bool(true) : text == "False" ? .bool(false) : nil
        case .int:
            return Int(text).map(OpConstant.int)
        case .float:
            return Double(text).map(OpConstant.double)
        case .scalar:
            if let i = Int64(text) { return .scalar(.int(i)) }
            return Double(text).map { .scalar(.double($0)) }
        case .intList:
            guard text.hasPrefix("["), text.hasSuffix("]") else { return Int(text).map { .intList([$0]) } }
            let items = text.dropFirst().dropLast().split(separator: ",").map { Int($0.trimmingSpaces()) }
            return items.contains(nil) ? nil : .intList(items.compactMap { $0 })
        case .string:
            guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return nil }
            return .string(String(text.dropFirst().dropLast()))
        case .tensor, .tensorList, .scalarType:
            return nil
        }
    }

    /// Splits on commas outside brackets, trimming spaces.
    private static func splitTopLevel(_ text: Substring) -> [String] {
        var items = [String]()
        var current = ""
        var depth = 0
        for c in text {
            switch c {
            case "[", "(": depth += 1
            case "]", ")": depth -= 1
            default: break
            }
            if c == ",", depth == 0 {
                items.append(current.trimmingSpaces())
                current = ""
            } else {
                current.append(c)
            }
        }
        items.append(current.trimmingSpaces())
        return items == [""] ? [] : items
    }

    private static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.first, first == "_" || first.isLetter else { return false }
        return s.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }
}

private extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
