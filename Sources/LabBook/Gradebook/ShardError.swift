/// Why a shard could not be graded or shards could not be merged.
public enum ShardError: Error, CustomStringConvertible, Equatable {
  /// `--shard` was not `K/N` with 1 ≤ K ≤ N.
  case badShard(String)
  /// A folder given to merge has no readable `shard.json`.
  case notAShard(folder: String, reason: String)
  /// Shards of different classes, labs or counts.
  case mismatch(folder: String, what: String)
  /// The same shard number, or the same student, in two folders.
  case overlap(student: String, folders: [String])
  /// Shards or students absent from the merge.
  case missing(shards: [Int], students: [String])
  /// A file could not be read or written.
  case io(path: String, reason: String)

  /// What failed, the value, and what to do.
  public var description: String {
    switch self {
    case .badShard(let text):
      return "--shard is \"\(text)\"; give K/N with 1 ≤ K ≤ N ≤ 10000, e.g. --shard 2/3"
    case .notAShard(let folder, let reason):
      return "\(folder) is not a shard's output (\(reason)); give the -o folders of "
        + "`labbook grade … --shard K/N`"
    case .mismatch(let folder, let what):
      return "\(folder) was graded with a different \(what) than the first shard; merge "
        + "only shards of one `labbook grade` run, graded with the same lab and roster"
    case .overlap(let student, let folders):
      return "student \"\(student)\" is in more than one shard ("
        + folders.joined(separator: ", ") + "); remove the folder given twice or regraded"
    case .missing(let shards, let students):
      var text = "the merge is incomplete:"
      if !shards.isEmpty {
        text += " shard(s) " + shards.map(String.init).joined(separator: ", ") + " absent;"
      }
      let shown = students.prefix(20).joined(separator: ", ")
      text += " \(students.count) student(s) not graded (\(shown)"
      text += students.count > 20 ? ", …)" : ")"
      return text + "; grade the missing shards, or pass --allow-missing"
    case .io(let path, let reason):
      return "cannot use \(path): \(reason)"
    }
  }
}
