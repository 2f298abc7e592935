#if canImport(Glibc)
  import Glibc
#endif

extension LabDocument {
  /// The largest lab file `read(path:)` accepts: 64 MiB, far above any real lab.
  public static let maxFileSize = 64 << 20

  /// Reads and parses the lab at `path` (see `parse(_:path:)`).
  ///
  /// Throws a `LabError` naming the path when the file is missing, is a
  /// directory or not a regular file, cannot be read, or is larger than
  /// `maxFileSize`; then every error `parse` finds. Invalid UTF-8 is replaced
  /// by U+FFFD with a warning.
  public static func read(path: String) throws(LabError) -> LabDocument {
    try DocumentReader.read(bytes: readBytes(path), path: path)
  }

  /// Parses `source`, the text of a lab, whose diagnostics will name `path`.
  ///
  /// The contract: YAML front matter between `---` lines at the top; every
  /// top-level fenced block whose info string starts with the word `swift` is
  /// a `Cell`, every one starting with `answer` an `AnswerBlock`; the
  /// Markdown between them is `Prose`. Problems that make the lab ambiguous
  /// (an unclosed cell, a duplicate id, a bad attribute value, malformed
  /// front matter) throw a `LabError` listing every diagnostic in file order;
  /// the rest become `warnings`. The format is described in docs/lab-format.md.
  public static func parse(_ source: String, path: String) throws(LabError) -> LabDocument {
    try DocumentReader.read(bytes: Array(source.utf8), path: path)
  }

  /// The bytes of the file at `path`, through `stat`, `open`, `read`, `close`.
  private static func readBytes(_ path: String) throws(LabError) -> [UInt8] {
    func failure(_ message: String, _ hint: String) -> LabError {
      LabError(Diagnostic(.error, at: nil, message, hint: hint))
    }
    var info = stat()
    guard stat(path, &info) == 0 else {
      let reason = String(cString: strerror(errno))
      throw failure(
        "cannot read the lab \"\(path)\": \(reason)",
        "check the path; labs are Markdown files such as labs/weight-init.md")
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw failure(
        "\"\(path)\" is a directory, not a lab file",
        "name the lab's Markdown file inside it; a lab kept in a folder is FOLDER/FOLDER.md")
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw failure(
        "\"\(path)\" is not a regular file", "name the lab's Markdown file")
    }
    guard Int(info.st_size) <= maxFileSize else {
      throw failure(
        "the lab \"\(path)\" is \(info.st_size) bytes, more than the \(maxFileSize) allowed",
        "check that this is the lab's Markdown file; keep large data in files named "
          + "under \"data:\"")
    }

    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      throw failure(
        "cannot open the lab \"\(path)\": \(reason)", "check the file's permissions")
    }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        throw failure("cannot read the lab \"\(path)\": \(reason)", "check the file")
      }
      bytes += chunk[..<count]
      guard bytes.count <= maxFileSize else {
        throw failure("the lab \"\(path)\" grew past \(maxFileSize) bytes while read", "")
      }
    }
    return bytes
  }
}
