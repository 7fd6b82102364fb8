/// How a vector's values make an image: `height` rows of `width` pixels of `channels` values
/// each (1: grey, 3: red, green, blue), row by row, a pixel's channels together.
public struct ImageShape: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let height: Int
    public let width: Int
    public let channels: Int

    /// A shape; nil unless every part is positive and channels are 1 or 3.
    public init?(height: Int, width: Int, channels: Int = 1) {
        guard height > 0, width > 0, channels == 1 || channels == 3, height <= 4096, width <= 4096 else { return nil }
        self.height = height
        self.width = width
        self.channels = channels
    }

    /// Reads `H,W` or `H,W,C` (the `--image-shape` option); throws a message naming what is wrong.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0 != nil }),
              let shape = ImageShape(height: parts[0]!, width: parts[1]!, channels: parts.count == 3 ? parts[2]! : 1) else {
            throw TuttiError("--image-shape takes H,W or H,W,C: positive heights and widths up to 4096 and 1 or 3 channels, not '\(text)'")
        }
        self = shape
    }

    /// The number of values an image of this shape holds.
    public var valueCount: Int { height * width * channels }

    public var description: String { channels == 1 ? "\(height)×\(width)" : "\(height)×\(width)×\(channels)" }

    /// The shape a vector of `width` values is drawn as: `preferred` when it fits the width, else
    /// a square of greys (64 → 8×8, 784 → 28×28, 1024 → 32×32) or of colours (3072 → 32×32×3);
    /// nil when the width is neither.
    public static func inferred(forWidth width: Int, preferred: ImageShape? = nil) -> ImageShape? {
        if let preferred, preferred.valueCount == width { return preferred }
        guard width >= 16 else { return nil }
        let side = Int(Double(width).squareRoot().rounded())
        if side * side == width { return ImageShape(height: side, width: side) }
        let colorSide = Int((Double(width) / 3).squareRoot().rounded())
        if colorSide * colorSide * 3 == width { return ImageShape(height: colorSide, width: colorSide, channels: 3) }
        return nil
    }
}
