import CVAT
import Foundation
import SpecforgeRuntime
import Testing

/// Client-side validation: a value that breaks its schema's constraint is refused before
/// anything is sent, with cvat-sdk's message; switching that check off sends it.
@Suite("Client-side validation", .serialized)
struct ValidationTests {
    let server = TransportServer.shared

    /// A model with one property per kind of constraint, as the generator writes them.
    struct Probe: APIObject {
        var name: String?
        var count: Int?
        var ratio: Double?
        var tags: [String]?
        var labels: [String: String]?
        var children: [Probe]?

        init(
            name: String? = nil,
            count: Int? = nil,
            ratio: Double? = nil,
            tags: [String]? = nil,
            labels: [String: String]? = nil,
            children: [Probe]? = nil
        ) {
            self.name = name
            self.count = count
            self.ratio = ratio
            self.tags = tags
            self.labels = labels
            self.children = children
        }

        static let fields: [ModelField<Probe>] = [
            ModelField("name", \.name, rules: [.maxLength(5), .minLength(2), .pattern("^[a-z]+$")]),
            ModelField("count", \.count, rules: [.minimum(1), .maximum(10), .multipleOf(2)]),
            ModelField("ratio", \.ratio, rules: [.exclusiveMinimum(0), .exclusiveMaximum(1)]),
            ModelField("tags", \.tags, rules: [.maxItems(3), .minItems(1), .uniqueItems]),
            ModelField("labels", \.labels, rules: [.maxProperties(2), .minProperties(1)]),
            ModelField("children", \.children, rules: [.nested]),
        ]

        init(from decoder: any Decoder) throws {
            let values = try ModelValues<Probe>(decoder)
            self.name = values.name
            self.count = values.count
            self.ratio = values.ratio
            self.tags = values.tags
            self.labels = values.labels
            self.children = values.children
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        let check: ValidationCheck
        let probe: Probe
        let message: String
        var description: String { check.rawValue }
    }

    static let cases: [Case] = [
        Case(
            check: .maxLength,
            probe: Probe(name: "abcdef"),
            message: "Invalid value for `name` (Probe), length must be less than or equal to `5` "
                + "(maxLength; it has 6 characters)"
        ),
        Case(
            check: .minLength,
            probe: Probe(name: "a"),
            message: "Invalid value for `name` (Probe), length must be greater than or equal to `2` "
                + "(minLength; it has 1 character)"
        ),
        Case(
            check: .pattern,
            probe: Probe(name: "ab1"),
            message: "Invalid value for `name` (Probe), must match regular expression `^[a-z]+$` "
                + "(pattern; it is \"ab1\")"
        ),
        Case(
            check: .minimum,
            probe: Probe(count: 0),
            message:
                "Invalid value for `count` (Probe), must be a value greater than or equal to `1` (minimum; it is 0)"
        ),
        Case(
            check: .maximum,
            probe: Probe(count: 12),
            message: "Invalid value for `count` (Probe), must be a value less than or equal to `10` (maximum; it is 12)"
        ),
        Case(
            check: .multipleOf,
            probe: Probe(count: 3),
            message: "Invalid value for `count` (Probe), value must be a multiple of `2` (multipleOf; it is 3)"
        ),
        Case(
            check: .exclusiveMinimum,
            probe: Probe(ratio: 0),
            message: "Invalid value for `ratio` (Probe), must be a value greater than `0` (exclusiveMinimum; it is 0)"
        ),
        Case(
            check: .exclusiveMaximum,
            probe: Probe(ratio: 1),
            message: "Invalid value for `ratio` (Probe), must be a value less than `1` (exclusiveMaximum; it is 1)"
        ),
        Case(
            check: .maxItems,
            probe: Probe(tags: ["a", "b", "c", "d"]),
            message: "Invalid value for `tags` (Probe), number of items must be less than or equal to `3` "
                + "(maxItems; it has 4 items)"
        ),
        Case(
            check: .minItems,
            probe: Probe(tags: []),
            message: "Invalid value for `tags` (Probe), number of items must be greater than or equal to `1` "
                + "(minItems; it has 0 items)"
        ),
        Case(
            check: .uniqueItems,
            probe: Probe(tags: ["a", "a"]),
            message: "Invalid value for `tags` (Probe), items must be unique (uniqueItems; some items are equal)"
        ),
        Case(
            check: .maxProperties,
            probe: Probe(labels: ["a": "1", "b": "2", "c": "3"]),
            message: "Invalid value for `labels` (Probe), number of properties must be less than or equal to `2` "
                + "(maxProperties; it has 3 entries)"
        ),
        Case(
            check: .minProperties,
            probe: Probe(labels: [:]),
            message: "Invalid value for `labels` (Probe), number of properties must be greater than or equal to `1` "
                + "(minProperties; it has 0 entries)"
        ),
        Case(
            check: .maxLength,
            probe: Probe(children: [Probe(name: "ok"), Probe(name: "toolong")]),
            message: "Invalid value for `children[1].name` (Probe), length must be less than or equal to `5` "
                + "(maxLength; it has 7 characters)"
        ),
    ]

