/// One change between two versions of an API.
public struct APIChange: Sendable, Codable, Equatable {
    /// The rule's stable id (`operation-removed`).
    public let rule: String
    public let severity: Severity
    /// What changed: an operation (`DELETE /api/tasks/{id}`) or a type (`TaskRead`).
    public let subject: String
    /// Where in the Swift client: the API group (`TasksApi`) or `Models`.
    public let group: String
    /// The change in one line.
    public let message: String
    /// The generated Swift symbols that appear, disappear or change (`TasksApi.create(taskWriteRequest:options:)`).
    public let symbols: [String]

    init(_ rule: DiffRule, subject: String, group: String, message: String, symbols: [String] = []) {
        self.rule = rule.id
        self.severity = rule.severity
        self.subject = subject
        self.group = group
        self.message = message
        self.symbols = symbols
    }
}

/// What `specforge diff` found, sorted: breaking first, then by group and subject.
public struct DiffReport: Sendable, Codable, Equatable {
    public let old: String
    public let new: String
    public let changes: [APIChange]

    public init(old: String, new: String, changes: [APIChange]) {
        self.old = old
        self.new = new
        self.changes = changes.sorted {
            ($0.severity, $0.group, $0.subject, $0.rule, $0.message) < (
                $1.severity, $1.group, $1.subject, $1.rule, $1.message
            )
        }
    }

    public func count(_ severity: Severity) -> Int {
        changes.filter { $0.severity == severity }.count
    }

    /// Whether any change is at or above `level`.
    public func reaches(_ level: Severity) -> Bool {
        changes.contains { $0.severity <= level }
    }
}
