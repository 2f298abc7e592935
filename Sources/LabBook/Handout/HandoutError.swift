/// Why `labbook handout` could not write a student's files.
public enum HandoutError: Error, CustomStringConvertible, Sendable {
  /// A file or folder could not be written.
  case cannotWrite(path: String, reason: String)
  /// A file the front matter's `data:` lists cannot be read.
  case dataFileUnreadable(path: String, lab: String)
  /// The student version LabBook wrote does not read back as a lab: a bug
  /// in LabBook, or a lab whose markers cut a fence in half.
  case studentLabInvalid(lab: String, errors: LabError)

  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason):
      return "cannot write \"\(path)\": \(reason)\n  hint: check that the folder is writable"
    case .dataFileUnreadable(let path, let lab):
      return "the data file \"\(path)\" that \(lab) lists under data: cannot be read\n"
        + "  hint: data paths are relative to the lab's folder; fix the path or add the file"
    case .studentLabInvalid(let lab, let errors):
      return "the student version of \(lab) does not read as a lab:\n\(errors)\n"
        + "  hint: check that no <!-- instructor --> section or solution region cuts a "
        + "cell's fence in half"
    }
  }
}