    /// `POST /echo/{marker}`: the marker picks this test's requests out of the server's log.
    static let endpoint = Endpoint(
        id: "probe_create",
        method: .post,
        path: "/echo/{marker}",
        parameters: [.init("marker", in: .path, type: String.self, required: true)],
        requestContentTypes: ["application/json"],
        responses: [.init("200")]
    )

    static func marker() -> String { "probe-" + UUID().uuidString.prefix(8).lowercased() }

    @Test("a broken constraint is refused before sending; switched off, it is sent", arguments: cases)
    func refusedThenSent(_ testCase: Case) async throws {
        let marker = Self.marker()
        let session = APISession(configuration: Configuration(host: server.http), securitySchemes: [])
        await #expect {
            _ = try await session.send(Self.endpoint, [marker], body: testCase.probe, options: RequestOptions())
        } throws: { error in
            guard case APIError.invalidInput(let message) = error else { return false }
            #expect(message == testCase.message)
            return true
        }
        #expect(try await server.log(marker).isEmpty, "nothing reached the server")

        let lenient = APISession(
            configuration: Configuration(host: server.http, disabledClientSideValidations: [testCase.check]),
            securitySchemes: []
        )
        _ = try await lenient.send(Self.endpoint, [marker], body: testCase.probe, options: RequestOptions())
        #expect(try await server.log(marker).map(\.target) == ["/echo/\(marker)"])
    }

    @Test("a valid model passes, and clientSideValidation: false sends anything")
    func validAndSwitchedOff() async throws {
        let marker = Self.marker()
        let valid = Probe(
            name: "abc",
            count: 4,
            ratio: 0.5,
            tags: ["x"],
            labels: ["k": "v"],
            children: [Probe(name: "ok")]
        )
        try valid.validate()
        let session = APISession(configuration: Configuration(host: server.http), securitySchemes: [])
        _ = try await session.send(Self.endpoint, [marker], body: valid, options: RequestOptions())
        let off = APISession(
            configuration: Configuration(host: server.http, clientSideValidation: false),
            securitySchemes: []
        )
        _ = try await off.send(
            Self.endpoint,
            [marker],
            body: Probe(name: "TOO LONG", count: 99),
            options: RequestOptions()
        )
        #expect(try await server.log(marker).count == 2)
    }

    @Test("patterns are ECMA 262: ASCII \\d, $ at the very end, a search rather than a full match")
    func ecmaPatterns() {
        #expect(ECMAPattern("^\\d+$").isFound(in: "123"))
        #expect(!ECMAPattern("^\\d+$").isFound(in: "١٢٣"), "Arabic-Indic digits are not \\d in ECMA 262")
        #expect(!ECMAPattern("^[a-z]+$").isFound(in: "abc\n"), "$ does not match before a final line break")
        #expect(ECMAPattern("\\w+").isFound(in: "--a--"), "unanchored patterns search")
        #expect(!ECMAPattern("^[\\w.@+-]+$").isFound(in: "é"), "\\w is ASCII in a class too")
        #expect(ECMAPattern("^[\\w.@+-]+$").isFound(in: "user.name+tag@example"))
    }

