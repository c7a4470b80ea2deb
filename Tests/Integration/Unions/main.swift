// Run by Tests/Integration/check-unions.sh against the client generated from unions.yaml.
import Foundation
import SpecforgeRuntime

func check(_ condition: Bool, _ message: String) {
    if !condition {
        print("FAILED: \(message)")
        exit(1)
    }
}

func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(json.utf8))
}

// The discriminator's values come from the alternatives' `enum` and `const`, and name the cases.
let system = try decode(ChatRequestMessage.self, #"{"role":"system","content":"Be brief."}"#)
guard case .system(let message) = system else { fatalError("expected .system, got \(system)") }
check(message.content == "Be brief.", "content")
let user = try decode(ChatRequestMessage.self, #"{"role":"user","content":"Hi","name":"ada"}"#)
guard case .user(let userMessage) = user else { fatalError("expected .user, got \(user)") }
check(userMessage.name == "ada", "name")

// An unknown discriminator value is kept as it came, and sent back unchanged.
let newer = #"{"content":"42","role":"tool","tool_call_id":"c1"}"#
let tool = try decode(ChatRequestMessage.self, newer)
guard case .unknown(let raw) = tool else { fatalError("expected .unknown, got \(tool)") }
guard case .object(let fields) = raw else { fatalError("expected an object, got \(raw)") }
check(fields["tool_call_id"] == "c1", "raw JSON kept")
let encoder = JSONEncoder()
encoder.outputFormatting = .sortedKeys
check(String(decoding: try encoder.encode(tool), as: UTF8.self) == newer, "re-encoded unchanged")

// A value no alternative fits: the error says why each alternative failed.
do {
    _ = try decode(StatusOrError.self, #"{"id":1,"params":{}}"#)
    check(false, "decoded a value that fits no alternative")
} catch let DecodingError.dataCorrupted(context) {
    check(
        context.debugDescription
            == "The value matches no case of StatusOrError (status: at params.application_id: required key is "
            + "missing; errorModel: at error: required key is missing)",
        context.debugDescription
    )
}

// The recursive union nests.
let tree = try decode(Node.self, #"{"left":{"left":{"value":3}}}"#)
guard case .branch(let outer) = tree, case .branch(let inner) = outer.left, case .leaf(let leaf) = inner.left else {
    fatalError("expected two branches and a leaf, got \(tree)")
}
check(leaf.value == 3, "leaf")
print("unions: discriminator values from enum and const, unknown values kept, failures explained, recursion")
