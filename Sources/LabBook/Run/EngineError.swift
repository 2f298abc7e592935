/// A problem that leaves no result to show: the run could not start.
/// A lab that fails to compile or crashes is not an `EngineError`; it is a
/// `RunResult` with failed cells.
public enum EngineError: Error, CustomStringConvertible, Equatable {
  /// No `swiftc` in `$LABBOOK_SWIFTC`, on `PATH` or beside the Swift runtime.
  case compilerNotFound(searched: [String])
  /// `libLabKit.so` or `LabKit.swiftmodule` is not where LabBook looked.
  case labKitNotFound(searched: [String])
  /// The C shims' module maps (CBLAS…) are not where LabBook looked.
  case shimsNotFound(searched: [String])
  /// `--set name=…` names no parameter of the lab.
  case unknownParam(name: String, suggestion: String?, known: [String], lab: String)
  /// `--set name=value` with a value that does not fit the default's type.
  case invalidParam(name: String, value: String, expected: String, lab: String)
  /// `--set` text without `=`, or with an empty name.
  case malformedParam(text: String)
  /// A file the front matter's `data:` lists cannot be read.
  case dataFileUnreadable(path: String, lab: String, reason: String)
  /// A program (the compiler or the lab) could not be started.
  case cannotStart(program: String, reason: String)
  /// A working file or folder could not be made.
  case cannotWrite(path: String, reason: String)
  /// LabBook got SIGINT, SIGTERM or SIGHUP while `program` ran; it was killed.
  case interrupted(program: String)

  public var description: String {
    switch self {
    case .compilerNotFound(let searched):
      return "cannot find the Swift compiler `swiftc` (looked in: "
        + searched.joined(separator: ", ")
        + "); install Swift 6 and put it on PATH, or set LABBOOK_SWIFTC to its path"
    case .labKitNotFound(let searched):
      return "cannot find LabKit (libLabKit.so and LabKit.swiftmodule) in "
        + searched.joined(separator: ", ")
        + "; run `swift build -c release --product LabKit` (or `make install`), "
        + "or set LABBOOK_LIBDIR to the folder holding libLabKit.so"
    case .shimsNotFound(let searched):
      return "cannot find the C module maps LabKit needs (CBLAS) in "
        + searched.joined(separator: ", ")
        + "; run LabBook from its package or `make install`, "
        + "or set LABBOOK_SHIMS to the folder holding CBLAS/module.modulemap"
    case .unknownParam(let name, let suggestion, let known, let lab):
      var text = "\(lab): `--set \(name)=…`: the lab has no parameter \"\(name)\""
      if let suggestion { text += "; did you mean \"\(suggestion)\"?" }
      text +=
        known.isEmpty
        ? " (its front matter declares no `params`)"
        : " (it has: \(known.joined(separator: ", ")))"
      return text
    case .invalidParam(let name, let value, "true or false", let lab):
      return "\(lab): `--set \(name)=\(value)`: \"\(value)\" is not a boolean, and the "
        + "parameter's default in the front matter is one\n  hint: give `--set \(name)=true` or "
        + "`--set \(name)=false` (booleans are written true or false; not yes/no, on/off or 1/0)"
    case .invalidParam(let name, let value, let expected, let lab):
      return "\(lab): `--set \(name)=\(value)`: \"\(value)\" is not \(expected), "
        + "the type of the parameter's default in the front matter; give \(expected)"
    case .malformedParam(let text):
      return "`--set \(text)`: expected `name=value`, e.g. `--set lr=0.01`"
    case .dataFileUnreadable(let path, let lab, let reason):
      return "\(lab): cannot read data file \"\(path)\" listed under `data:` (\(reason)); "
        + "check the path, which is relative to the lab's folder (a copy of a handout needs "
        + "the handout's data files beside it, in the same folders)"
    case .cannotStart(let program, let reason):
      return "cannot start \"\(program)\": \(reason)"
    case .cannotWrite(let path, let reason):
      return "cannot write \"\(path)\": \(reason); check the folder exists and is writable"
    case .interrupted(let program):
      return "stopped \"\(program)\": LabBook was interrupted; run the command again to go on"
    }
  }
}
