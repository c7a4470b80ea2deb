/// Reads one property of a model from generic code that runs unspecialized for every model:
/// a stored property of a struct at its fixed offset, other properties (an `@Indirect` one, a
/// class's) through the key path. Projecting a key path there costs thousands of instructions
/// (metadata lookups for each component); coding, comparing, hashing and validating all read
/// through this instead.
struct PropertyReader<Model, Value>: @unchecked Sendable {
    // `@unchecked`: immutable, and key paths of generated models are safe to share.
    let property: KeyPath<Model, Value>
    private let offset: Int?

    init(_ property: KeyPath<Model, Value>) {
        self.property = property
        self.offset = MemoryLayout<Model>.offset(of: property)
    }

    @inline(__always)
    func read(_ model: Model) -> Value {
        guard let offset else { return model[keyPath: property] }
        return withUnsafeBytes(of: model) { $0.load(fromByteOffset: offset, as: Value.self) }
    }
}
