/// A step of a run, reported through `RunOptions.progress`.
public enum RunProgress: Sendable {
  /// The lab program is being compiled.
  case compiling
  /// Compiling took `seconds`.
  case compiled(seconds: Double)
  /// The result came from the cache; nothing ran.
  case cached
  /// Cell `index` of `count` (0-based, in document order) started.
  case cellStarted(index: Int, count: Int, id: String)
  /// Cell `index` of `count` ended with `status`.
  case cellFinished(index: Int, count: Int, id: String, status: CellResult.Status)
}
