/// Which attributes a cell or an answer block accepts, and how each is checked.
struct AttributeRules {
  /// Attributes that take no value.
  var flags: [String]
  /// Attributes that need a value.
  var valued: [String]
  /// What the block is called in messages: "cell" or "answer block".
  var what: String

  static let cell = AttributeRules(
    flags: ["solution", "test", "hidden", "hide", "skip", "instructor"],
    valued: ["id", "points", "title", "needs"], what: "cell")

  static let answer = AttributeRules(
    flags: ["text", "choice", "number"], valued: ["id", "points", "title"],
    what: "answer block")

  var known: [String] { ["id"] + flags + valued.filter { $0 != "id" } }

  /// The attributes of `words` as (name, value) pairs, bare flags with an empty
  /// value. Problems are logged on line `line`; an invalid attribute is left
  /// out, an unknown one is kept with a warning.
  func check(
    _ words: [InfoString.Word], line: Int, log: inout DiagnosticLog
  ) -> [(name: String, value: String)] {
    var attributes: [(name: String, value: String)] = []
    var seen: [String: Int] = [:]
    for word in words {
      let name = word.name
      guard !name.isEmpty else {
        log.error(
          line, word.column, "attribute value \"\(word.value ?? "")\" has no name",
          hint: "write name=value with no space around \"=\"")
        continue
      }
      if let first = seen[name] {
        log.error(
          line, word.column,
          "\(what) attribute \"\(name)\" is given twice "
            + "(first at column \(first))", hint: "keep one of them")
        continue
      }
      seen[name] = word.column

      if flags.contains(name) {
        guard word.value == nil else {
          log.error(
            line, word.column,
            "\"\(name)\" is a flag and takes no value, but \"\(name)=\(word.value!)\" was given",
            hint: "write just \"\(name)\" to set it, or leave it out")
          continue
        }
      } else if valued.contains(name) {
        guard let value = word.value, valid(name: name, value: value, word, line, &log) else {
          if word.value == nil {
            log.error(
              line, word.column, "\(what) attribute \"\(name)\" needs a value",
              hint: "write e.g. \(example(name))")
          }
          continue
        }
      } else {
        log.warning(
          line, word.column, "unknown \(what) attribute \"\(name)\" is ignored",
          hint: Spelling.hint(for: name, known: known, what: "attributes"))
      }
      attributes.append((name, word.value ?? ""))
    }
    return attributes
  }

  /// Checks the value of `id` and `points`; logs and returns false if bad.
  private func valid(
    name: String, value: String, _ word: InfoString.Word, _ line: Int,
    _ log: inout DiagnosticLog
  ) -> Bool {
    switch name {
    case "id":
      guard Self.isValidID(value) else {
        log.error(
          line, word.column, "\(what) id \"\(value)\" is not allowed",
          hint: "ids use only letters, digits, \"-\" and \"_\", e.g. id=xavier-tanh")
        return false
      }
    case "points":
      guard let points = FrontMatterReader.number(value), points >= 0 else {
        log.error(
          line, word.column, "points \"\(value)\" is not a non-negative number",
          hint: "write e.g. points=2 or points=0.5")
        return false
      }
    default: break
    }
    return true
  }

  private func example(_ name: String) -> String {
    switch name {
    case "id": "id=xavier"
    case "points": "points=2"
    default: "\(name)=\"Some words\""
    }
  }

  /// `[A-Za-z0-9_-]+`.
  static func isValidID(_ id: String) -> Bool {
    !id.isEmpty
      && id.utf8.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
          || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F
      }
  }
}
