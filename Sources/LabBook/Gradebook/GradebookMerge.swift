import Foundation

/// Joins the outputs of `labbook grade … --shard K/N` into one class's
/// gradebooks: `grades.csv`, `canvas.csv`, and each student's folder
/// (feedback page, `result.json`, Gradescope `results.json`).
///
/// Refuses shards of different labs, rosters or counts, and a student in
/// two folders; reports shards and students no folder has (a shard not
/// run, or a student whose grading did not finish).
public struct GradebookMerge {
  /// What the shards hold.
  public struct Merged {
    /// Every graded student's grade, sorted by student.
    public var grades: [StudentGrade]
    /// The folder each student id (as the roster names it) comes from.
    public var sources: [String: String]
    /// The lab's title, for Canvas.
    public var assignment: String
    /// Shard numbers no folder has.
    public var missingShards: [Int]
    /// Roster ids no folder has a finished grade for, sorted.
    public var missingStudents: [String]
  }

  /// The shards' output folders.
  public let folders: [String]

  /// A merge of the shards written to `folders`.
  public init(folders: [String]) {
    self.folders = folders
  }

  /// Reads and checks the shards. With `allowMissing` false, throws
  /// `ShardError.missing` when a shard or a student is absent.
  public func read(allowMissing: Bool = false) throws(ShardError) -> Merged {
    guard !folders.isEmpty else { throw .missing(shards: [], students: []) }
    var manifests: [(folder: String, manifest: ShardManifest)] = []
    for folder in folders { manifests.append((folder, try ShardManifest.read(from: folder))) }
    let first = manifests[0].manifest
    for (folder, manifest) in manifests.dropFirst() {
      if manifest.of != first.of {
        throw .mismatch(folder: folder, what: "shard count (\(manifest.of), not \(first.of))")
      }
      if manifest.labDigest != first.labDigest { throw .mismatch(folder: folder, what: "lab") }
      if manifest.roster != first.roster {
        throw .mismatch(folder: folder, what: "roster of submissions")
      }
    }

    var grades: [String: StudentGrade] = [:]
    var sources: [String: String] = [:]
    var claimed: [String: String] = [:]
    for (folder, manifest) in manifests {
      for id in manifest.students {
        if let other = claimed[id] { throw .overlap(student: id, folders: [other, folder]) }
        claimed[id] = folder
        let path = folder + "/students/" + ClassGrading.safeName(id) + "/result.json"
        guard let data = FileManager.default.contents(atPath: path),
          let grade = try? RunResult.makeDecoder().decode(StudentGrade.self, from: data)
        else { continue }
        grades[id] = grade
        sources[id] = folder
      }
    }
    let present = Set(manifests.map(\.manifest.shard))
    let missingShards = (1...first.of).filter { !present.contains($0) }
    let missingStudents = first.roster.filter { grades[$0] == nil }
    if !allowMissing, !missingShards.isEmpty || !missingStudents.isEmpty {
      throw .missing(shards: missingShards, students: missingStudents)
    }
    return Merged(
      grades: grades.values.sorted { $0.student < $1.student }, sources: sources,
      assignment: first.assignment, missingShards: missingShards,
      missingStudents: missingStudents)
  }

  /// Writes `output/grades.csv`, `output/canvas.csv` and copies each
  /// student's folder to `output/students/ID/`.
  public func write(_ merged: Merged, to output: String) throws(ShardError) {
    let files = FileManager.default
    do {
      try files.createDirectory(atPath: output + "/students", withIntermediateDirectories: true)
      for (id, folder) in merged.sources.sorted(by: { $0.key < $1.key }) {
        let name = ClassGrading.safeName(id)
        let source = folder + "/students/" + name
        let target = output + "/students/" + name
        guard Self.canonical(source) != Self.canonical(target) else { continue }
        if files.fileExists(atPath: target) { try files.removeItem(atPath: target) }
        try files.copyItem(atPath: source, toPath: target)
      }
      try Gradebook.writeAtomically(
        Data(Gradebook.csv(merged.grades).utf8), to: output + "/grades.csv")
      try Gradebook.writeAtomically(
        Data(Gradebook.canvas(merged.grades, assignment: merged.assignment).utf8),
        to: output + "/canvas.csv")
    } catch {
      throw .io(path: output, reason: "\(error)")
    }
  }

  private static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
