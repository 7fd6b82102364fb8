import Foundation

extension ViewDocument {
    /// Largest view file read: views hold expressions, compact row ranges and at most
    /// `ViewSelection.maxIdentifiers` ids, far below this.
    public static let maxFileBytes = 256 << 20

    /// Reads the view file at `path`. Throws a `TuttiError` naming the file when it is missing,
    /// unreadable, a device or larger than `maxFileBytes`, is not JSON, has no version or a newer
    /// one than `formatVersion`, does not hold a view (the message names the field, as in
    /// `selection.rows[3]`), or has too many panes (`maxPanes`, `maxDepth`).
    public static func read(path: String) throws -> ViewDocument {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw TuttiError("no such file", file: path)
        }
        guard !isFolder.boolValue else { throw TuttiError("is a directory, not a view file", file: path) }
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        if type == .typeCharacterSpecial || type == .typeBlockSpecial {
            throw TuttiError("is a device (such as /dev/zero), not a view file", file: path)
        }
        let bytes: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            bytes = try handle.read(upToCount: maxFileBytes + 1) ?? Data()
        } catch {
            throw TuttiError("cannot read the file", file: path)
        }
        guard bytes.count <= maxFileBytes else {
            throw TuttiError("is larger than \(MemoryBudget.describe(maxFileBytes)), too large for a view file", file: path)
        }
        guard !bytes.isEmpty else { throw TuttiError("the file is empty", file: path) }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            let version = try decoder.decode(VersionField.self, from: bytes).version
            guard let version else { throw TuttiError("is not a tutti view: it has no \"version\"", file: path) }
            guard version <= formatVersion else {
                throw TuttiError("made by a newer tutti (version \(version)); this one reads version \(formatVersion)",
                                 file: path)
            }
            guard version >= 1 else { throw TuttiError("has an unknown version \(version)", file: path) }
            let document = try decoder.decode(ViewDocument.self, from: bytes)
            if let problem = Self.sizeProblem(of: document.layout) { throw TuttiError(problem, file: path) }
            return document
        } catch let error as DecodingError {
            let isJSON = (try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])) != nil
            throw TuttiError(Self.describe(error, isJSON: isJSON), file: path)
        }
    }

    /// Writes the view as pretty-printed JSON with sorted keys (arrays of numbers on one line) to
    /// `path`, atomically: a temporary file in the same folder, flushed, then renamed into place.
    /// Throws a `TuttiError` naming the file when the folder is missing, `path` is a directory or
    /// one of `inputs` (the data's files), or a file is there and `overwrite` is false.
    public func write(to path: String, overwrite: Bool, inputs: [String] = []) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8]
        do {
            bytes = NumberArrayFolding.fold([UInt8](try encoder.encode(self)))
        } catch let EncodingError.invalidValue(_, context) {
            throw TuttiError("cannot save the view: \(context.debugDescription)", file: path)
        }
        bytes.append(UInt8(ascii: "\n"))
        let folder = try OutputPath.check(path, inputs: inputs, overwrite: overwrite)
        let file = try TemporaryFile(target: path, folder: folder)
        do {
            try bytes.withUnsafeBytes { try file.write($0) }
            try file.commit(replacing: overwrite)
        } catch {
            file.discard()
            throw error
        }
    }

    /// A decoding error in words, with the path of the field: "selection.rows[3]: expected …".
    private static func describe(_ error: DecodingError, isJSON: Bool) -> String {
        func field(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + snakeCase(key.stringValue)
                }
            }
            return text
        }
        func located(_ context: DecodingError.Context, _ message: String) -> String {
            context.codingPath.isEmpty ? "is not a view file: \(message)" : "\(field(context.codingPath)): \(message)"
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // Foundation calls a number that does not fit its field "not valid JSON" too.
            return isJSON ? "a value has the wrong type or is out of range (a fraction or a huge number where a whole number belongs?)"
                : "is not a view file: not valid JSON"
        case .dataCorrupted(let context):
            return located(context, context.debugDescription)
        case .keyNotFound(let key, let context):
            return "missing field \(field(context.codingPath + [key]))"
        case .typeMismatch(let type, let context):
            return located(context, "expected \(expected(type))")
        case .valueNotFound(let type, let context):
            return located(context, "expected \(expected(type)), found null")
        @unknown default:
            return "is not a view file"
        }
    }

    /// "a number", "a string", … for a type the decoder wanted.
    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Double.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }

    /// `groupColumns` → `group_columns`, as keys are written.
    private static func snakeCase(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// The one field read before the rest, to refuse files from newer versions with a clear message.
private struct VersionField: Decodable {
    let version: Int?
}
