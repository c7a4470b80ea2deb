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

// Titled constants are one open enum whose cases have the titles' names.
check(try decode([PremiumType].self, "[0,1,2,7]") == [.none, .tier1, .tier2, PremiumType(rawValue: 7)], "premium")
check(PremiumType.allCases == [.none, .tier1, .tier2], "premium cases")
check(!PremiumType(rawValue: 7).isKnown, "an unknown premium type is kept")
check(try decode([Locale].self, #"["de","en-US","fr"]"#) == [.german, .englishUS, Locale(rawValue: "fr")], "locale")

// Two alternatives with `type: message`: the body decides, the more demanding alternative first.
let output = try decode(
    ConversationItem.self,
    #"{"type":"message","id":"m1","role":"assistant","content":"Hi","status":"completed"}"#
)
guard case .outputMessage(let reply) = output else { fatalError("expected .outputMessage, got \(output)") }
check(reply.id == "m1", "output id")
let input = try decode(ConversationItem.self, #"{"type":"message","role":"user","content":"Hello"}"#)
guard case .inputMessage(let question) = input else { fatalError("expected .inputMessage, got \(input)") }
check(question.role == .user, "input role")
let call = try decode(ConversationItem.self, #"{"type":"function_call","name":"f"}"#)
guard case .functionCall(let function) = call else { fatalError("expected .functionCall, got \(call)") }
check(function.name == "f", "function name")
do {
    _ = try decode(ConversationItem.self, #"{"type":"message"}"#)
    check(false, "decoded a message that fits neither alternative")
} catch let DecodingError.dataCorrupted(context) {
    check(
        context.debugDescription.hasPrefix("The value matches no case of ConversationItem (outputMessage: "),
        context.debugDescription
    )
}

// An open enum takes a value it knows; a value it does not know goes to the alternative that fits.
let id = "e3e70682-c209-4cac-a29f-6fbed82c07cd"
check(try decode(ColorOrId.self, #""red""#) == .color(.red), "known color")
check(try decode(ColorOrId.self, "\"\(id)\"") == .uuid(UUID(uuidString: id)!), "uuid, not an unknown color")
check(try decode(ColorOrId.self, #""mauve""#) == .color(Color(rawValue: "mauve")), "unknown color")
print(
    "unions: titled constants are enums, shared discriminator values decided by the body, open enums prefer known values"
)
