/// Parses native_functions.yaml-style signature text into an `OpSignature`.
enum OpSignatureParser {
    /// A malformed signature, with the text and what is wrong with it.
    struct Failure: Error, CustomStringConvertible {
        let signature: String
        let reason: String
        var description: String { "malformed op signature \"\(signature)\": \(reason)" }
    }

    /// The op's name and overload name (empty for the default overload), read from the text
    /// before its parameter list without parsing the rest: the registry finds an op's names
    /// this way and parses its signature only when the op is first bound.
    static func names(_ text: String) throws -> (name: String, overload: String) {
        guard let open = text.utf8.firstIndex(of: UInt8(ascii: "(")) else {
            throw Failure(signature: text, reason: "expected NAME(PARAMETERS) -> RETURNS")
        }
        let head = text[..<open]
        let nameParts = head.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(nameParts.count), nameParts.allSatisfy(isIdentifier) else {
            throw Failure(signature: text, reason: "bad op name \"\(head)\"")
        }
        return (nameParts[0], nameParts.count == 2 ? nameParts[1] : "")
    }

    static func parse(_ text: String) throws -> OpSignature {
        func fail(_ reason: String) -> Failure { Failure(signature: text, reason: reason) }
        guard let open = text.utf8.firstIndex(of: UInt8(ascii: "(")), let arrow = text[...].byteRange(of: ") -> ") else {
            throw fail("expected NAME(PARAMETERS) -> RETURNS")
        }
        let (name, overload) = try names(text)
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
        return OpSignature(name: name, overload: overload, parameters: parameters, returns: returns)
    }

    private static func parseParameter(
        _ item: String, keywordOnly: Bool,
        _ fail: (String) -> Failure
    ) throws -> OpParameter {
        let (declaration, defaultText): (Substring, String?)
        if let eq = item.utf8.firstIndex(of: UInt8(ascii: "=")) {
            declaration = item[..<eq]
            defaultText = String(item[item.index(after: eq)...])
        } else {
            (declaration, defaultText) = (item[...], nil)
        }
        let words = declaration.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
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

    /// Splits on commas outside brackets, trimming spaces. Works on UTF-8 bytes: Character
    /// iteration made this most of a signature's parsing cost.
    private static func splitTopLevel(_ text: Substring) -> [String] {
        var items = [String]()
        var depth = 0
        var start = text.utf8.startIndex
        var index = start
        while index != text.utf8.endIndex {
            switch text.utf8[index] {
            case UInt8(ascii: "["), UInt8(ascii: "("): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: ")"): depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                items.append(text[start..<index].trimmingSpaces())
                start = text.utf8.index(after: index)
            default: break
            }
            index = text.utf8.index(after: index)
        }
        items.append(text[start..<index].trimmingSpaces())
        return items == [""] ? [] : items
    }

    /// An ASCII identifier (signatures are written in ASCII).
    private static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.utf8.first, first == UInt8(ascii: "_") || isASCIILetter(first) else { return false }
        return s.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isASCIILetter($0) || isASCIIDigit($0) }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

private extension Substring {
    /// The first occurrence of ASCII `pattern`, found byte by byte (the generic `firstRange(of:)`
    /// cost more than the rest of start-up's parsing together).
    func byteRange(of pattern: StaticString) -> Range<String.Index>? {
        let needle = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
        let bytes = utf8
        var start = bytes.startIndex
        while start != bytes.endIndex {
            var probe = start
            var matched = 0
            while matched < needle.count, probe != bytes.endIndex, bytes[probe] == needle[matched] {
                probe = bytes.index(after: probe)
                matched += 1
            }
            if matched == needle.count { return start..<probe }
            start = bytes.index(after: start)
        }
        return nil
    }

    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }),
            let last = bytes.lastIndex(where: { $0 != UInt8(ascii: " ") })
        else { return "" }
        return String(self[first...last])
    }
}
