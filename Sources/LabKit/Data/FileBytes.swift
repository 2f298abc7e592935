internal import Glibc

/// Reads whole files with the C library (LabKit does not import Foundation).
enum FileBytes {
  /// Every byte of the file at `path` (fopen/fread).
  static func read(_ path: String) throws(DataError) -> [UInt8] {
    guard let file = fopen(path, "rb") else {
      throw .cannotRead(path: path, reason: String(cString: strerror(errno)))
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
      if n < chunk.count {
        if ferror(file) != 0 { throw .cannotRead(path: path, reason: "read error") }
        break
      }
    }
    return bytes
  }
}
