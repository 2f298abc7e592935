import Foundation

/// A zip archive written in memory with every entry *stored* (no
/// compression), as PKWARE's APPNOTE 6.3 lays it out: a local header and
/// the bytes per entry, then the central directory and its end record.
///
/// Written here rather than by `/usr/bin/zip` so that an export needs no
/// tool and is byte-for-byte reproducible: entries keep the order added and
/// carry a fixed date (1980-01-01). Unix modes ride in the external
/// attributes, so `setup.sh` and `run_autograder` stay executable.
///
/// Limitation: no ZIP64, so at most 65535 entries and 4 GiB in all.
public struct ZipArchive: Sendable {
  struct Entry: Sendable {
    var path: String
    var data: Data
    var mode: UInt32
  }

  private(set) var entries: [Entry] = []

  /// An empty archive.
  public init() {}

  /// Adds a file at `path` (relative, `/`-separated) holding `data`;
  /// `executable` gives it mode 0755, else 0644.
  public mutating func add(_ path: String, _ data: Data, executable: Bool = false) {
    entries.append(Entry(path: path, data: data, mode: executable ? 0o100755 : 0o100644))
  }

  /// The archive's bytes. Throws `AutograderError.archiveTooLarge` past
  /// the format's 32-bit sizes.
  public func data() throws(AutograderError) -> Data {
    guard entries.count < 0xFFFF else { throw .archiveTooLarge(entries: entries.count) }
    var archive = Data()
    var directory = Data()
    for entry in entries {
      let name = Array(entry.path.utf8)
      let crc = CRC32.checksum(entry.data)
      let offset = archive.count
      guard entry.data.count < 0xFFFF_FFFF, offset < 0xFFFF_FFFF else {
        throw .archiveTooLarge(entries: entries.count)
      }
      let size = UInt32(entry.data.count)

      archive.append(le32: 0x0403_4b50)
      archive.append(le16: 20)  // version needed: 2.0
      archive.append(le16: 0x0800)  // flags: names are UTF-8
      archive.append(le16: 0)  // method: stored
      archive.append(le16: 0)  // time 00:00:00
      archive.append(le16: 0x21)  // date 1980-01-01
      archive.append(le32: crc)
      archive.append(le32: size)
      archive.append(le32: size)
      archive.append(le16: UInt16(name.count))
      archive.append(le16: 0)
      archive.append(contentsOf: name)
      archive.append(entry.data)

      directory.append(le32: 0x0201_4b50)
      directory.append(le16: 0x0314)  // made by: Unix, version 2.0
      directory.append(le16: 20)
      directory.append(le16: 0x0800)
      directory.append(le16: 0)
      directory.append(le16: 0)
      directory.append(le16: 0x21)
      directory.append(le32: crc)
      directory.append(le32: size)
      directory.append(le32: size)
      directory.append(le16: UInt16(name.count))
      directory.append(le16: 0)  // extra
      directory.append(le16: 0)  // comment
      directory.append(le16: 0)  // disk
      directory.append(le16: 0)  // internal attributes
      directory.append(le32: entry.mode << 16)
      directory.append(le32: UInt32(offset))
      directory.append(contentsOf: name)
    }
    guard archive.count < 0xFFFF_FFFF else { throw .archiveTooLarge(entries: entries.count) }
    let directoryOffset = UInt32(archive.count)
    archive.append(directory)
    archive.append(le32: 0x0605_4b50)
    archive.append(le16: 0)
    archive.append(le16: 0)
    archive.append(le16: UInt16(entries.count))
    archive.append(le16: UInt16(entries.count))
    archive.append(le32: UInt32(directory.count))
    archive.append(le32: directoryOffset)
    archive.append(le16: 0)
    return archive
  }
}

extension Data {
  fileprivate mutating func append(le16 value: UInt16) {
    append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)])
  }

  fileprivate mutating func append(le32 value: UInt32) {
    append(contentsOf: (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) })
  }
}
