/// Why a hyperparameter search could not be set up.
public enum SearchError: Error, Equatable, CustomStringConvertible {
  /// No parameters, or a grid axis with no values.
  case emptySearch(String)
  /// The same parameter name given twice.
  case duplicateName(String)
  /// A distribution random search cannot draw from.
  case invalidDistribution(name: String, reason: String)
  /// A random search with fewer than one trial.
  case nonPositiveTrials(Int)

  /// What failed, the value given, and what to do.
  public var description: String {
    switch self {
    case .emptySearch(let what):
      return "hyperparameter search: \(what); give each parameter at least one value"
    case .duplicateName(let name):
      return "hyperparameter search: parameter \"\(name)\" is given twice; name each once"
    case .invalidDistribution(let name, let reason):
      return "random search: parameter \"\(name)\": \(reason)"
    case .nonPositiveTrials(let trials):
      return "random search: trials is \(trials); give at least 1 trial"
    }
  }
}

/// Throws unless `names` is non-empty and has no repeats.
func validateNames(_ names: [String]) throws(SearchError) {
  guard !names.isEmpty else { throw .emptySearch("no parameters to search") }
  var seen: Set<String> = []
  for name in names where !seen.insert(name).inserted { throw .duplicateName(name) }
}
