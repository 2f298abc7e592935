/// Finds the YAML front matter at the top of a lab and reads its keys.
///
/// The front matter starts when line 1 is `---` and ends at the next line that
/// is `---` or `...` (trailing spaces allowed). It is parsed by libyaml; the
/// keys are checked here, each problem located in the lab's own file.
struct FrontMatterReader {
  static let knownKeys = [
    "title", "seed", "params", "timeout", "memory", "data", "grading", "handout",
  ]

  let text: SourceText
  var log: DiagnosticLog

  /// The line of the closing `---`, or 0 when the lab has no front matter.
  private(set) var endLine = 0
  /// Top-level keys that are not known, with their lines, in order.
  private(set) var unknownKeys: [(key: String, line: Int)] = []

  init(text: SourceText, log: DiagnosticLog) {
    self.text = text
    self.log = log
  }

  /// Reads the front matter, if any. Throws when it never closes; other
  /// problems are logged and reading goes on.
  mutating func read() throws(LabError) -> FrontMatter {
    guard text.lineCount >= 1, isDelimiter(line: 1, allowingDots: false) else {
      return FrontMatter()
    }
    let lines = stride(from: 2, through: text.lineCount, by: 1)
    guard let close = lines.first(where: { isDelimiter(line: $0, allowingDots: true) }) else {
      throw LabError(
        Diagnostic(
          .error, at: log.at(1, 1),
          "the front matter opened by \"---\" on line 1 is never closed",
          hint: "end the YAML block with a line \"---\"; if the first line was meant "
            + "as a horizontal rule, start the file with something else"))
    }
    endLine = close

    var frontMatter = FrontMatter(location: log.at(1, 1))
    guard close > 2 else { return frontMatter }
    let yamlBytes = Array(text.bytes[text.lineStarts[1]..<text.lineStarts[close - 1]])
    let root: YAML.Node?
    do {
      root = try YAML.parse(yamlBytes)
    } catch {
      let (line, column) = location(error.mark)
      log.error(
        line, column, "the front matter is not valid YAML: \(error.message)",
        hint: "fix the YAML between the \"---\" lines (indent with spaces, not tabs)")
      return frontMatter
    }
    guard let root else { return frontMatter }
    guard case .mapping(let pairs, _) = root else {
      let (line, column) = location(root.mark)
      log.error(
        line, column, "the front matter must be a mapping of keys to values",
        hint: "write one \"key: value\" per line; known keys: "
          + Self.knownKeys.joined(separator: ", "))
      return frontMatter
    }

    for (key, value) in uniqueKeys(pairs, what: "front matter key") {
      switch key.text {
      case "title": frontMatter.title = string(value, key: "title")
      case "seed": frontMatter.seed = seed(value)
      case "params": frontMatter.params = params(value)
      case "timeout": frontMatter.timeout = timeout(value)
      case "memory": frontMatter.memory = memory(value)
      case "data": frontMatter.data = data(value)
      case "grading": frontMatter.grading = grading(value)
      case "handout": frontMatter.handout = handout(value)
      default:
        let (line, column) = location(key.mark)
        unknownKeys.append((key.text, line))
        log.warning(
          line, column, "unknown front matter key \"\(key.text)\" is ignored",
          hint: Spelling.hint(for: key.text, known: Self.knownKeys, what: "keys"))
      }
    }
    return frontMatter
  }

  // MARK: - Keys

  private mutating func string(_ node: YAML.Node, key: String) -> String? {
    guard case .scalar(let scalar) = node else {
      report(node, "\"\(key)\" must be a single value, not a list or mapping")
      return nil
    }
    return scalar.text
  }

  private mutating func seed(_ node: YAML.Node) -> UInt64? {
    guard case .scalar(let scalar) = node, !scalar.text.isEmpty,
      scalar.text.allSatisfy({ $0.isASCII && $0.isNumber }), let seed = UInt64(scalar.text)
    else {
      report(
        node, "seed \(quoted(node)) is not a non-negative integer",
        hint: "write e.g. \"seed: 42\" (at most \(UInt64.max))")
      return nil
    }
    return seed
  }

  private mutating func timeout(_ node: YAML.Node) -> Double? {
    guard case .scalar(let scalar) = node, let seconds = Self.number(scalar.text),
      seconds > 0, seconds.isFinite
    else {
      report(
        node, "timeout \(quoted(node)) is not a positive number of seconds",
        hint: "write e.g. \"timeout: 120\"")
      return nil
    }
    return seconds
  }

