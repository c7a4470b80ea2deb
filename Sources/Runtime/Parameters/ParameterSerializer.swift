/// Spells parameter values as OpenAPI's `style` and `explode` ask for
/// (OpenAPI 3.1, "Style Examples"), percent-encoding wherever the value ends up in the URL.
enum ParameterSerializer {
    typealias Style = Endpoint.Parameter.Style

    /// The text that replaces `{name}` in the path template.
    static func pathValue(_ value: ParameterComponents, name: String, style: Style, explode: Bool) -> String {
        let encode = PercentEncoding.encode
        switch (style, value) {
        case (.label, .primitive(let item)):
            return "." + encode(item)
        case (.label, .list(let items)):
            return "." + items.map(encode).joined(separator: explode ? "." : ",")
        case (.label, .object(let pairs)):
            return "." + join(pairs, pairSeparator: explode ? "." : ",", exploded: explode)
        case (.matrix, .primitive(let item)):
            return ";" + encode(name) + "=" + encode(item)
        case (.matrix, .list(let items)):
            if explode {
                return items.map { ";" + encode(name) + "=" + encode($0) }.joined()
            }
            return ";" + encode(name) + "=" + items.map(encode).joined(separator: ",")
        case (.matrix, .object(let pairs)):
            if explode {
                return ";" + join(pairs, pairSeparator: ";", exploded: true)
            }
            return ";" + encode(name) + "=" + join(pairs, pairSeparator: ",", exploded: false)
        // `simple` is the only other style OpenAPI allows in paths; treat anything else like it.
        case (_, .primitive(let item)):
            return encode(item)
        case (_, .list(let items)):
            return items.map(encode).joined(separator: ",")
        case (_, .object(let pairs)):
            return join(pairs, pairSeparator: ",", exploded: explode)
        }
    }

    /// Percent-encoded `name=value` query items; several for exploded lists and objects.
    static func queryItems(_ value: ParameterComponents, name: String, style: Style, explode: Bool) -> [String] {
        let encode = PercentEncoding.encode
        let key = encode(name)
        switch (style, value) {
        case (_, .primitive(let item)):
            return [key + "=" + encode(item)]
        case (_, .list(let items)) where items.isEmpty:
            // No spelling of an empty list survives the round trip; leaving it out is clearest.
            return []
        case (.spaceDelimited, .list(let items)) where !explode:
            return [key + "=" + items.map(encode).joined(separator: "%20")]
        case (.pipeDelimited, .list(let items)) where !explode:
            return [key + "=" + items.map(encode).joined(separator: "%7C")]
        case (_, .list(let items)):
            if explode {
                return items.map { key + "=" + encode($0) }
            }
            return [key + "=" + items.map(encode).joined(separator: ",")]
        case (.deepObject, .object(let pairs)):
            return pairs.map { encode("\(name)[\($0.key)]") + "=" + encode($0.value) }
        case (_, .object(let pairs)):
            if explode {
                return pairs.map { encode($0.key) + "=" + encode($0.value) }
            }
            return [key + "=" + join(pairs, pairSeparator: ",", exploded: false)]
        }
    }

    /// A header value in `simple` style (the only style OpenAPI allows for headers). Line breaks
    /// are replaced so a value cannot smuggle in extra header fields.
    static func headerValue(_ value: ParameterComponents, explode: Bool) -> String {
        let text: String
        switch value {
        case .primitive(let item):
            text = item
        case .list(let items):
            text = items.joined(separator: ",")
        case .object(let pairs):
            text = pairs.map { explode ? "\($0.key)=\($0.value)" : "\($0.key),\($0.value)" }.joined(separator: ",")
        }
        return sanitizedHeaderValue(text)
    }

    /// A cookie value in `form` style. Exploded lists would need repeated cookies of the same
    /// name, which servers read inconsistently, so lists and objects are always comma-joined.
    static func cookieValue(_ value: ParameterComponents) -> String {
        sanitizedHeaderValue(value.flattened)
    }

    static func sanitizedHeaderValue(_ value: String) -> String {
        String(value.map { $0.isNewline ? " " : $0 })
    }

    /// `k1=v1<sep>k2=v2` when exploded, `k1,v1,k2,v2` otherwise, each part percent-encoded.
    private static func join(
        _ pairs: [(key: String, value: String)],
        pairSeparator: String,
        exploded: Bool
    ) -> String {
        let encode = PercentEncoding.encode
        if exploded {
            return pairs.map { encode($0.key) + "=" + encode($0.value) }.joined(separator: pairSeparator)
        }
        return pairs.flatMap { [encode($0.key), encode($0.value)] }.joined(separator: ",")
    }
}
