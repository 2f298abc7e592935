import Foundation

/// `shard.json`, written beside a shard's gradebooks: which shard it is,
/// of which class (the whole roster, so that a merge can name the students
/// no shard graded) and of which lab.
public struct ShardManifest: Codable, Sendable, Equatable {
  /// K.
  public var shard: Int
  /// N.
  public var of: Int
  /// The lab's title, for Canvas's column.
  public var assignment: String
  /// SHA-256 of the lab's text: shards of different labs are not merged.
  public var labDigest: String
  /// Every student id of the class, sorted.
  public var roster: [String]
  /// The ids graded in this shard, sorted.
  public var students: [String]

  /// The manifest's file name in a shard's folder.
  public static let fileName = "shard.json"

  /// The manifest of `shard` for a class of `roster`.
  public init(shard: Shard, assignment: String, labSource: String, roster: [String]) {
    self.shard = shard.index
    of = shard.count
    self.assignment = assignment
    var hash = SHA256()
    hash.update(labSource)
    labDigest = hash.hexDigest()
    self.roster = roster.sorted()
    students = self.roster.filter(shard.contains)
  }

  /// Writes `folder/shard.json` whole.
  public func write(to folder: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try Gradebook.writeAtomically(try encoder.encode(self), to: folder + "/" + Self.fileName)
  }

  /// Reads `folder/shard.json`.
  public static func read(from folder: String) throws(ShardError) -> ShardManifest {
    let path = folder + "/" + fileName
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .notAShard(folder: folder, reason: "no \(fileName) in it")
    }
    do {
      return try JSONDecoder().decode(ShardManifest.self, from: data)
    } catch {
      throw .notAShard(folder: folder, reason: "\(fileName) is not valid: \(error)")
    }
  }
}