  private mutating func memory(_ node: YAML.Node) -> UInt64? {
    guard case .scalar(let scalar) = node, let bytes = Self.bytes(scalar.text), bytes > 0 else {
      report(
        node, "memory \(quoted(node)) is not an amount of memory with a unit",
        hint: "write e.g. \"memory: 4G\" or \"memory: 512M\" (K, M, G, T: powers of 1024)")
      return nil
    }
    return bytes
  }

  /// `4G`, `512M`, `1.5GiB`, `64 MB`: a number and a unit K, M, G or T
  /// (each 1024 times the one before; a trailing `B` or `iB` is allowed),
  /// in bytes; `nil` without a unit or beyond `UInt64`.
  static func bytes(_ text: String) -> UInt64? {
    var unitText = text.drop { $0.isNumber || $0 == "." || $0 == " " }
    let number = text.prefix(text.count - unitText.count).trimmingBlanks
    unitText = Substring(unitText.uppercased())
    if unitText.hasSuffix("IB") {
      unitText = unitText.dropLast(2)
    } else if unitText.hasSuffix("B") {
      unitText = unitText.dropLast()
    }
    let powers: [Substring: Double] = ["K": 0x1p10, "M": 0x1p20, "G": 0x1p30, "T": 0x1p40]
    guard let scale = powers[unitText], let value = Double(number), value.isFinite else {
      return nil
    }
    let bytes = (value * scale).rounded()
    guard bytes >= 1, bytes < 0x1p64 else { return nil }
    return UInt64(bytes)
  }

  private mutating func data(_ node: YAML.Node) -> [String] {
    guard case .sequence(let items, _) = node else {
      report(
        node, "\"data\" must be a list of paths relative to the lab",
        hint: "write one \"- path\" per line under \"data:\", or \"data: [a.csv, b.csv]\"")
      return []
    }
    var paths: [String] = []
    for item in items {
      guard case .scalar(let scalar) = item, !scalar.text.isEmpty else {
        report(item, "each entry of \"data\" must be a path")
        continue
      }
      guard !scalar.text.hasPrefix("/"), !scalar.text.hasPrefix("~") else {
        report(
          item, "data path \"\(scalar.text)\" is absolute",
          hint: "give the path relative to the lab's folder, e.g. \"data/mnist-small.csv\"")
        continue
      }
      paths.append(scalar.text)
    }
    return paths
  }

  private mutating func grading(_ node: YAML.Node) -> [String: String] {
    guard case .mapping(let pairs, _) = node else {
      report(node, "\"grading\" must be a mapping of settings, e.g. \"late-penalty: 0.1\"")
      return [:]
    }
    var settings: [String: String] = [:]
    for (key, value) in uniqueKeys(pairs, what: "grading setting") {
      guard case .scalar(let scalar) = value else {
        report(value, "grading setting \"\(key.text)\" must be a single value")
        continue
      }
      settings[key.text] = scalar.text
    }
    return settings
  }

  private mutating func handout(_ node: YAML.Node) -> [String: String] {
    guard case .mapping(let pairs, _) = node else {
      report(node, "\"handout\" must be a mapping of settings, e.g. \"figures: true\"")
      return [:]
    }
    var settings: [String: String] = [:]
    for (key, value) in uniqueKeys(pairs, what: "handout setting") {
      guard case .scalar(let scalar) = value else {
        report(value, "handout setting \"\(key.text)\" must be a single value")
        continue
      }
      settings[key.text] = scalar.text
    }
    return settings
  }

  private mutating func params(_ node: YAML.Node) -> [(name: String, value: ParamValue)] {
    guard case .mapping(let pairs, _) = node else {
      report(node, "\"params\" must be a mapping of names to default values")
      return []
    }
    var params: [(name: String, value: ParamValue)] = []
    for (key, value) in uniqueKeys(pairs, what: "parameter") {
      guard Self.isIdentifier(key.text) else {
        report(
          .scalar(key), "parameter name \"\(key.text)\" is not a valid identifier",
          hint: "use letters, digits and \"_\", not starting with a digit, e.g. learning_rate")
        continue
      }
      guard case .scalar(let scalar) = value else {
        report(value, "parameter \"\(key.text)\" must be a single value, not a list or mapping")
        continue
      }
      guard let parsed = Self.paramValue(scalar) else {
        report(
          value, "parameter \"\(key.text)\" has no default value",
          hint: "give a default, e.g. \"\(key.text): 0.1\"")
        continue
      }
      if scalar.isPlain, ["yes", "no", "on", "off", "y", "n"].contains(scalar.text.lowercased()) {
        // YAML 1.1 read these as booleans; here they are text, as documented.
        let (line, column) = location(value.mark)
        log.warning(
          line, column,
          "parameter \"\(key.text)\" is the text \"\(scalar.text)\", not a boolean",
          hint: "write true or false for a boolean; quote it (\"\(scalar.text)\") to keep text")
      }
      params.append((key.text, parsed))
    }
    return params
  }

