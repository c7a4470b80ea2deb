import ArgumentParser
import CVAT
import CVATKit
import Foundation

/// `task auto-annotate ID --function-command CMD [-p NAME=TYPE:VALUE]… [options]`: runs a
/// detection function on every frame of the task and uploads what it finds. cvat-cli imports
/// a Python module; this tool runs the function as another process speaking the JSON-lines
/// protocol of `ProcessFunction` (Examples/AutoAnnotation has one and describes the protocol).
struct TaskAutoAnnotate: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "auto-annotate",
        abstract: "Automatically annotate a CVAT task by running a function on the local machine."
    )

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "task ID") var taskId: Int
    @Option(
        name: .customLong("function-command"),
        help: ArgumentHelp(
            "shell command that starts the function (it speaks the JSON-lines protocol on stdin/stdout)",
            valueName: "COMMAND"
        )
    )
    var functionCommand: String
    @Option(
        name: [.customLong("function-parameter"), .customShort("p")],
        help: ArgumentHelp("parameter for the function", valueName: "NAME=TYPE:VALUE"),
        transform: FunctionParameter.parse
    )
    var functionParameters: [FunctionParameter] = []
    @Flag(name: .customLong("clear-existing"), help: "Remove existing annotations from the task")
    var clearExisting = false
    @Flag(
        name: .customLong("allow-unmatched-labels"),
        help: "Allow the function to declare labels/sublabels/attributes not configured in the task"
    )
    var allowUnmatchedLabels = false
    @Option(
        name: .customLong("conf-threshold"),
        help: "Confidence threshold for filtering detections",
        transform: Threshold.parse
    )
    var confThreshold: Threshold?
    @Flag(name: .customLong("conv-mask-to-poly"), help: "Convert mask shapes to polygon shapes")
    var convertMasksToPolygons = false

    func run(client: CVATClient) async throws {
        var parameters: [String: any Sendable] = [:]
        for parameter in functionParameters { parameters[parameter.name] = parameter.value }
        let function = try await ProcessFunction(command: functionCommand, parameters: parameters)
        do {
            try await client.annotateTask(
                taskId,
                function: function,
                clearExisting: clearExisting,
                allowUnmatchedLabels: allowUnmatchedLabels,
                confThreshold: confThreshold?.value,
                convertMasksToPolygons: convertMasksToPolygons,
                progress: commandProgress(),
                log: { Log.info($0) }
            )
            await function.finish()
        } catch {
            await function.finish()
            throw error
        }
    }
}

/// `-p NAME=TYPE:VALUE` with TYPE one of int, float, str, bool (cvat-cli's
/// `parse_function_parameter`).
struct FunctionParameter: Sendable {
    let name: String
    let value: any Sendable

    private init(name: String, value: any Sendable) {
        self.name = name
        self.value = value
    }

    static func parse(_ text: String) throws -> FunctionParameter {
        guard let equals = text.firstIndex(of: "=") else { throw ValidationError("parameter value not specified") }
        let name = String(text[..<equals])
        let typeAndValue = text[text.index(after: equals)...]
        guard let colon = typeAndValue.firstIndex(of: ":") else {
            throw ValidationError("parameter type not specified")
        }
        let type = String(typeAndValue[..<colon])
        let value = String(typeAndValue[typeAndValue.index(after: colon)...])
        switch type {
        case "int":
            guard let number = Int(value) else { throw ValidationError("invalid int value: '\(value)'") }
            return FunctionParameter(name: name, value: number)
        case "float":
            guard let number = Double(value) else { throw ValidationError("invalid float value: '\(value)'") }
            return FunctionParameter(name: name, value: number)
        case "str":
            return FunctionParameter(name: name, value: value)
        case "bool":
            guard let flag = PythonBool(argument: value) else {
                throw ValidationError("invalid bool value: '\(value)'")
            }
            return FunctionParameter(name: name, value: flag.value)
        default:
            throw ValidationError("unsupported parameter type '\(type)'")
        }
    }
}

/// A confidence threshold, 0…1.
struct Threshold: Sendable {
    let value: Double

    static func parse(_ text: String) throws -> Threshold {
        guard let value = Double(text) else { throw ValidationError("must be a number") }
        guard (0...1).contains(value) else { throw ValidationError("must be between 0 and 1") }
        return Threshold(value: value)
    }
}
