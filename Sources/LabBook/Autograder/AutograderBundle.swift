import Foundation

/// The files of a Gradescope autograder for one lab (docs/autograder.md):
///
/// - `setup.sh`, `run_autograder`, `README.md` at the root, from the
///   templates in the package's `scripts/autograder/`, with `@LAB_FILE@`,
///   `@LAB_TITLE@`, `@LABBOOK_VERSION@`, `@LABBOOK_COMMIT@` and
///   `@SWIFT_SHA256@` filled in;
/// - `lab/NAME.md` and the files its front matter's `data:` lists, beside it;
/// - `labbook/`: LabBook's package as the running copy has it (`git
///   ls-files` where the folder is a repository, else its source folders),
///   without `labs/`, whose solutions a course may keep private.
public struct AutograderBundle {
  /// The instructor's lab file.
  public let labPath: String
  /// The lab, read.
  public let document: LabDocument
  /// The LabBook package folder (the one holding `Package.swift`).
  public let packageRoot: String

  /// The toolchain tarball's SHA-256 for `setup.sh` (64 hex digits, or
  /// `skip`); nil leaves the placeholder `FILL-ME-IN`, which stops setup.
  public let swiftSHA256: String?

  /// A bundle of `document` (read from `labPath`) with the package at
  /// `packageRoot`.
  public init(
    labPath: String, document: LabDocument, packageRoot: String, swiftSHA256: String? = nil
  ) {
    self.labPath = labPath
    self.document = document
    self.packageRoot = packageRoot
    self.swiftSHA256 = swiftSHA256
  }

  /// Whether `text` may stand for the toolchain's SHA-256 in `setup.sh`.
  public static func isValidSHA256(_ text: String) -> Bool {
    text == "skip" || (text.count == 64 && text.allSatisfy(\.isHexDigit))
  }

  /// Folders of the package snapshot taken when it is not a git repository.
  static let sourceFolders = ["Sources", "Tests", "Benchmarks", "scripts", "docs"]
  static let sourceFiles = [
    "Package.swift", "Package.resolved", ".swift-format", "Makefile", "README.md",
  ]

  /// The zip, ready to upload.
  public func archive() throws(AutograderError) -> ZipArchive {
    _ = try LatePolicy(grading: document.frontMatter.grading, lab: labPath)
    var zip = ZipArchive()
    let values = substitutions()
    for (name, executable) in [("setup.sh", true), ("run_autograder", true), ("README.md", false)] {
      let template = try read(packageRoot + "/scripts/autograder/" + name)
      var text = String(decoding: template, as: UTF8.self)
      for (key, value) in values { text = text.replacingOccurrences(of: key, with: value) }
      zip.add(name, Data(text.utf8), executable: executable)
    }

    let labFile = (labPath as NSString).lastPathComponent
    zip.add("lab/" + labFile, try read(labPath))
    let labFolder = Engine.labFolder(labPath)
    for path in document.frontMatter.data {
      // Inside the zip, a data file must stay inside lab/.
      guard !path.split(separator: "/").contains("..") else {
        throw .unreadable(
          path: path,
          reason: "a data path leaving the lab's folder cannot go in the zip; "
            + "move the file under the lab's folder")
      }
      zip.add("lab/" + path, try read(labFolder + "/" + path))
    }

    for path in packageFiles() {
      let full = packageRoot + "/" + path
      zip.add("labbook/" + path, try read(full), executable: isExecutable(full))
    }
    return zip
  }

  /// The template placeholders and their values.
  func substitutions() -> [(String, String)] {
    [
      ("@LAB_FILE@", (labPath as NSString).lastPathComponent),
      ("@LAB_TITLE@", document.frontMatter.title ?? Engine.labName(labPath)),
      ("@LABBOOK_VERSION@", LabBookInfo.version),
      ("@LABBOOK_COMMIT@", Self.commit(of: packageRoot) ?? "unknown (not a git checkout)"),
      ("@SWIFT_SHA256@", swiftSHA256?.lowercased() ?? "FILL-ME-IN"),
    ]
  }

  /// The package's files to ship, relative to `packageRoot`, sorted.
  func packageFiles() -> [String] {
    let listed =
      Self.git(["ls-files", "-z"], in: packageRoot).map {
        $0.split(separator: "\0").map(String.init)
      } ?? walk()
    return listed.filter { path in
      !path.hasPrefix("labs/")
        && FileManager.default.isReadableFile(atPath: packageRoot + "/" + path)
    }.sorted()
  }

  private func walk() -> [String] {
    var found = Self.sourceFiles.filter {
      FileManager.default.fileExists(atPath: packageRoot + "/" + $0)
    }
    for folder in Self.sourceFolders {
      guard let walker = FileManager.default.enumerator(atPath: packageRoot + "/" + folder)
      else { continue }
      while let relative = walker.nextObject() as? String {
        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
        var isFolder: ObjCBool = false
        let path = folder + "/" + relative
        _ = FileManager.default.fileExists(atPath: packageRoot + "/" + path, isDirectory: &isFolder)
        if !isFolder.boolValue { found.append(path) }
      }
    }
    return found
  }

  private func read(_ path: String) throws(AutograderError) -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason =
        FileManager.default.fileExists(atPath: path) ? "it is not readable" : "no such file"
      throw .unreadable(path: path, reason: reason)
    }
    return data
  }

  private func isExecutable(_ path: String) -> Bool {
    let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions]
    return ((mode as? Int) ?? 0) & 0o111 != 0
  }

  /// The package folder: `$LABBOOK_SOURCE`, else the first folder above
  /// the running executable holding `Package.swift` and
  /// `Sources/LabBook`, else `PREFIX/share/labbook/source` of an install.
  public static func locatePackageRoot(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(AutograderError) -> String {
    var candidates: [String] = []
    if let override = environment["LABBOOK_SOURCE"] { candidates.append(override) }
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    while folder.path != "/" {
      candidates.append(folder.path)
      folder = folder.deletingLastPathComponent()
    }
    candidates.append(
      executable.deletingLastPathComponent().deletingLastPathComponent().path
        + "/share/labbook/source")
    for candidate in candidates
    where FileManager.default.fileExists(atPath: candidate + "/Package.swift")
      && FileManager.default.fileExists(atPath: candidate + "/Sources/LabBook")
    {
      return candidate
    }
    throw .noPackageSources(searched: candidates.isEmpty ? ["(nothing)"] : [candidates[0], "…"])
  }

  /// `git rev-parse HEAD`, with `+changes` when the tree differs from it.
  static func commit(of folder: String) -> String? {
    guard let head = git(["rev-parse", "HEAD"], in: folder)?.trimmingBlanksAndNewlines,
      !head.isEmpty
    else { return nil }
    let dirty = git(["status", "--porcelain", "--untracked-files=no"], in: folder) ?? ""
    return dirty.trimmingBlanksAndNewlines.isEmpty ? head : head + "+changes"
  }

  /// stdout of `git arguments…` in `folder`, or nil when git fails.
  static func git(_ arguments: [String], in folder: String) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", folder] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
}
