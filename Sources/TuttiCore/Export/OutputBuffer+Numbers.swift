/// Numbers written straight into an `OutputBuffer`, without making a `String`.
extension OutputBuffer {
    /// Appends a decimal integer.
    @inline(__always)
    func append(_ value: Int64) {
        appendUnsafe(maximum: 20) { start in
            var magnitude = value.magnitude
            var digits = 1
            var rest = magnitude
            while rest >= 10 {
                rest /= 10
                digits += 1
            }
            let sign = value < 0 ? 1 : 0
            if sign == 1 { start.pointee = UInt8(ascii: "-") }
            var cursor = start + sign + digits
            repeat {
                cursor -= 1
                cursor.pointee = UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0")
                magnitude /= 10
            } while magnitude != 0
            return sign + digits
        }
    }

    /// Appends a finite `Double` in the shortest form that reads back as the same value, always with
    /// a `.` or an exponent so that it reads back as a float: `1.0`, `-0.0`, `0.1`, `1e-300`, `1e+16`.
    @inline(__always)
    func appendShortest(_ value: Double) {
        var sink = ASCIISink(buffer: .passUnretained(self))
        value.write(to: &sink)
    }

    /// Appends a finite `Float` in the shortest form that reads back as the same `Float`.
    @inline(__always)
    func appendShortest(_ value: Float) {
        var sink = ASCIISink(buffer: .passUnretained(self))
        value.write(to: &sink)
    }
}

/// Receives the digits of a floating-point number. The standard library hands them to `_writeASCII`
/// from a stack buffer, so no `String` is made; `write(_:)` only serves if that ever changes.
private struct ASCIISink: TextOutputStream {
    /// Not retained: a sink lives only during one call on the buffer, whose caller holds it.
    let buffer: Unmanaged<OutputBuffer>

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in buffer._withUnsafeGuaranteedRef { $0.append(utf8) } }
    }

    mutating func _writeASCII(_ ascii: UnsafeBufferPointer<UInt8>) {
        buffer._withUnsafeGuaranteedRef { $0.append(ascii) }
    }
}
