import CVAT
import Foundation
import SpecforgeRuntime

/// `client.users`.
public struct UsersRepository: Sendable {
    let client: CVATClient

    public func retrieve(_ id: Int) async throws -> MetaUser {
        try await client.api.usersApi.retrieve(id: id).body()
    }

    /// The user the client is logged in as.
    public func current() async throws -> MetaUser {
        try await client.api.usersApi.retrieveSelf().body()
    }

    public func list() async throws -> [MetaUser] {
        try await client.api.usersApi.listAllItems().reduce(into: []) { $0.append($1) }
    }
}
