/// One share of a class for grading on several machines: shard `index` of
/// `count` (`K/N` on the command line, 1 ≤ K ≤ N).
///
/// A student belongs to shard `FNV-1a-64(id) mod N + 1`, with FNV-1a over
/// the id's UTF-8 bytes (offset basis 0xcbf29ce484222325, prime
/// 0x100000001b3): the same on every machine and run, and independent of
/// the order submissions are listed in.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  /// K, from 1.
  public let index: Int
  /// N.
  public let count: Int

  /// Shard `index` of `count`; throws `ShardError.badShard` unless
  /// 1 ≤ index ≤ count ≤ 10000.
  public init(index: Int, count: Int) throws(ShardError) {
    guard count >= 1, count <= 10_000, index >= 1, index <= count else {
      throw .badShard("\(index)/\(count)")
    }
    self.index = index
    self.count = count
  }

  /// Parses `K/N`, e.g. `2/3`.
  public init(parsing text: String) throws(ShardError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw .badShard(text)
    }
    try self.init(index: index, count: count)
  }

  /// `K/N`.
  public var description: String { "\(index)/\(count)" }

  /// The shard, from 1, that `studentID` belongs to among `count`.
  public static func number(of studentID: String, count: Int) -> Int {
    Int(fnv1a(studentID) % UInt64(count)) + 1
  }

  /// Whether `studentID` is graded in this shard.
  public func contains(_ studentID: String) -> Bool {
    Self.number(of: studentID, count: count) == index
  }

  /// 64-bit FNV-1a of `text`'s UTF-8 bytes.
  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }
}
