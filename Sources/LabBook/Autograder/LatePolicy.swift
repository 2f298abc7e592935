import Foundation

/// A lab's late policy, from its front matter's `grading:` settings:
/// `late-penalty-per-day: P` takes the fraction P of the score away for
/// each day, or part of a day, past the due date (at most all of it).
///
/// For a submission `s` seconds late, `days = ceil(s / 86400)` and the
/// score is multiplied by `max(0, 1 - P · days)`.
public struct LatePolicy: Sendable, Equatable {
  /// The fraction of the score lost per started day late; 0 for none.
  public var penaltyPerDay: Double

  /// The front matter key.
  public static let key = "late-penalty-per-day"

  /// A policy with `penaltyPerDay` in 0...1.
  public init(penaltyPerDay: Double) {
    self.penaltyPerDay = penaltyPerDay
  }

  /// Reads `late-penalty-per-day` from `grading` (0 when absent); throws
  /// `AutograderError.badLatePolicy` for a value outside 0...1.
  public init(grading: [String: String], lab: String) throws(AutograderError) {
    guard let text = grading[Self.key] else {
      penaltyPerDay = 0
      return
    }
    guard let value = Double(text), value >= 0, value <= 1 else {
      throw .badLatePolicy(lab: lab, key: Self.key, value: text)
    }
    penaltyPerDay = value
  }

  /// Started days between `due` and `submitted` (0 when on time).
  public static func daysLate(submitted: Date, due: Date) -> Int {
    let seconds = submitted.timeIntervalSince(due)
    return seconds <= 0 ? 0 : Int((seconds / 86_400).rounded(.up))
  }

  /// The multiplier `max(0, 1 - penaltyPerDay · days)` for `days` late.
  public func factor(daysLate days: Int) -> Double {
    max(0, 1 - penaltyPerDay * Double(days))
  }
}
