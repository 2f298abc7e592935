/// One token of a cell's Swift code, as LabBook's light scans see it
/// (`CodeLexer`): comments and whitespace are gone, a string literal is one
/// token, and the code inside its interpolations `\(…)` is tokens of its own.
struct CodeToken: Equatable {
  enum Kind: Equatable {
    /// A name or keyword (`let`, `later`, `` `class` `` without backticks).
    case identifier
    /// A number literal.
    case number
    /// A string literal; `text` is its content when it has no interpolation
    /// and no escapes, else empty.
    case string
    /// A run of operator characters (`=`, `?.`, `..<`), or one of
    /// `( ) [ ] { } , ; :`.
    case punctuation
    /// `$0`, `#if`, `@MainActor` and the like.
    case other
  }

  var kind: Kind
  var text: String
  /// 1-based line within the cell's code.
  var line: Int
  /// 1-based column in UTF-8 bytes, as swiftc counts.
  var column: Int
  /// Whether whitespace (or a comment) comes right before the token.
  var spaced: Bool

  /// Whether the token is punctuation spelled `text`.
  func `is`(_ punctuation: String) -> Bool { kind == .punctuation && text == punctuation }

  /// Whether the token is the identifier or keyword `word`.
  func isWord(_ word: String) -> Bool { kind == .identifier && text == word }
}
