internal import Glibc

/// Asks Linux to back a large, not yet touched buffer with 2 MiB pages
/// (`madvise(MADV_HUGEPAGE)`), so filling a 64 MB weight takes 32 page faults
/// instead of 16,384. Only advice: where transparent huge pages are off, or
/// on failure, nothing changes.
enum HugePages {
  static let size = 2 << 20
  /// Buffers smaller than this are left alone.
  static let threshold = 8 << 20

  static func advise(_ buffer: UnsafeMutableBufferPointer<Float>) {
    let bytes = buffer.count * MemoryLayout<Float>.stride
    guard bytes >= threshold, let base = buffer.baseAddress else { return }
    let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
    let end = (Int(bitPattern: base) + bytes) & ~(size - 1)
    guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(pointer, end - start, MADV_HUGEPAGE)
  }
}
