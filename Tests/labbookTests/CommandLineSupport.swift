import Foundation

/// What one run of the `labbook` executable printed and returned.
struct Invocation {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// The package's root folder (where `labs/` is), from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `labbook` executable built beside this test bundle.
func labbookExecutable() -> URL {
  URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("labbook")
}

/// Runs `labbook arguments…` in `folder` (default: the package root) with
/// the environment given, without a terminal, and waits for it.
func labbook(
  _ arguments: [String], in folder: URL = packageRoot, environment: [String: String] = [:]
) throws -> Invocation {
  let process = Process()
  process.executableURL = labbookExecutable()
  process.arguments = arguments
  process.currentDirectoryURL = folder
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  let output = FileManager.default.temporaryDirectory
    .appendingPathComponent("labbook-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: output) }
  // Files rather than pipes: nothing can fill up and block the child.
  let out = output.appendingPathComponent("stdout")
  let err = output.appendingPathComponent("stderr")
  FileManager.default.createFile(atPath: out.path, contents: nil)
  FileManager.default.createFile(atPath: err.path, contents: nil)
  process.standardOutput = try FileHandle(forWritingTo: out)
  process.standardError = try FileHandle(forWritingTo: err)
  process.standardInput = FileHandle.nullDevice
  try process.run()
  process.waitUntilExit()
  return Invocation(
    status: process.terminationStatus,
    stdout: try String(contentsOf: out, encoding: .utf8),
    stderr: try String(contentsOf: err, encoding: .utf8))
}

/// A temporary folder holding `labs/NAME.md` with `text`; removed by the caller.
func temporaryLab(_ name: String, _ text: String) throws -> URL {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("labbook-lab-\(UUID().uuidString)")
  try FileManager.default.createDirectory(
    at: folder.appendingPathComponent("labs"), withIntermediateDirectories: true)
  try text.write(
    to: folder.appendingPathComponent("labs/\(name).md"), atomically: true, encoding: .utf8)
  return folder
}

/// The reference script beside the repository (`../shared/reference`), or
/// under `$LABBOOK_SHARED`; nil, with the reason printed, when absent.
func referenceScript(_ name: String) -> URL? {
  let shared =
    ProcessInfo.processInfo.environment["LABBOOK_SHARED"].map {
      URL(fileURLWithPath: $0)
    } ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  let script = shared.appendingPathComponent("reference/\(name)")
  guard FileManager.default.fileExists(atPath: script.path) else {
    print("skipped: \(script.path) is absent (set LABBOOK_SHARED to the shared folder)")
    return nil
  }
  return script
}

/// stdout of `python3 script arguments…`, or nil (reason printed) when
/// python3 or numpy is missing.
func python(_ script: URL, _ arguments: [String]) throws -> String? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", script.path] + arguments
  let output = Pipe()
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  do { try process.run() } catch {
    print("skipped: python3 could not be started (\(error))")
    return nil
  }
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    print("skipped: \(script.lastPathComponent) failed (is numpy installed?)")
    return nil
  }
  return String(decoding: data, as: UTF8.self)
}

/// Whether `condition` became true within `seconds`, asked every 0.1 s.
func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
  for _ in 0..<Int(seconds * 10) {
    if condition() { return true }
    usleep(100_000)
  }
  return condition()
}
