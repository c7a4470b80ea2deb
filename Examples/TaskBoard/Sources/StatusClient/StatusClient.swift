// The client itself is in Generated/, written by the `generate-client` command plugin; code
// written by hand sits beside it, as here.
import SpecforgeRuntime

extension ApiClient {
    /// Whether the board answers its health check.
    public func isUp() async -> Bool {
        (try? await healthApi.retrieve().body().status) == .ok
    }
}
