/// How the properties of a form body (`multipart/form-data` or
/// `application/x-www-form-urlencoded`) become fields, chosen by the generator from its
/// configuration and the schema's `encoding` object.
///
/// Servers differ on arrays. An HTML form repeats the name (`tag=a&tag=b`), which most
/// frameworks read as a list; Django REST framework reads a list of nested serializers only
/// from indexed names (`client_files[0]`, `client_files[1]`) and silently ignores a repeated
/// name, so a CVAT task created that way gets no files.
public struct FormEncoding: Sendable, Hashable {
    public enum ArrayStyle: String, Sendable {
        /// One field per item, each under the property's name: `tag=a&tag=b`.
        case repeated
        /// One field per item, under the name and the item's index: `tag[0]=a&tag[1]=b`.
        case indexed
        /// One field holding the whole array as JSON.
        case json
        /// One field holding the items joined by commas (OpenAPI `style: form, explode: false`).
        case commaSeparated
    }

    /// How one property is sent, where it differs from the body's defaults.
    public struct Property: Sendable, Hashable {
        /// How the items of an array are named; `nil`: the body's `arrayStyle`.
        public let arrayStyle: ArrayStyle?
        /// The `Content-Type` of the property's multipart parts (OpenAPI `encoding.contentType`),
        /// for parts other than files, which carry their own.
        public let contentType: String?

        public init(arrayStyle: ArrayStyle? = nil, contentType: String? = nil) {
            self.arrayStyle = arrayStyle
            self.contentType = contentType
        }
    }

    /// How the items of array properties are named, unless `properties` says otherwise.
    public let arrayStyle: ArrayStyle
    /// By the property's name on the wire.
    public let properties: [String: Property]

    public init(arrayStyle: ArrayStyle = .repeated, properties: [String: Property] = [:]) {
        self.arrayStyle = arrayStyle
        self.properties = properties
    }

    /// Arrays as repeated names, no part types: what an HTML form sends.
    public static let standard = FormEncoding()

    func arrayStyle(of property: String) -> ArrayStyle {
        properties[property]?.arrayStyle ?? arrayStyle
    }
}
