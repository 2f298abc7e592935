/// A small parser for `labbook COMMAND [options] [operands]`: flags, options
/// with a value (`-o DIR`, `--seed=3`), repeatable options and operands.
struct Arguments {
  private(set) var operands: [String] = []
  private var values: [String: [String]] = [:]
  private var flags: Set<String> = []

  /// Parses `words` given which option names take a value and which are
  /// flags; anything else starting with `-` is a usage error.
  init(
    _ words: [String], command: String, valued: Set<String>, flags knownFlags: Set<String>
  ) throws(CLIError) {
    var index = 0
    var onlyOperands = false
    while index < words.count {
      let word = words[index]
      index += 1
      if onlyOperands || !word.hasPrefix("-") || word == "-" {
        operands.append(word)
        continue
      }
      if word == "--" {
        onlyOperands = true
        continue
      }
      var name = word
      var inlineValue: String?
      if let equals = word.firstIndex(of: "="), word.hasPrefix("--") {
        name = String(word[..<equals])
        inlineValue = String(word[word.index(after: equals)...])
      }
      if knownFlags.contains(name) {
        guard inlineValue == nil else {
          throw .usage("'\(name)' takes no value (got '\(word)')", command: command)
        }
        flags.insert(name)
      } else if valued.contains(name) {
        if let inlineValue {
          values[name, default: []].append(inlineValue)
        } else if index < words.count {
          values[name, default: []].append(words[index])
          index += 1
        } else {
          throw .usage("'\(name)' needs a value", command: command)
        }
      } else {
        throw .usage("unknown option '\(word)' for 'labbook \(command)'", command: command)
      }
    }
  }

  func has(_ flag: String) -> Bool { flags.contains(flag) }

  /// The last value given for any of `names` (later ones override).
  func value(_ names: String...) -> String? {
    names.compactMap { values[$0]?.last }.last
  }

  /// Every value given for `name`, in order.
  func all(_ name: String) -> [String] { values[name] ?? [] }

  /// Whether `-h` or `--help` was given.
  var wantsHelp: Bool { has("-h") || has("--help") }

  /// The one lab operand of `command`; none or several is a usage error.
  func singleLab(for command: String) throws(CLIError) -> String {
    guard operands.count == 1, let name = operands.first else {
      let problem = operands.isEmpty ? "no lab given" : "one lab at a time"
      throw .usage("\(problem): give a lab's name or path", command: command)
    }
    return name
  }
}
