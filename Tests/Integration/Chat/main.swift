// Run by Tests/Integration/check-chat.sh: the client generated from Schemas/chat.yaml calls
// server.py, a loopback instance that checks every request byte.
// Usage: chat PORT
import Foundation
import SpecforgeRuntime

func scenario(port: String) async throws {
    let host = URL(string: "http://127.0.0.1:\(port)")!
    // The key gets the prefix its scheme declares (`x-token-prefix: 'Bot '`).
    let client = ApiClient(configuration: Configuration(host: host, apiKeys: ["BotToken": "t0ken"]))

    // No tags: the groups come from the paths, past `/api/v9`.
    let ada = try await client.usersApi.getMyUser().body()
    // Enums written as titled constants: named cases, and a value is the case that holds it.
    check(ada.premiumType == .value(.tier2), "premium type \(String(describing: ada.premiumType))")
    check(ada.locale == .german, "locale \(String(describing: ada.locale))")
    check(PremiumTypes.allCases == [.none, .tier1, .tier2, .tier0], "\(PremiumTypes.allCases)")

    // Values a newer server sends stay what they were, and are not known.
    let bob = try await client.usersApi.getUser(userId: "2").body()
    check(bob.premiumType?.value?.rawValue == 7 && bob.premiumType?.value?.isKnown == false, "\(bob)")
    check(bob.locale?.rawValue == "fr" && bob.locale?.isKnown == false, "\(bob)")

    let channel = try await client.channelsApi.getChannel(channelId: "c1").body()
    check(channel.type == .guildText && channel.name == .null, "\(channel)")

    // The JSON body, and its multipart twin with file parts.
    let message = try await client.channelsApi.createMessage(
        channelId: "c1",
        messageCreateRequest: MessageCreateRequest(content: "Hello", tts: false)
    ).body()
    check(message.id == "m1", "\(message)")
    let withFiles = try await client.channelsApi.createMessageMultipart(
        channelId: "c1",
        messageCreateMultipartRequest: MessageCreateMultipartRequest(
            content: "With files",
            files: [
                UploadFile(data: Data("hi there".utf8), fileName: "notes.txt"),
                UploadFile(data: Data([0x89, 0x50, 0x4E, 0x47]), fileName: "pixel.png"),
            ]
        )
    ).body()
    check(withFiles.attachments?.map(\.filename) == ["notes.txt", "pixel.png"], "\(withFiles)")

    let members = try await client.guildsApi.listGuildMembers(guildId: "g1", limit: 2).body()
    check(members.map(\.user.username) == ["ada", "bob"], "\(members)")

}

await runScenario(
    "chat: groups from paths without tags, titled-constant enums decoded to their cases (unknown values kept), "
        + "a JSON body and its multipart twin with file parts, a prefixed API key",
    scenario(port:)
)
