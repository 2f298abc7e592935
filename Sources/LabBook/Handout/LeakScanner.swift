import Foundation

/// Looks for a handout's secrets (solution lines, hidden tests, answer keys,
/// instructor-only text) in the files given to students.
///
/// Lines are compared with whitespace normalised (runs of blanks become one
/// space, ends trimmed); HTML is compared as its text (tags removed,
/// entities decoded). A secret line leaks when an artefact line contains
/// it. Lines shorter than `minimumLength` characters (`}`, `return x`) and
/// lines that also appear in the lab's public parts are not searched for,
/// except answer keys, whose `key:` lines are searched for at any length.
public struct LeakScanner: Sendable {
  /// A secret found in an artefact.
  public struct Leak: Sendable, CustomStringConvertible {
    public var secret: Handout.Secret
    /// The artefact's path and the 1-based line the secret is on.
    public var artefact: String
    public var line: Int

    /// `handouts/x/x.md:12: solution from labs/x.md:40:1 leaked: "…"`.
    public var description: String {
      "\(artefact):\(line): \(secret.kind.rawValue) from \(secret.location) leaked: "
        + "\"\(secret.text)\""
    }
  }

  /// The shortest normalised line searched for.
  public var minimumLength: Int
  private var searched: [(secret: Handout.Secret, needle: String)]

  public init(handout: Handout, minimumLength: Int = 12) {
    self.minimumLength = minimumLength
    let secretLines = Set(handout.secrets.map(\.location.line))
    let lines = Handout.lines(of: handout.document.source)
    let publicLines = Set(
      lines.indices.filter { !secretLines.contains($0 + 1) }
        .map { Self.normalise(lines[$0].content) })
    searched = handout.secrets.compactMap { secret in
      let needle = Self.normalise(secret.text)
      if secret.kind == .answerKey { return (secret, needle) }
      guard needle.count >= minimumLength, !publicLines.contains(needle) else { return nil }
      return (secret, needle)
    }
  }

  /// The secrets in `text`, an artefact at `artefact`; HTML when `isHTML`.
  public func scan(_ text: String, artefact: String, isHTML: Bool) -> [Leak] {
    let plain = isHTML ? HTML.text(of: text) : text
    var leaks: [Leak] = []
    for (index, line) in Handout.lines(of: plain).enumerated() {
      let normalised = Self.normalise(line.content)
      guard !normalised.isEmpty else { continue }
      for (secret, needle) in searched {
        let found =
          secret.kind == .answerKey ? normalised == needle : normalised.contains(needle)
        if found { leaks.append(Leak(secret: secret, artefact: artefact, line: index + 1)) }
      }
    }
    return leaks
  }

  /// The secrets in the file at `path` (HTML when it ends in `.html`);
  /// files that are not UTF-8 text (PDF, binary data) are not searched.
  // Limitation: a PDF is not searched; it is printed from the HTML, which is.
  public func scan(file path: String) -> [Leak] {
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else { return [] }
    return scan(text, artefact: path, isHTML: path.hasSuffix(".html"))
  }

  /// Runs of spaces, tabs and line breaks as one space, ends trimmed.
  static func normalise<S: StringProtocol>(_ text: S) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline })
      .joined(separator: " ")
  }
}
