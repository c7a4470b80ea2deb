// Run by check-validation.sh against server.py: each value that breaks a constraint of
// openapi.yaml is refused before sending, with cvat-sdk's message, and the server sees nothing;
// with that check switched off the same call is sent.
import Foundation
import SpecforgeRuntime

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

struct Refusal {
    let check: ValidationCheck
    let slug: String
    let pageSize: Int?
    let probe: Probe
    let message: String
}

let refusals: [Refusal] = [
    Refusal(
        check: .minLength,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "a"),
        message:
            "Invalid value for `name` (Probe), length must be greater than or equal to `2` (minLength; it has 1 character)"
    ),
    Refusal(
        check: .maxLength,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "abcdef"),
        message:
            "Invalid value for `name` (Probe), length must be less than or equal to `5` (maxLength; it has 6 characters)"
    ),
    Refusal(
        check: .maxLength,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", code: "abcdefghi"),
        message:
            "Invalid value for `code` (Probe), length must be less than or equal to `8` (maxLength; it has 9 characters)"
    ),
    Refusal(
        check: .pattern,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", code: "a-b"),
        message: "Invalid value for `code` (Probe), must match regular expression `^\\w+$` (pattern; it is \"a-b\")"
    ),
    Refusal(
        check: .maxLength,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", title: "abcde"),
        message:
            "Invalid value for `title` (Probe), length must be less than or equal to `4` (maxLength; it has 5 characters)"
    ),
    Refusal(
        check: .minimum,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", count: 0),
        message: "Invalid value for `count` (Probe), must be a value greater than or equal to `1` (minimum; it is 0)"
    ),
    Refusal(
        check: .maximum,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", count: 12),
        message: "Invalid value for `count` (Probe), must be a value less than or equal to `10` (maximum; it is 12)"
    ),
    Refusal(
        check: .multipleOf,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", count: 3),
        message: "Invalid value for `count` (Probe), value must be a multiple of `2` (multipleOf; it is 3)"
    ),
    Refusal(
        check: .exclusiveMinimum,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", ratio: 0),
        message: "Invalid value for `ratio` (Probe), must be a value greater than `0` (exclusiveMinimum; it is 0)"
    ),
    Refusal(
        check: .exclusiveMaximum,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", ratio: 1),
        message: "Invalid value for `ratio` (Probe), must be a value less than `1` (exclusiveMaximum; it is 1)"
    ),
    Refusal(
        check: .exclusiveMinimum,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", legacyRatio: 0),
        message:
            "Invalid value for `legacy_ratio` (Probe), must be a value greater than `0` (exclusiveMinimum; it is 0)"
    ),
    Refusal(
        check: .minItems,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", tags: []),
        message:
            "Invalid value for `tags` (Probe), number of items must be greater than or equal to `1` (minItems; it has 0 items)"
    ),
    Refusal(
        check: .maxItems,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", tags: ["a", "b", "c", "d"]),
        message:
            "Invalid value for `tags` (Probe), number of items must be less than or equal to `3` (maxItems; it has 4 items)"
    ),
    Refusal(
        check: .uniqueItems,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", tags: ["a", "a"]),
        message: "Invalid value for `tags` (Probe), items must be unique (uniqueItems; some items are equal)"
    ),
    Refusal(
        check: .minProperties,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", labels: [:]),
        message:
            "Invalid value for `labels` (Probe), number of properties must be greater than or equal to `1` (minProperties; it has 0 entries)"
    ),
    Refusal(
        check: .maxProperties,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", labels: ["a": "1", "b": "2", "c": "3"]),
        message:
            "Invalid value for `labels` (Probe), number of properties must be less than or equal to `2` (maxProperties; it has 3 entries)"
    ),
    Refusal(
        check: .maxLength,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", note: .some("long")),
        message:
            "Invalid value for `note` (Probe), length must be less than or equal to `3` (maxLength; it has 4 characters)"
    ),
    Refusal(
        check: .minLength,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", children: [Child(name: "ok"), Child(name: "x")]),
        message:
            "Invalid value for `children[1].name` (Probe), length must be greater than or equal to `2` (minLength; it has 1 character)"
    ),
    Refusal(
        check: .maxItems,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", children: [Child(), Child(), Child()]),
        message:
            "Invalid value for `children` (Probe), number of items must be less than or equal to `2` (maxItems; it has 3 items)"
    ),
    Refusal(
        check: .minLength,
        slug: "ok",
        pageSize: nil,
        probe: Probe(name: "ab", parent: Child(name: "x")),
        message:
            "Invalid value for `parent.name` (Probe), length must be greater than or equal to `2` (minLength; it has 1 character)"
    ),
    Refusal(
        check: .pattern,
        slug: "Not OK",
        pageSize: nil,
        probe: Probe(name: "ab"),
        message:
            "Invalid value for `slug` (path parameter of probes_create), must match regular expression `^[a-z0-9-]+$` (pattern; it is \"Not OK\")"
    ),
    Refusal(
        check: .maximum,
        slug: "ok",
        pageSize: 101,
        probe: Probe(name: "ab"),
        message:
            "Invalid value for `page_size` (query parameter of probes_create), must be a value less than or equal to `100` (maximum; it is 101)"
    ),
]

func received(_ port: String) async throws -> [String] {
    let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/__received")!)
    return try JSONDecoder().decode([String].self, from: data)
}

await runScenario("validation: \(refusals.count) refusals before sending, each sent once switched off") { port in
    let host = URL(string: "http://127.0.0.1:\(port)")!
    for refusal in refusals {
        let before = try await received(port)
        do {
            _ = try await ApiClient(configuration: Configuration(host: host))
                .probesApi.create(slug: refusal.slug, probe: refusal.probe, pageSize: refusal.pageSize)
            check(false, "\(refusal.message): the call was sent")
        } catch APIError.invalidInput(let message) {
            check(message == refusal.message, "message\n  \(message)\nis not\n  \(refusal.message)")
        }
        check(try await received(port) == before, "\(refusal.check): the server saw the refused request")

        let lenient = ApiClient(
            configuration: Configuration(host: host, disabledClientSideValidations: [refusal.check])
        )
        let echoed = try await lenient.probesApi.create(
            slug: refusal.slug,
            probe: refusal.probe,
            pageSize: refusal.pageSize
        )
        check(try echoed.body() == refusal.probe, "\(refusal.check): the server read what was sent")
        check(try await received(port).count == before.count + 1, "\(refusal.check): switched off, it was sent")
    }
    // A constraint that cannot apply to its type (maxLength on an integer) is not checked.
    let misplaced = try await ApiClient(configuration: Configuration(host: host))
        .probesApi.create(slug: "ok", probe: Probe(name: "ab", misplaced: 12345))
    check(try misplaced.body().misplaced == 12345, "misplaced constraints are left out")
}
