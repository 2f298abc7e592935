/// The IDX format of MNIST (LeCun et al.): bytes `0, 0, type, rank`, then
/// `rank` big-endian 32-bit extents, then the elements big-endian in
/// row-major order. Types: 0x08 UInt8, 0x09 Int8, 0x0B Int16, 0x0C Int32,
/// 0x0D Float32, 0x0E Float64. Files must be decompressed first.
public enum IDX {
  /// The tensor stored in the IDX file at `path` (values converted to Float).
  public static func read(_ path: String) throws(DataError) -> Tensor {
    try decode(FileBytes.read(path), path: path)
  }

  /// The tensor in IDX `bytes`; `path` names them in errors.
  public static func decode(_ bytes: [UInt8], path: String = "<bytes>") throws(DataError)
    -> Tensor
  {
    guard bytes.count >= 4, bytes[0] == 0, bytes[1] == 0 else {
      throw .badMagic(path: path, bytes: Array(bytes.prefix(4)))
    }
    let code = bytes[2]
    let rank = Int(bytes[3])
    let size: Int
    switch code {
    case 0x08, 0x09: size = 1
    case 0x0B: size = 2
    case 0x0C, 0x0D: size = 4
    case 0x0E: size = 8
    default: throw .unsupportedType(path: path, code: code)
    }
    let headerBytes = 4 + 4 * rank
    guard bytes.count >= headerBytes else {
      throw .truncated(path: path, expectedBytes: headerBytes, foundBytes: bytes.count)
    }
    var shape: [Int] = []
    for d in 0..<rank { shape.append(Int(bigEndian(bytes, at: 4 + 4 * d, size: 4))) }
    let count = shape.reduce(1, *)
    let expected = headerBytes + count * size
    guard bytes.count >= expected else {
      throw .truncated(path: path, expectedBytes: expected, foundBytes: bytes.count)
    }
    var values = [Float](repeating: 0, count: count)
    for i in 0..<count {
      let raw = bigEndian(bytes, at: headerBytes + i * size, size: size)
      switch code {
      case 0x08: values[i] = Float(raw)
      case 0x09: values[i] = Float(Int8(truncatingIfNeeded: raw))
      case 0x0B: values[i] = Float(Int16(truncatingIfNeeded: raw))
      case 0x0C: values[i] = Float(Int32(truncatingIfNeeded: raw))
      case 0x0D: values[i] = Float(bitPattern: UInt32(truncatingIfNeeded: raw))
      default: values[i] = Float(Double(bitPattern: raw))
      }
    }
    return Tensor(values, shape: shape)
  }

  static func bigEndian(_ bytes: [UInt8], at offset: Int, size: Int) -> UInt64 {
    var value: UInt64 = 0
    for i in 0..<size { value = value << 8 | UInt64(bytes[offset + i]) }
    return value
  }
}
