/// How to run a lab: seed, parameter overrides, cache and progress reports.
public struct RunOptions: Sendable {
  /// Overrides the front matter's `seed`; both absent means 0.
  public var seed: UInt64?
  /// Raw `--set name=value` overrides, checked and typed against the front
  /// matter's `params` (the default's type is the parameter's type).
  public var params: [String: String]
  /// The `.labbook/` folder for compiled programs and results; `nil`, no cache.
  public var cacheDirectory: String?
  /// Ignore cached results and programs (the new ones are still stored).
  public var fresh: Bool
  /// Called as the run goes: compiling, cache hits, each cell's start and end.
  /// Called on the thread that called `Engine.run`.
  public var progress: (@Sendable (RunProgress) -> Void)?

  /// Options with every field defaulted: seed from the front matter, no
  /// overrides, no cache.
  public init(
    seed: UInt64? = nil, params: [String: String] = [:], cacheDirectory: String? = nil,
    fresh: Bool = false, progress: (@Sendable (RunProgress) -> Void)? = nil
  ) {
    self.seed = seed
    self.params = params
    self.cacheDirectory = cacheDirectory
    self.fresh = fresh
    self.progress = progress
  }
}
