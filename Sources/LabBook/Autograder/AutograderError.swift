/// Why an autograder could not be exported or set up.
public enum AutograderError: Error, CustomStringConvertible {
  /// More entries or bytes than a zip without ZIP64 holds.
  case archiveTooLarge(entries: Int)
  /// LabBook's own sources, to ship in the zip, were not found.
  case noPackageSources(searched: [String])
  /// A file the export needs could not be read.
  case unreadable(path: String, reason: String)
  /// A late-policy setting in the lab's `grading:` front matter is wrong.
  case badLatePolicy(lab: String, key: String, value: String)

  /// What failed, the value, and what to do.
  public var description: String {
    switch self {
    case .archiveTooLarge(let entries):
      return "the autograder zip would be too large (\(entries) files, or over 4 GiB); "
        + "remove big data files from the lab's `data:` list"
    case .noPackageSources(let searched):
      return "cannot find LabBook's sources (a Package.swift with Sources/LabBook) to put "
        + "in the zip; searched " + searched.joined(separator: ", ")
        + "; set LABBOOK_SOURCE to the package's folder"
    case .unreadable(let path, let reason):
      return "cannot read \(path): \(reason); check that it exists and is readable"
    case .badLatePolicy(let lab, let key, let value):
      return "\(lab): grading setting \(key) is \"\(value)\"; it takes a fraction "
        + "from 0 to 1 (e.g. 0.1 for 10% per day late), see docs/autograder.md"
    }
  }
}
