import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Asks for a password on the terminal without echoing it, as Python's `getpass` does: the
/// prompt and the answer go through `/dev/tty`, so a redirected stdout or stdin is left alone.
enum PasswordPrompt {
    static func ask(_ prompt: String) throws -> String {
        let terminal = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard terminal >= 0 else {
            throw CommandFailure("No terminal to ask for the password on: pass --auth USER:PASS or set PASS")
        }
        defer { close(terminal) }
        var saved = termios()
        let hasTerminalSettings = tcgetattr(terminal, &saved) == 0
        if hasTerminalSettings {
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(terminal, TCSAFLUSH, &silent)
        }
        defer {
            if hasTerminalSettings { tcsetattr(terminal, TCSAFLUSH, &saved) }
            _ = "\n".withCString { write(terminal, $0, 1) }
        }
        _ = prompt.withCString { write(terminal, $0, strlen($0)) }
        var answer: [UInt8] = []
        var byte: UInt8 = 0
        while read(terminal, &byte, 1) == 1, byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") {
            answer.append(byte)
        }
        return String(decoding: answer, as: UTF8.self)
    }
}
