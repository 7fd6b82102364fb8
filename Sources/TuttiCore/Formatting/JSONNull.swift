/// An optional field of a JSON answer written as `null` when it has no value, rather than left
/// out as synthesized `Codable` does, so that every answer of a command has the same keys (and
/// `jq '.where'` never needs a default). Reading a missing key gives nil.
@propertyWrapper
public struct JSONNull<Value: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
    public var wrappedValue: Value?

    /// A field holding `wrappedValue`.
    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    /// A `JSONNull` field whose key is missing reads as nil, as an optional's would.
    public func decode<Value>(_ type: JSONNull<Value>.Type, forKey key: Key) throws -> JSONNull<Value> {
        try decodeIfPresent(type, forKey: key) ?? JSONNull(wrappedValue: nil)
    }
}
