import Foundation

/// LabBook's cache folder (`.labbook/`): finished results by run key,
/// compiled lab programs by program key, and swiftc's version by its path
/// and modification time (so the compiler is not asked on every run).
///
/// Entries are written atomically (a temporary file, then `rename`); an
/// entry that does not read back is treated as missing, never as an error.
// Limitation: nothing evicts old entries; delete the folder to reclaim space.
struct RunCache {
  var directory: String

  private var fileManager: FileManager { .default }

  /// The result stored under `key`, if one reads back.
  func result(forKey key: String) -> RunResult? {
    let path = directory + "/results/\(key).json"
    guard let data = fileManager.contents(atPath: path) else { return nil }
    return try? RunResult(jsonData: data)
  }

  /// Stores `result` under `key`; a failure to write only loses the cache.
  func store(_ result: RunResult, forKey key: String) {
    guard let data = try? result.jsonData() else { return }
    write(data, to: directory + "/results/\(key).json")
  }

  /// Where the compiled program for `key` lives (it may not exist yet).
  func programPath(forKey key: String) -> String {
    directory + "/programs/\(key)/lab"
  }

  /// Whether a compiled program for `key` is there and executable.
  func hasProgram(forKey key: String) -> Bool {
    fileManager.isExecutableFile(atPath: programPath(forKey: key))
  }

  /// The compiler's warnings for the program under `key`.
  func diagnostics(forKey key: String) -> [Diagnostic] {
    let path = directory + "/programs/\(key)/diagnostics.json"
    guard let data = fileManager.contents(atPath: path) else { return [] }
    return (try? JSONDecoder().decode([Diagnostic].self, from: data)) ?? []
  }

  /// Copies a freshly built program, and the compiler's warnings about it,
  /// into the cache under `key`.
  func storeProgram(at path: String, forKey key: String, diagnostics: [Diagnostic]) {
    if let data = try? JSONEncoder().encode(diagnostics) {
      write(data, to: directory + "/programs/\(key)/diagnostics.json")
    }
    let target = programPath(forKey: key)
    let folder = (target as NSString).deletingLastPathComponent
    try? fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let staging = folder + "/.lab-\(UUID().uuidString)"
    try? fileManager.removeItem(atPath: staging)
    guard (try? fileManager.copyItem(atPath: path, toPath: staging)) != nil else { return }
    if rename(staging, target) != 0 { try? fileManager.removeItem(atPath: staging) }
  }

  /// `swiftc --version` for the compiler at `swiftc`, asked once per
  /// compiler build (keyed on its path, size and modification time).
  func compilerVersion(_ swiftc: String, ask: () -> String) -> String {
    let stamp = Self.stamp(swiftc)
    var hasher = SHA256()
    hasher.field(stamp)
    let path = directory + "/compilers/\(hasher.hexDigest()).txt"
    if let data = fileManager.contents(atPath: path),
      let text = String(data: data, encoding: .utf8),
      text.hasPrefix(stamp + "\n")
    {
      return String(text.dropFirst(stamp.count + 1))
    }
    let version = ask()
    write(Data((stamp + "\n" + version).utf8), to: path)
    return version
  }

  /// A file's resolved path, size and modification time, as one string.
  static func stamp(_ path: String) -> String {
    let resolved = (path as NSString).resolvingSymlinksInPath
    let attributes = (try? FileManager.default.attributesOfItem(atPath: resolved)) ?? [:]
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
    let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(resolved) \(size) \(date)"
  }

  private func write(_ data: Data, to path: String) {
    let folder = (path as NSString).deletingLastPathComponent
    try? fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}
