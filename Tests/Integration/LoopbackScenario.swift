// Compiled into the programs of check-social.sh and check-chat.sh (with the client under test):
// what a scenario against a loopback server that checks every request needs.
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Stops the program with a message when `condition` does not hold.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        print("FAILED: \(message())")
        exit(1)
    }
}

/// Runs `scenario` with the server's port (the program's argument), then asks the server what
/// it found wrong in the requests it read (`GET /__failures`); prints `summary` when all held.
func runScenario(_ summary: String, _ scenario: (_ port: String) async throws -> Void) async {
    let port = CommandLine.arguments[1]
    do {
        try await scenario(port)
        let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/__failures")!)
        let failures = try JSONDecoder().decode([String].self, from: data)
        check(failures.isEmpty, "the server rejected requests: \(failures)")
        print(summary)
    } catch {
        print("FAILED: \(error)")
        exit(1)
    }
}
