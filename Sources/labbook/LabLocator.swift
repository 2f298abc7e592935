import Foundation

/// Finds a lab by name: for `labbook run`, `NAME.md` in the current folder
/// (say, a student's copy of a handout); then `./labs`, then each folder of
/// `$LABBOOK_PATH`, then the labs installed with LabBook. The instructor's
/// commands (handout, check, grade, autograder) never take a copy from the
/// current folder for the lab. In each, the lab `NAME` is the file `NAME.md`
/// or, for a lab kept in a folder with its data, `NAME/NAME.md`. A path (ending
/// in `.md` or holding a `/`) is taken as it is; a path to a folder means the
/// `.md` file inside named after the folder.
struct LabLocator {
  /// The folders searched, in order.
  let folders: [String]
  /// Whether `NAME.md` in the current folder comes first (`labbook run`).
  var currentFolderFirst = false

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
    let isPath = nameOrPath.hasSuffix(".md") || nameOrPath.contains("/")
    if isPath {
      switch Self.kind(nameOrPath) {
      case .file: return nameOrPath
      case .folder: return try Self.lab(inFolder: nameOrPath)
      case nil:
        if nameOrPath.hasSuffix(".md") {
          throw .failed(
            "no such file: \(nameOrPath)\n  hint: check the path, or give a lab's name")
        }
      }
    }
    // One's own copy in the current folder comes before any lab folder.
    if currentFolderFirst, !isPath, Self.kind(nameOrPath + ".md") == .file {
      return nameOrPath + ".md"
    }
    var folderWithoutLab: String?
    for folder in folders {
      let file = folder + "/" + nameOrPath + ".md"
      if Self.kind(file) == .file { return file }
      let own = folder + "/" + nameOrPath
      if Self.kind(own) == .folder {
        let inside = own + "/" + Self.folderName(own) + ".md"
        if Self.kind(inside) == .file { return inside }
        folderWithoutLab = folderWithoutLab ?? own
      }
    }
    if let folderWithoutLab { _ = try Self.lab(inFolder: folderWithoutLab) }
    if isPath {
      throw .failed(
        "no such file or folder: \(nameOrPath)\n  hint: check the path, or give a lab's name "
          + "(`labbook list` shows them)")
    }
    let names = allLabs().map(\.name)
    throw .labNotFound(
      name: nameOrPath, searched: folders, suggestions: Self.closeMatches(nameOrPath, in: names))
  }

  /// Every lab found, by name; a name found twice keeps its first folder,
  /// and in one folder `NAME.md` wins over `NAME/NAME.md`.
  func allLabs() -> [(name: String, path: String)] {
    var found: [(name: String, path: String)] = []
    var names: Set<String> = []
    for folder in folders {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      var here: [String: String] = [:]
      for entry in entries where Self.kind(folder + "/" + entry) == .folder {
        let inside = folder + "/" + entry + "/" + entry + ".md"
        if Self.kind(inside) == .file { here[entry] = inside }
      }
      for entry in entries where entry.hasSuffix(".md") && entry != "README.md" {
        here[String(entry.dropLast(3))] = folder + "/" + entry
      }
      for name in here.keys.sorted() where names.insert(name).inserted {
        found.append((name, here[name]!))
      }
    }
    return found
  }

  /// The lab inside `folder`: the `.md` file named after the folder.
  /// Throws, listing the folder's `.md` files, when there is none.
  static func lab(inFolder folder: String) throws(CLIError) -> String {
    let trimmed = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    let name = folderName(trimmed)
    let inside = trimmed + "/" + name + ".md"
    if kind(inside) == .file { return inside }
    let markdown = ((try? FileManager.default.contentsOfDirectory(atPath: trimmed)) ?? [])
      .filter { $0.hasSuffix(".md") && kind(trimmed + "/" + $0) == .file }.sorted()
    var text = "\(folder) is a folder, and it holds no lab named after it (\(inside))"
    if let first = markdown.first {
      text += "; its .md files: " + markdown.joined(separator: ", ")
      text += "\n  hint: run one of them (`labbook run \(trimmed)/\(first)`), or rename the "
      text += "lab to \(name).md"
    } else {
      text += ", nor any other .md file"
      text += "\n  hint: a lab kept in a folder is FOLDER/FOLDER.md; check the path"
    }
    throw .failed(text)
  }

  private enum Kind { case file, folder }

  /// Whether `path` is a folder, something else (a file, which reading
  /// checks), or nothing.
  private static func kind(_ path: String) -> Kind? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
    return isFolder.boolValue ? .folder : .file
  }

  /// The folder's own name, `.` and `..` resolved.
  private static func folderName(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
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