    /// A struct that contains itself through an `@Indirect` property, as the generator writes
    /// recursive structs: that property is read through its key path, the others at their offsets.
    struct Node: APIObject {
        var name: String?
        @Indirect var next: Node?

        init(name: String? = nil, next: Node? = nil) {
            self.name = name
            self.next = next
        }

        static let fields: [ModelField<Node>] = [
            ModelField("name", \.name, rules: [.maxLength(3)]),
            ModelField("next", \.next, rules: [.nested]),
        ]

        init(from decoder: any Decoder) throws {
            let values = try ModelValues<Node>(decoder)
            self.name = values.name
            self.next = values.next
        }
    }

    @Test("checks reach through indirect (recursive) properties")
    func indirectProperties() throws {
        try Node(name: "a", next: Node(name: "b", next: Node(name: "c"))).validate()
        #expect {
            try Node(name: "a", next: Node(name: "b", next: Node(name: "long"))).validate()
        } throws: { error in
            "\(error)" == "Invalid input: Invalid value for `next.next.name` (Node), length must be less than or "
                + "equal to `3` (maxLength; it has 4 characters)"
        }
    }

    @Test("lengths count code points, as JSON Schema does")
    func codePoints() throws {
        let rules: ValueRules = [.maxLength(2)]
        try Validator().check("👍🏽", against: rules)  // 2 code points, 1 character
        #expect(throws: ValueViolation.self) {
            try Validator().check("👍🏽!", against: rules)
        }
    }

    @Test("cvat-sdk's comma-separated list of disabled checks is read, and an unknown name refused")
    func parsesDisabledList() throws {
        #expect(try ValidationCheck.parse(commaSeparated: "maxLength, pattern") == [.maxLength, .pattern])
        #expect(throws: APIError.self) { try ValidationCheck.parse(commaSeparated: "maxLenght") }
    }

    @Test("the generated CVAT client checks models, nested models and parameters before sending")
    func generatedClient() async throws {
        let client = ApiClient(configuration: Configuration(host: server.http, accessToken: "t"))
        await #expect {
            _ = try await client.tasksApi.create(
                taskWriteRequest: TaskWriteRequest(name: String(repeating: "x", count: 300))
            )
        } throws: { error in
            "\(error)" == "Invalid input: Invalid value for `name` (TaskWriteRequest), length must be less than or "
                + "equal to `256` (maxLength; it has 300 characters)"
        }
        let nested = TaskWriteRequest(
            name: "task",
            labels: [PatchedLabelRequest(name: String(repeating: "l", count: 65))]
        )
        await #expect {
            _ = try await client.tasksApi.create(taskWriteRequest: nested)
        } throws: { error in
            "\(error)".contains(
                "Invalid value for `labels[0].name` (TaskWriteRequest), length must be less than or equal to `64`"
            )
        }
        await #expect {
            _ = try await client.functionsApi.queuesWatch(id: "function:latest")
        } throws: { error in
            "\(error)"
                == "Invalid input: Invalid value for `id` (path parameter of functions_queues_watch), must match "
                + "regular expression `^function:\\d+$` (pattern; it is \"function:latest\")"
        }
        #expect(try await server.log("/api/").isEmpty, "nothing reached the server")

        // Switched off, the request goes (and this server answers 404: it is not CVAT).
        client.session.updateConfiguration { $0.disabledClientSideValidations = [.maxLength] }
        await #expect(throws: APIError.self) {
            _ = try await client.tasksApi.create(
                taskWriteRequest: TaskWriteRequest(name: String(repeating: "x", count: 300))
            )
        }
        #expect(try await server.log("/api/").map(\.target) == ["/api/tasks"])
    }
}
