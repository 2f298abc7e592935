/// CRC-32 as zip uses it (ISO 3309, the reflected polynomial 0xEDB88320,
/// initial value and final XOR 0xFFFFFFFF): `CRC32.checksum("123456789")`
/// is 0xCBF43926, the published check value.
enum CRC32 {
  /// The byte-at-a-time table for the reflected polynomial.
  private static let table: [UInt32] = (0..<256).map { byte in
    var value = UInt32(byte)
    for _ in 0..<8 {
      value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
    }
    return value
  }

  /// The checksum of `bytes`.
  static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    return crc ^ 0xFFFF_FFFF
  }
}
