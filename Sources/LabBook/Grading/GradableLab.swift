/// What `labbook grade` requires of a lab before it grades anything, in one
/// place, so that `labbook check` refuses exactly the labs grading would:
///
/// - the front matter's `grading:` settings are valid;
/// - solution markers are balanced (`Solutions.regions(in:)`);
/// - every id in a test's `needs=` names a solution cell;
/// - the grading params (`grading: params.k: v`) fit the lab's `params`.
public struct GradableLab {
  /// The lab's `grading:` settings.
  public let settings: GradingSettings
  /// The lab's solution regions, in order.
  public let regions: [SolutionRegion]
  /// The params a graded run uses, typed against the front matter's `params`.
  public let params: [(name: String, value: ParamValue)]

  /// Validates `document`; throws `GradingError.badSettings`,
  /// `GradingError.badLab` (with one diagnostic per problem) or the
  /// `EngineError` of a grading param that does not fit.
  public init(_ document: LabDocument) throws {
    let settings = GradingSettings(
      document.frontMatter.grading, labTimeout: document.frontMatter.timeout)
    guard settings.problems.isEmpty else {
      throw GradingError.badSettings(lab: document.path, problems: settings.problems)
    }
    self.settings = settings
    do {
      regions = try Solutions.regions(in: document)
    } catch {
      throw GradingError.badLab(lab: document.path, diagnostics: error.diagnostics)
    }
    let unknown = Self.unknownNeeds(in: document)
    guard unknown.isEmpty else {
      throw GradingError.badLab(lab: document.path, diagnostics: unknown)
    }
    params = try ParamBinding.resolve(
      settings.params, declared: document.frontMatter.params, lab: document.path)
  }

  /// An error at the test's fence for each `needs=` id that is not a
  /// solution cell's, with the closest solution cell's id as a hint.
  static func unknownNeeds(in document: LabDocument) -> [Diagnostic] {
    let solutionIDs = document.cells.filter(\.isSolution).map(\.id).sorted()
    var unknown: [Diagnostic] = []
    for cell in document.cells where cell.isTest {
      for written in (cell.attribute("needs") ?? "").split(separator: ",") {
        let id = String(written.trimmingBlanksAndNewlines)
        guard !solutionIDs.contains(id) else { continue }
        let guess = Spelling.closest(to: id, in: solutionIDs).map { "did you mean \"\($0)\"? " }
        unknown.append(
          Diagnostic(
            .error, at: cell.fenceLocation,
            "test \"\(cell.id)\" needs \"\(id)\", which is not a solution cell",
            hint: (guess ?? "") + "name solution cells' ids: needs="
              + solutionIDs.joined(separator: ",")))
      }
    }
    return unknown
  }
}
