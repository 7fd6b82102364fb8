/// Where encoded blocks of an export go: the file, or a compressor in front of it.
protocol ByteSink: AnyObject {
    /// Writes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Writes whatever is still held back (a compressor's last block and trailer).
    func finish() throws
}
