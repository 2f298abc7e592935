import Foundation

/// Looks for a handout's secrets (solution lines, hidden tests, answer keys,
/// instructor-only text) in the files given to students.
///
/// Lines are compared with whitespace normalised (runs of blanks become one
/// space, ends trimmed); HTML is compared as its text (tags removed,
/// entities decoded). A secret line leaks when an artefact line contains
/// it. Lines shorter than `minimumLength` characters (`}`, `return x`) are
/// not searched for; nor is a solution line that a visible cell also holds
/// (shared code), nor another secret line that the public parts also hold.
/// An answer key is searched for as its value when that is long enough, and
/// otherwise as its whole `key: …` line.
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
  /// The instructor's lines that are no secret, by 1-based number, normalised.
  private var ordinaryLines: [(number: Int, text: String)]

  public init(handout: Handout, minimumLength: Int = 12) {
    self.minimumLength = minimumLength
    let secretLines = Set(handout.secrets.map(\.location.line))
    let lines = Handout.lines(of: handout.document.source)
    ordinaryLines = lines.indices.filter { !secretLines.contains($0 + 1) }
      .map { ($0 + 1, Self.normalise(lines[$0].content)) }
    let publicLines = Set(
      lines.indices.filter { !secretLines.contains($0 + 1) }
        .map { Self.normalise(lines[$0].content) })
    // Code students see anyway in other cells is shared, not a solution;
    // the same line in prose is a hint that gives the solution away.
    let sharedCode = Set(
      handout.document.cells.filter { !Handout.isDropped($0) }
        .flatMap { cell in
          Solutions.codeLines(
            Solutions.code(of: cell, regions: handout.regions, replacingWith: nil))
        }
        .map { Self.normalise($0) })
    searched = handout.secrets.compactMap { secret in
      if secret.kind == .answerKey {
        // The key itself, when long enough to be told apart from prose.
        let value = Self.normalise(secret.text.drop { $0 != ":" }.dropFirst())
        return (secret, value.count >= minimumLength ? value : Self.normalise(secret.text))
      }
      let needle = Self.normalise(secret.text)
      let shared = secret.kind == .solution ? sharedCode : publicLines
      guard needle.count >= minimumLength, !shared.contains(needle) else { return nil }
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
      for (secret, needle) in searched where holds(normalised, secret, needle) {
        leaks.append(Leak(secret: secret, artefact: artefact, line: index + 1))
      }
    }
    return leaks
  }

  /// The 1-based lines of the instructor's lab, other than the secrets'
  /// own, that hold `secret`: the text students see that repeats it.
  public func repeats(of secret: Handout.Secret) -> [Int] {
    guard let needle = searched.first(where: { $0.secret.location == secret.location })?.needle
    else { return [] }
    return ordinaryLines.filter { holds($0.text, secret, needle) }.map(\.number)
  }

  /// Whether the normalised `line` holds `secret`, searched for as `needle`.
  private func holds(_ line: String, _ secret: Handout.Secret, _ needle: String) -> Bool {
    secret.kind == .answerKey && needle.count < minimumLength
      ? line == needle : line.contains(needle)
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
