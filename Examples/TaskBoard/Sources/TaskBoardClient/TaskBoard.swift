// Hand-written code beside the generated client: the plugin's files join this module.
import Foundation
import SpecforgeRuntime

extension ApiClient {
    /// A client for the board at `host`, authenticated with a bearer token.
    public static func taskBoard(host: URL, token: String) -> ApiClient {
        ApiClient(configuration: Configuration(host: host, accessToken: token))
    }
}
