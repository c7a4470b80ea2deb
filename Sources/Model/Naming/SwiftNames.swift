/// Turns arbitrary schema text (names, enum values, operation ids) into valid, idiomatic Swift
/// identifiers. Every function here is total: any input gives a usable identifier.
public enum SwiftNames {
    /// Reserved words that need backticks when used as identifiers.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "_", "some", "any", "Type", "Protocol", "borrowing", "consuming",
    ]

    /// Member names that would clash with what models and enums get from their protocols.
    static let reservedMembers: Set<String> = [
        "hashValue", "allCases", "rawValue", "isKnown", "init", "self",
    ]

    /// Type names a schema may not take: Swift, Foundation and runtime types the generated code
    /// refers to unqualified, and the names generated code declares itself. A schema called
    /// `Data` becomes `DataModel`.
    static let reservedTypeNames: Set<String> = swiftTypeNames.union(runtimeTypeNames).union([
        "SpecforgeRuntime", "Foundation", "ApiClient", "CodingKeys",
    ])

    static let swiftTypeNames: Set<String> = [
        "Any", "AnyObject", "Array", "Bool", "Codable", "Data", "Date", "Decodable", "Decoder", "Dictionary",
        "Double", "Encodable", "Encoder", "Error", "Float", "Hashable", "Int", "Int32", "Int64", "Never",
        "Optional", "Protocol", "Result", "Self", "Sendable", "Set", "String", "Type", "URL", "UUID", "Void",
        "CodingKey", "Duration",
    ]

    /// Every public top-level type of `SpecforgeRuntime`, which every generated file imports: a
    /// model of the same name would shadow it. A test keeps this list equal to the runtime's
    /// public declarations.
    public static let runtimeTypeNames: Set<String> = [
        "APIError", "APIModel", "APIObject", "APISession", "ApiResponse", "CalendarDate", "Configuration", "DateTime",
        "Endpoint", "FormEncoding", "HTTPHeaders", "HTTPMethod", "HTTPRequest", "HTTPResponse", "HTTPTransport",
        "Indirect", "ItemSequence", "JSONCoding", "JSONValue", "ModelCodingKey", "ModelField", "ModelValues",
        "OpenEnum",
        "OrderedJSONEncoder", "PageSequence", "PaginatedList", "ParameterComponents", "ParameterValue",
        "RequestOptions", "ResponseBodyStream", "SecuritySchemeSpec", "ServerSentEvents", "URLSessionTransport",
        "UploadFile", "ClientMiddleware", "ConstrainedValue", "ECMAPattern", "HTTPBody", "MiddlewareContext",
        "RetryMiddleware", "RetryPolicy", "TokenRefreshMiddleware", "UploadProgress", "UploadProgressHandler",
        "UploadStream", "ValidatedContainer", "ValidationCheck", "Validator", "ValueMeasure", "ValueViolation",
        "ValueRule",
        "ValueRules", "TLSOptions", "ProxyOptions", "TransportFailure", "Nullable",
    ]

    /// Splits text into words at punctuation, spaces and camel-case humps (`HTTPServer_v2` →
    /// `HTTP`, `Server`, `v2`).
    public static func words(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        var words: [String] = []
        var current: [Character] = []
        let characters = Array(text)
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current = []
        }
        for (index, character) in characters.enumerated() {
            guard character.isASCII, character.isLetter || character.isNumber else {
                if character.isLetter || character.isNumber { current.append(character) } else { flush() }
                continue
            }
            if character.isUppercase, let previous = current.last {
                let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
                    flush()
                }
            }
            current.append(character)
        }
        flush()
        return words
    }

    /// `words` for ASCII text (nearly every name), on bytes: the same rules without building
    /// `Character`s, which made this the model stage's hottest function.
    private static func asciiWords(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var words: [String] = []
        var start: Int?
        func flush(_ end: Int) {
            if let first = start { words.append(String(decoding: bytes[first..<end], as: UTF8.self)) }
            start = nil
        }
        for (index, byte) in bytes.enumerated() {
            guard ASCII.isAlphanumeric(byte) else {
                flush(index)
                continue
            }
            if ASCII.isUppercase(byte), start != nil {
                let previous = bytes[index - 1]
                let nextIsLower = index + 1 < bytes.count && ASCII.isLowercase(bytes[index + 1])
                if ASCII.isLowercase(previous) || ASCII.isDigit(previous)
                    || (ASCII.isUppercase(previous) && nextIsLower)
                {
                    flush(index)
                }
            }
            if start == nil { start = index }
        }
        flush(bytes.count)
        return words
    }

    /// `task_write-request` → `TaskWriteRequest`. Leading digits get an underscore.
    public static func typeName(_ text: String) -> String {
        let name = words(text).map(capitalizeFirst).joined()
        guard let first = name.first else { return "Unnamed" }
        return first.isNumber ? "_" + name : name
    }

    /// `project_id` → `projectId`, `URL` → `url`, `HTTPServer` → `httpServer`; text without a
    /// lower-case letter is SCREAMING_SNAKE_CASE, not acronyms: `GUILD_TEXT` → `guildText`,
    /// `AWS_S3_BUCKET` → `awsS3Bucket`.
    public static func memberName(_ text: String) -> String {
        var parts = words(text)
        if !text.contains(where: \.isLowercase) {
            parts = parts.map { $0.lowercased() }
        }
        guard let first = parts.first else { return symbolName(text) }
        let name = first.lowercased() + parts.dropFirst().map(capitalizeFirst).joined()
        return name.first!.isNumber ? "_" + name : name
    }

    /// A name for values made only of symbols (`+`, `-`, `>=`), which have no words.
    static func symbolName(_ text: String) -> String {
        let names: [Character: String] = [
            "+": "plus", "-": "minus", "*": "asterisk", "/": "slash", "=": "equal", "<": "less", ">": "greater",
            "!": "not", ".": "dot", "@": "at", "#": "hash", "$": "dollar", "%": "percent", "&": "and",
            "|": "or", "~": "tilde", "^": "caret", "?": "question", ":": "colon", ",": "comma", " ": "space",
        ]
        let spelled = text.compactMap { names[$0] }
        guard !spelled.isEmpty else { return text.isEmpty ? "empty" : "value" }
        return spelled.first! + spelled.dropFirst().map(capitalizeFirst).joined()
    }

    static func capitalizeFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// A member named after a type: `TaskRead` → `taskRead`, `_3dSecureRequest` → `_3dSecureRequest`
    /// (an identifier cannot start with a digit).
    static func memberName(forType typeName: String) -> String {
        let name = lowercaseFirst(typeName)
        return name.first?.isNumber == true ? "_" + name : name
    }

    static func lowercaseFirst(_ word: String) -> String {
        // `URLValue` → `urlValue`: lower the leading acronym, not just its first letter.
        let parts = words(word)
        guard let first = parts.first else { return word }
        return first.lowercased() + parts.dropFirst().map(capitalizeFirst).joined()
    }

    /// The identifier as written in a declaration: keywords in backticks.
    public static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// The identifier as an argument label at a call site (`list(for: …, default: …)`): Swift
    /// takes every keyword there bare but `inout` and `_`, and warns about backticks on any
    /// other. (In a declaration, `escaped` is right: the label is also the parameter's name.)
    public static func argumentLabel(_ name: String) -> String {
        name == "inout" || name == "_" ? "`\(name)`" : name
    }

    /// A type name that does not shadow anything the generated code uses.
    static func safeTypeName(_ text: String) -> String {
        let name = typeName(text)
        return reservedTypeNames.contains(name) || keywords.contains(name) ? name + "Model" : name
    }

    /// A member name that does not collide with protocol requirements of the enclosing type.
    static func safeMemberName(_ text: String) -> String {
        let name = memberName(text)
        return reservedMembers.contains(name) ? name + "Value" : name
    }
}

/// Byte classes for ASCII names.
enum ASCII {
    static func isUppercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    static func isLowercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isUppercase(byte) || isLowercase(byte) || isDigit(byte) }
}

/// Hands out names that are unique within one scope, ignoring case (generated files must not
/// collide on case-insensitive file systems): `name`, `name2`, `name3`, ...
public struct UniqueNames: Sendable {
    private var taken: Set<String> = []

    public init(reserved: some Sequence<String> = []) {
        for name in reserved { taken.insert(name.lowercased()) }
    }

    public mutating func claim(_ name: String) -> String {
        var candidate = name
        var counter = 2
        while taken.contains(candidate.lowercased()) {
            candidate = "\(name)\(counter)"
            counter += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    public func isTaken(_ name: String) -> Bool { taken.contains(name.lowercased()) }
}
