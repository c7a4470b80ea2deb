import SpecforgeDiagnostics
import SpecforgeModel
import XCTest

/// Documents without tags are grouped by path; a request body whose content types take
/// different schemas gets a method per schema.
final class GroupingAndTwinsTests: XCTestCase {
    private let untagged = """
        openapi: 3.1.0
        info: {title: Chat, version: '9'}
        paths:
          /api/v9/users/@me: {get: {operationId: get_my_user, responses: {'204': {description: OK}}}}
          /api/v9/channels/{channel_id}/messages:
            post:
              operationId: create_message
              parameters:
              - {name: channel_id, in: path, required: true, schema: {type: string}}
              - {name: mode, in: query, schema: {type: string, enum: [quiet, loud]}}
              requestBody:
                content:
                  application/json:
                    schema: {type: object, properties: {content: {type: string}}}
                  multipart/form-data:
                    schema:
                      type: object
                      properties:
                        content: {type: string}
                        files: {type: array, items: {type: string, format: binary}}
                  application/x-www-form-urlencoded:
                    schema: {type: object, properties: {content: {type: string}}}
              responses:
                '200':
                  description: OK
                  content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}
          /v2/{id}: {get: {operationId: get_thing, responses: {'204': {description: OK}}}}
          /: {get: {operationId: root, responses: {'204': {description: OK}}}}
        """

    func testUntaggedOperationsAreGroupedByPath() throws {
        let (model, diagnostics) = try translate(untagged)
        XCTAssertEqual(diagnostics.all.map(\.message), [], "no warning: every content type is reachable")
        XCTAssertEqual(model.groups.map(\.typeName), ["ChannelsApi", "DefaultApi", "UsersApi"])
        XCTAssertEqual(model.groups.first { $0.typeName == "UsersApi" }?.operations.map(\.name), ["getMyUser"])
        XCTAssertEqual(
            model.groups.first { $0.typeName == "DefaultApi" }?.operations.map(\.name),
            ["getThing", "root"]
        )
    }

    func testGroupsFromConfiguredPrefixesAndTags() throws {
        var options = ModelOptions()
        options.grouping = .paths(prefixes: [("/api/v9/users/@me", "me"), ("/api/v9", "chat")])
        XCTAssertEqual(
            try translate(untagged, options: options).model.groups.map(\.typeName),
            ["ChatApi", "DefaultApi", "MeApi"]
        )
        // A tagged document keeps its tags; `groups: paths` overrides them.
        let tagged = untagged.replacingOccurrences(
            of: "operationId: get_my_user,",
            with: "operationId: get_my_user, tags: [me],"
        )
        XCTAssertEqual(try translate(tagged).model.groups.map(\.typeName), ["DefaultApi", "MeApi"])
        options.grouping = .paths(prefixes: [])
        XCTAssertEqual(try translate(tagged, options: options).model.groups.map(\.typeName).count, 3)
    }

    func testEachBodySchemaGetsAMethod() throws {
        let (model, _) = try translate(untagged)
        let operations = try XCTUnwrap(model.groups.first { $0.typeName == "ChannelsApi" }?.operations)
        XCTAssertEqual(operations.map(\.name), ["createMessage", "createMessageMultipart", "createMessageForm"])
        XCTAssertEqual(
            operations.map(\.operationId),
            ["create_message", "create_message_multipart", "create_message_form"]
        )
        XCTAssertEqual(operations.map(\.twinOf), [nil, "createMessage", "createMessage"])
        XCTAssertEqual(
            operations.map { $0.body?.contentTypes ?? [] },
            [["application/json"], ["multipart/form-data"], ["application/x-www-form-urlencoded"]]
        )
        XCTAssertEqual(
            operations.map { $0.body?.type.swift },
            [
                "ChannelsCreateMessageRequest?", "ChannelsCreateMessageMultipartRequest?",
                "ChannelsCreateMessageFormRequest?",
            ]
        )
        XCTAssertEqual(operations.map { $0.parameters.map(\.name) }, Array(repeating: ["channelId", "mode"], count: 3))
        // The operation's own inline types are declared once, whatever its twins.
        XCTAssertEqual(
            model.types.map(\.name).filter { $0.hasPrefix("ChannelsCreateMessage") }.sorted(),
            [
                "ChannelsCreateMessageFormRequest", "ChannelsCreateMessageMode",
                "ChannelsCreateMessageMultipartRequest", "ChannelsCreateMessageRequest",
                "ChannelsCreateMessageResponse",
            ]
        )
    }
}
