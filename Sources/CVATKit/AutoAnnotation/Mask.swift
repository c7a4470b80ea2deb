/// A bitmap mask and CVAT's encoding of one (cvat-sdk's `encode_mask`/`decode_mask`): the
/// lengths of alternating runs of unset and set pixels, row by row inside a bounding box, then
/// the box's corners `x1, y1, x2, y2` (inclusive).
public struct Mask: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row-major, `width * height` pixels.
    public private(set) var pixels: [Bool]

    public init(width: Int, height: Int, pixels: [Bool]? = nil) {
        precondition(width > 0 && height > 0, "a mask has pixels")
        self.width = width
        self.height = height
        self.pixels = pixels ?? Array(repeating: false, count: width * height)
        precondition(self.pixels.count == width * height, "pixels must hold width * height values")
    }

    public subscript(x: Int, y: Int) -> Bool {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    public struct EncodingError: Error, Sendable, Equatable {
        public let message: String
    }

    /// The encoding of the pixels inside `box` (`[x1, y1, x2, y2]`, the right and bottom edges
    /// excluded, rounded outwards), or of the smallest box holding every set pixel.
    public func encoded(box: [Double]? = nil) throws -> [Double] {
        let (x1, y1, x2, y2): (Int, Int, Int, Int)
        if let box {
            guard box.count == 4 else { throw EncodingError(message: "bbox must have 4 values") }
            (x1, y1) = (Int(box[0].rounded(.down)), Int(box[1].rounded(.down)))
            (x2, y2) = (Int(box[2].rounded(.up)), Int(box[3].rounded(.up)))
            guard 0 <= x1, x1 < x2, x2 <= width, 0 <= y1, y1 < y2, y2 <= height else {
                throw EncodingError(message: "bbox has invalid coordinates")
            }
        } else {
            let set = pixels.indices.filter { pixels[$0] }
            if set.isEmpty {
                (x1, y1, x2, y2) = (0, 0, 1, 1)
            } else {
                let xs = set.map { $0 % width }
                let ys = set.map { $0 / width }
                (x1, y1) = (xs.min() ?? 0, ys.min() ?? 0)
                (x2, y2) = ((xs.max() ?? 0) + 1, (ys.max() ?? 0) + 1)
            }
        }
        // Runs alternate unset, set, unset, …, the first (unset) possibly empty.
        var runs: [Double] = []
        var current = false
        var length = 0
        for y in y1..<y2 {
            for x in x1..<x2 {
                if self[x, y] == current {
                    length += 1
                } else {
                    runs.append(Double(length))
                    current.toggle()
                    length = 1
                }
            }
        }
        runs.append(Double(length))
        return runs + [Double(x1), Double(y1), Double(x2 - 1), Double(y2 - 1)]
    }

    /// The mask an encoding describes, on an image of `width` × `height`.
    public static func decoded(_ encoded: [Double], width: Int, height: Int) throws -> Mask {
        guard encoded.count >= 5 else { throw EncodingError(message: "too few elements in encoded mask") }
        guard width > 0, height > 0 else { throw EncodingError(message: "invalid image dimensions") }
        guard encoded.allSatisfy({ $0 == $0.rounded() && $0 >= 0 }) else {
            throw EncodingError(message: "non-integer value in encoded mask")
        }
        let numbers = encoded.map { Int($0) }
        let (x1, y1) = (numbers[numbers.count - 4], numbers[numbers.count - 3])
        let (x2, y2) = (numbers[numbers.count - 2] + 1, numbers[numbers.count - 1] + 1)
        guard 0 <= x1, x1 < x2, x2 <= width, 0 <= y1, y1 < y2, y2 <= height else {
            throw EncodingError(message: "invalid encoded bounding box")
        }
        let runs = numbers.dropLast(4)
        guard runs.reduce(0, +) == (x2 - x1) * (y2 - y1) else {
            throw EncodingError(message: "encoded bitmap does not match encoded bounding box")
        }
        var mask = Mask(width: width, height: height)
        var position = 0
        for (index, run) in runs.enumerated() {
            for offset in position..<(position + run) where index % 2 == 1 {
                mask[x1 + offset % (x2 - x1), y1 + offset / (x2 - x1)] = true
            }
            position += run
        }
        return mask
    }
}
