import Foundation

/// Which lab file each report in an output folder was made from, so that
/// `labbook run` never silently replaces one lab's report with another's
/// of the same file name (e.g. the student's `handouts/x/x.md` and the
/// instructor's `labs/x.md`, both `out/x.html`).
///
/// The record is `DIR/.labbook/reports/NAME.source`: the lab's absolute
/// path, one line. A report without a record (made before records existed,
/// or after the cache folder was deleted) is replaced as before.
struct ReportSource {
  /// The output folder (`-o`, default `out`).
  var folder: String
  /// The report's name: the lab's file name without `.md`.
  var name: String

  /// The lab's path as an absolute path without `.` or `..` parts and
  /// with symbolic links resolved, so two spellings of one file compare equal.
  static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }

  private var record: String { folder + "/.labbook/reports/" + name + ".source" }
  private var report: String { folder + "/" + name + ".html" }

  /// Throws when `DIR/NAME.html` exists and was made from another lab file
  /// than `lab`, naming both and how to keep them apart.
  func ensureReplaceable(by lab: String) throws(CLIError) {
    guard FileManager.default.fileExists(atPath: report),
      let data = FileManager.default.contents(atPath: record)
    else { return }
    let owner = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    guard !owner.isEmpty, owner != Self.canonical(lab) else { return }
    let labFolder = (lab as NSString).deletingLastPathComponent
    let beside = (labFolder.isEmpty ? "" : labFolder + "/") + "out"
    throw .failed(
      "\(report) is the report of \(owner); this run of \(lab) would replace it\n"
        + "  hint: write this report elsewhere with -o DIR (e.g. -o \(beside)), or delete "
        + "\(report) to replace it")
  }

  /// Records that `DIR/NAME.html` is now `lab`'s report.
  func claim(for lab: String) {
    let folder = (record as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    // Limitation: a record that cannot be written only disables the check.
    try? (Self.canonical(lab) + "\n").write(toFile: record, atomically: true, encoding: .utf8)
  }
}
