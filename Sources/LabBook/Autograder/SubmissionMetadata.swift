import Foundation

/// What the autograder uses from Gradescope's
/// `/autograder/submission_metadata.json`: when the submission was made
/// (`created_at`), when it was due (a user's own `assignment.due_date`,
/// set by an extension, else the assignment's), and who made it.
public struct SubmissionMetadata: Sendable, Equatable {
  /// When the submission was made (`created_at`).
  public var submitted: Date?
  /// When it was due, extensions included.
  public var due: Date?
  /// The first user's `sid`, else `email`, else `name`.
  public var student: String?

  /// Metadata with the given fields (all nil: nothing known).
  public init(submitted: Date? = nil, due: Date? = nil, student: String? = nil) {
    self.submitted = submitted
    self.due = due
    self.student = student
  }

  /// Reads the JSON; missing or malformed fields stay nil (the file is
  /// Gradescope's and may change), and so does everything for bad JSON.
  public init(json: Data) {
    guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
      return
    }
    submitted = (object["created_at"] as? String).flatMap(Self.date)
    let users = object["users"] as? [[String: Any]] ?? []
    let userDue = users.compactMap { user in
      ((user["assignment"] as? [String: Any])?["due_date"] as? String).flatMap(Self.date)
    }.max()
    let assignmentDue = ((object["assignment"] as? [String: Any])?["due_date"] as? String)
      .flatMap(Self.date)
    due = userDue ?? assignmentDue
    if let user = users.first {
      student =
        ["sid", "email", "name"].lazy.compactMap { key -> String? in
          guard let value = user[key] as? String, !value.isEmpty else { return nil }
          return value
        }.first
    }
  }

  /// An ISO 8601 date such as `2018-07-01T14:22:32.365935-07:00`; the
  /// fraction of a second is dropped (lateness counts in days).
  static func date(_ text: String) -> Date? {
    var text = text
    if let dot = text.firstIndex(of: "."), let tIndex = text.firstIndex(of: "T"), dot > tIndex {
      let end = text[dot...].dropFirst().firstIndex { !$0.isNumber } ?? text.endIndex
      text.removeSubrange(dot..<end)
    }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }
}
