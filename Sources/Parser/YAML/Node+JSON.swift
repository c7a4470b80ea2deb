extension Node {
    /// The node as compact JSON text: how a `default` or an `example` is shown and compared.
    /// Plain scalars keep their YAML resolution (`true`, `3`, `null`); quoted ones are strings.
    public var jsonText: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch content {
        case .scalar(let scalar):
            if scalar.isNull {
                out += "null"
            } else if let bool = scalar.bool {
                out += bool ? "true" : "false"
            } else if scalar.isPlain, let number = scalar.number, number.isFinite {
                out += scalar.integer.map(String.init) ?? String(number)
            } else {
                Self.writeString(scalar.value, into: &out)
            }
        case .sequence(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .mapping(let mapping):
            out += "{"
            for (index, entry) in mapping.entries.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(entry.key, into: &out)
                out += ":"
                entry.value.write(into: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