  // MARK: - Values

  /// The type of a parameter's default: quoted text is a string; plain text is
  /// a bool (`true`/`false`), an int (decimal digits), a double (decimal
  /// notation with a point or exponent) or else a string. `nil` for YAML null.
  static func paramValue(_ scalar: YAML.Scalar) -> ParamValue? {
    let text = scalar.text
    guard scalar.isPlain else { return .string(text) }
    switch text {
    case "", "~", "null", "Null", "NULL": return nil
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    default: break
    }
    if isDecimalInteger(text), let int = Int(text) { return .int(int) }
    if let double = number(text) { return .double(double) }
    return .string(text)
  }

  /// A decimal number such as `3`, `-0.5`, `.5`, `1e-3`; nothing else
  /// (no hex, `inf`, `nan` or underscores).
  static func number(_ text: String) -> Double? {
    let allowed = Set("0123456789+-.eE")
    guard !text.isEmpty, text.allSatisfy(allowed.contains), text.contains(where: \.isNumber)
    else { return nil }
    return Double(text).flatMap { $0.isFinite ? $0 : nil }
  }

  private static func isDecimalInteger(_ text: String) -> Bool {
    let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
    return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
  }

  static func isIdentifier(_ text: String) -> Bool {
    guard let first = text.first, first == "_" || (first.isASCII && first.isLetter) else {
      return false
    }
    return text.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
  }

  // MARK: - Helpers

  /// The pairs whose keys are scalars, reporting non-scalar and repeated keys.
  private mutating func uniqueKeys(
    _ pairs: [(key: YAML.Node, value: YAML.Node)], what: String
  ) -> [(key: YAML.Scalar, value: YAML.Node)] {
    var seen: [String: YAML.Mark] = [:]
    var result: [(key: YAML.Scalar, value: YAML.Node)] = []
    for (key, value) in pairs {
      guard case .scalar(let scalar) = key else {
        report(key, "a \(what) must be a plain name")
        continue
      }
      if let first = seen[scalar.text] {
        let (line, column) = location(first)
        report(
          key, "\(what) \"\(scalar.text)\" is given twice (first at \(log.at(line, column)))",
          hint: "keep one of them")
        continue
      }
      seen[scalar.text] = scalar.mark
      result.append((scalar, value))
    }
    return result
  }

  private mutating func report(_ node: YAML.Node, _ message: String, hint: String = "") {
    let (line, column) = location(node.mark)
    log.error(line, column, message, hint: hint)
  }

  private func quoted(_ node: YAML.Node) -> String {
    if case .scalar(let scalar) = node { return "\"\(scalar.text)\"" }
    return "(a list or mapping)"
  }

  /// A libyaml mark (0-based line in the YAML text, 0-based character column)
  /// as a line and byte column of the lab's file: the YAML starts on line 2.
  private func location(_ mark: YAML.Mark) -> (line: Int, column: Int) {
    let line = min(mark.line + 2, max(endLine, 2))
    guard line < endLine else { return (line, 1) }
    let content = String(decoding: text.content(ofLine: line), as: UTF8.self)
    let prefix = content.unicodeScalars.prefix(mark.column)
    return (line, prefix.reduce(0) { $0 + UTF8.width($1) } + 1)
  }

  /// Whether line `line` is `---` (or `...`) with nothing but spaces after it.
  private func isDelimiter(line: Int, allowingDots: Bool) -> Bool {
    let content = text.content(ofLine: line)
    let trimmed = content.reversed().drop { $0 == 0x20 || $0 == 0x09 }
    guard trimmed.count == 3 else { return false }
    let marks = content.prefix(3)
    return marks.allSatisfy { $0 == 0x2D } || (allowingDots && marks.allSatisfy { $0 == 0x2E })
  }
}
