import Foundation

/// Runs numpy as the independent reference: `python3 -c script args…`.
/// Returns stdout, or nil (after printing why) when python3 or numpy is
/// missing, so the calling test can skip.
func numpy(_ script: String, _ arguments: [String] = []) throws -> String? {
  try numpyWithInput(script, arguments, input: "")
}

/// `numpy(_:_:)` with `input` on the script's stdin.
func numpyWithInput(_ script: String, _ arguments: [String] = [], input: String) throws -> String? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", "import numpy as np\n" + script] + arguments
  let output = Pipe()
  let errors = Pipe()
  let stdin = Pipe()
  process.standardInput = stdin
  process.standardOutput = output
  process.standardError = errors
  do {
    try process.run()
  } catch {
    print("skipped: python3 could not be started (\(error))")
    return nil
  }
  // Write stdin on another thread so a large input cannot deadlock the pipes.
  let writer = Thread {
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try? stdin.fileHandleForWriting.close()
  }
  writer.start()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  if process.terminationStatus != 0 {
    if errorText.contains("No module named 'numpy'") || process.terminationStatus == 127 {
      print("skipped: numpy is not installed (python3: \(errorText.prefix(200)))")
      return nil
    }
    throw PythonFailure(status: process.terminationStatus, stderr: errorText)
  }
  return String(decoding: data, as: UTF8.self)
}

/// The numbers in whitespace-separated text, as `Double`.
func doubles(_ text: String) -> [Double] {
  text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).compactMap {
    Double($0)
  }
}

/// The reference script `../shared/reference/init_stats.py` relative to the
/// package root (CI clones the repo with `shared/` beside it), or under
/// `$LABBOOK_SHARED` when set (a worktree elsewhere); nil, with the reason
/// printed, when absent.
func initStatsScript() -> URL? {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  var shared = root.deletingLastPathComponent().appendingPathComponent("shared")
  if let override = ProcessInfo.processInfo.environment["LABBOOK_SHARED"] {
    shared = URL(fileURLWithPath: override)
  }
  let script = shared.appendingPathComponent("reference/init_stats.py")
  guard FileManager.default.fileExists(atPath: script.path) else {
    print("skipped: \(script.path) is absent (clone shared/ beside the package)")
    return nil
  }
  return script
}

struct PythonFailure: Error, CustomStringConvertible {
  var status: Int32
  var stderr: String
  var description: String {
    "python3 exited with status \(status): \(stderr); check that numpy 2 is installed"
  }
}
