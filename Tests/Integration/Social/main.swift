// Run by Tests/Integration/check-social.sh: the client generated from Schemas/social.yaml (with
// social.specforge.yaml) calls server.py, a loopback instance that checks every request byte.
// Usage: social PORT
import Foundation
import SpecforgeRuntime

/// Every call a newcomer makes, in order; the server checks each request.
func scenario(port: String) async throws {
    // A templated server: the default fills in every variable's default; `server(…)` sets them.
    check(
        ApiClient.defaultServer?.absoluteString == "https://social.example/api/v1",
        "\(ApiClient.defaultServer as Any)"
    )
    let host = ApiClient.server(scheme: .http, instance: "127.0.0.1:\(port)")!
    check(host.absoluteString == "http://127.0.0.1:\(port)/api/v1", host.absoluteString)

    // OAuth2: the access token is sent as a bearer token (the server checks every call).
    let client = ApiClient(configuration: Configuration(host: host, accessToken: "s3cret"))

    // A oneOf body whose discriminator has no mapping: the case is the value the alternative fixes
    // (`kind: {const: text}`), and the initializer fills it in.
    let posted = try await client.statusesApi.create(newStatus: .text(NewTextStatus(text: "Hello, fediverse"))).body()
    check(posted.id == "s9" && posted.account.username == "ada", "\(posted)")

    // The error body the operation declares for 422, typed.
    do {
        let poll = NewPollStatus(question: "Tea or coffee?", options: ["tea"])
        _ = try await client.statusesApi.create(newStatus: .poll(poll))
        check(false, "a 422 did not throw")
    } catch let error as APIError {
        guard case .status422(let invalid)? = StatusesApi.CreateError(error) else {
            check(false, "not a typed 422: \(error)")
            exit(1)
        }
        check(invalid.details?["options"] == ["A poll needs at least two options."], "\(invalid)")
    }

    // A timeline paged by `Link: <…>; rel="next"` headers, the next address relative.
    let timeline = try await client.timelinesApi.homeAllItems(limit: 2).collect()
    check(timeline.map(\.id) == ["s3", "s2", "s1"], "\(timeline.map(\.id))")

    // Notifications paged by a cursor in the body; a discriminated union without a mapping whose
    // third value is of a type this client does not know, kept as it came.
    let notifications = try await client.notificationsApi.listAllItems(limit: 2).collect()
    check(notifications.count == 3, "\(notifications)")
    guard case .mention(let mention) = notifications[0], case .follow(let follow) = notifications[1],
        case .unknown(.object(let reblog)) = notifications[2]
    else {
        check(false, "expected a mention, a follow and an unknown notification: \(notifications)")
        exit(1)
    }
    check(mention.status.id == "s3" && follow.account.username == "bob", "\(mention) \(follow)")
    check(reblog["type"] == "reblog" && reblog["id"] == "n3", "\(reblog)")

    // A response that is JSON or an event stream: the method decodes the JSON, its `…Stream` twin
    // asks for the stream and reads it event by event.
    let whole = try await client.repliesApi.suggest(id: "s1", suggestionRequest: SuggestionRequest(tone: .friendly))
    check(try whole.body().text == "Lovely!", "\(whole)")
    var parts: [String] = []
    let stream = try await client.repliesApi.suggestStream(
        id: "s1",
        suggestionRequest: SuggestionRequest(tone: .friendly, stream: true)
    )
    for try await event in try stream.body() {
        parts.append("\(event.event ?? "message") \(event.data)")
    }
    check(parts == ["message Love", "message ly", "done !"], "\(parts)")

}

await runScenario(
    "social: templated server, OAuth2 bearer token, oneOf body without a mapping, typed 422, Link-header "
        + "and cursor pages, an unknown notification kept, JSON or event stream",
    scenario(port:)
)
