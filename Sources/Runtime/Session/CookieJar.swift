import Foundation

/// The cookies the server has set during this session, such as Django's `sessionid` and
/// `csrftoken` after a login. Shared by all concurrent requests of one `APISession`.
final class CookieJar: Sendable {
    private let storage = Locked<[String: String]>([:])

    var all: [String: String] {
        storage.current
    }

    subscript(name: String) -> String? {
        storage.withLock { $0[name] }
    }

    func set(_ name: String, _ value: String) {
        storage.withLock { $0[name] = value }
    }

    func remove(_ name: String) {
        storage.withLock { $0[name] = nil }
    }

    func removeAll() {
        storage.withLock { $0.removeAll() }
    }

    /// Applies every `Set-Cookie` header of `response`, in order, so a later header wins.
    func update(from response: HTTPResponse, now: Date = Date()) {
        let cookies = SetCookieParser.cookies(in: response.headers, now: now)
        guard !cookies.isEmpty else { return }
        storage.withLock { jar in
            for cookie in cookies {
                jar[cookie.name] = cookie.isExpired ? nil : cookie.value
            }
        }
    }
}
