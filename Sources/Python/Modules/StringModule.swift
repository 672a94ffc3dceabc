/// Python's `string`: its character-class constants.
enum StringModule {
    static func make() -> Value {
        let lowercase = "abcdefghijklmnopqrstuvwxyz"
        let uppercase = lowercase.uppercased()
        let digits = "0123456789"
        let punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
        let whitespace = " \t\n\r\u{0B}\u{0C}"
        let members: [String: Value] = [
            "ascii_lowercase": .string(lowercase),
            "ascii_uppercase": .string(uppercase),
            "ascii_letters": .string(lowercase + uppercase),
            "digits": .string(digits),
            "hexdigits": .string(digits + "abcdefABCDEF"),
            "octdigits": .string("01234567"),
            "punctuation": .string(punctuation),
            "whitespace": .string(whitespace),
            "printable": .string(digits + lowercase + uppercase + punctuation + whitespace)
        ]
        return .object(ModuleObject(name: "string", members: members))
    }
}
