import Foundation

/// Finds a lab by name: `./labs`, then each folder of `$LABBOOK_PATH`, then the
/// labs installed with LabBook. A path to a `.md` file is taken as it is.
struct LabLocator {
  /// The folders searched, in order.
  let folders: [String]

  init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    var folders = ["labs"]
    if let path = environment["LABBOOK_PATH"] {
      folders += path.split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }
    folders += Self.installedLabFolders()
    var seen: Set<String> = []
    self.folders = folders.filter { seen.insert(Self.canonical($0)).inserted }
  }

  /// The lab's file path for `nameOrPath`.
  func locate(_ nameOrPath: String) throws(CLIError) -> String {
    let fileManager = FileManager.default
    if nameOrPath.hasSuffix(".md") || nameOrPath.contains("/") {
      var isFolder: ObjCBool = false
      if fileManager.fileExists(atPath: nameOrPath, isDirectory: &isFolder), !isFolder.boolValue {
        return nameOrPath
      }
      if nameOrPath.hasSuffix(".md") {
        throw .failed("no such file: \(nameOrPath)\n  hint: check the path, or give a lab's name")
      }
    }
    for folder in folders {
      let candidate = folder + "/" + nameOrPath + ".md"
      if fileManager.isReadableFile(atPath: candidate) { return candidate }
    }
    let names = allLabs().map(\.name)
    throw .labNotFound(
      name: nameOrPath, searched: folders, suggestions: Self.closeMatches(nameOrPath, in: names))
  }

  /// Every lab found, by name; a name found twice keeps its first folder.
  func allLabs() -> [(name: String, path: String)] {
    var found: [(name: String, path: String)] = []
    var names: Set<String> = []
    for folder in folders {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      for entry in entries.sorted() where entry.hasSuffix(".md") && entry != "README.md" {
        let name = String(entry.dropLast(3))
        if names.insert(name).inserted { found.append((name, folder + "/" + entry)) }
      }
    }
    return found
  }

  /// Names within an edit distance of a third of the name's length (at least
  /// 2), or that contain it; closest first, at most three.
  static func closeMatches(_ name: String, in names: [String]) -> [String] {
    let limit = max(2, name.count / 3)
    let scored = names.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
      .filter { $0.1 <= limit || $0.0.lowercased().contains(name.lowercased()) }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    return scored.prefix(3).map(\.0)
  }

  /// Levenshtein distance, one row at a time.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      previous = current
    }
    return previous[b.count]
  }

  /// `PREFIX/share/labbook/labs` after an install, and the package's own
  /// `labs/` when running from a build folder inside the package.
  private static func installedLabFolders() -> [String] {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    let binFolder = executable.deletingLastPathComponent()
    var folders = [
      binFolder.deletingLastPathComponent().appendingPathComponent("share/labbook/labs").path
    ]
    var folder = binFolder
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
      {
        folders.append(folder.appendingPathComponent("labs").path)
        break
      }
      folder = folder.deletingLastPathComponent()
    }
    return folders.filter { FileManager.default.fileExists(atPath: $0) }
  }

  private static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
