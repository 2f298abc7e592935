import Foundation
import Testing

@testable import LabBook

/// Opens a rendered report in headless Chromium: it must load without
/// console errors, draw every chart with a non-zero size, and paint a
/// screenshot that is not blank. Skipped (with a printed reason) where
/// Chromium is not installed.
@Suite struct ReportBrowserTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Runs Chromium headless with a 90 s timeout and a fresh profile;
  /// returns stdout and stderr.
  static func runChromium(_ arguments: [String], in dir: URL) throws -> (String, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments =
      [
        "90", chromium!, "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=\(dir.path)/profile", "--no-first-run", "--hide-scrollbars",
        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000",
      ] + arguments
    let out = dir.appendingPathComponent("chromium.out")
    let err = dir.appendingPathComponent("chromium.err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    return (
      (try? String(contentsOf: out, encoding: .utf8)) ?? "",
      (try? String(contentsOf: err, encoding: .utf8)) ?? ""
    )
  }

  /// Records page errors before anything else runs.
  static let errorHook = """
    <script>window.__errors = [];
    window.addEventListener("error", function (e) { window.__errors.push(String(e.message)); });
    var __ce = console.error; console.error = function () {
      window.__errors.push(Array.prototype.join.call(arguments, " ")); __ce.apply(console, arguments); };
    </script>
    """

  /// Writes what the test checks into `<pre id="probe">` after every other script.
  static let probe = """
    <script>(function () {
      var sizes = Array.prototype.map.call(document.querySelectorAll("figure > svg"), function (s) {
        var r = s.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; });
      var p = document.createElement("pre"); p.id = "probe";
      p.textContent = "PROBE" + JSON.stringify({ errors: window.__errors, svgs: sizes,
        katex: document.querySelectorAll(".katex").length,
        leftoverMath: document.querySelectorAll("code.math").length }) + "END";
      document.body.appendChild(p); })();</script>
    """

  struct Probe: Decodable {
    var errors: [String]
    var svgs: [[Int]]
    var katex: Int
    var leftoverMath: Int
  }

  @Test func reportLoadsWithoutErrorsAndDrawsCharts() throws {
    guard Self.chromium != nil else {
      print("skipped: chromium is not installed (looked in /usr/bin)")
      return
    }
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("labbook-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer {
      if ProcessInfo.processInfo.environment["LABBOOK_KEEP_BROWSER_FILES"] == nil {
        try? FileManager.default.removeItem(at: dir)
      } else {
        print("browser test files kept in \(dir.path)")
      }
    }

    let html = Report(document: ReportSample.document, result: ReportSample.result).html()
    let plain = dir.appendingPathComponent("report.html")
    try html.write(to: plain, atomically: true, encoding: .utf8)
    let probed =
      html
      .replacingOccurrences(of: "<head>\n", with: "<head>\n" + Self.errorHook)
      .replacingOccurrences(of: "</body>", with: Self.probe + "</body>")
    let probedFile = dir.appendingPathComponent("probed.html")
    try probed.write(to: probedFile, atomically: true, encoding: .utf8)

    // The DOM after scripts ran: errors, chart sizes, typeset maths.
    let (dom, stderr) = try Self.runChromium(["--dump-dom", probedFile.absoluteString], in: dir)
    let start = try #require(
      dom.range(of: "<pre id=\"probe\">PROBE"), "no probe in the DOM; stderr:\n\(stderr)")
    let end = try #require(dom.range(of: "END", range: start.upperBound..<dom.endIndex))
    let json = String(dom[start.upperBound..<end.lowerBound])
      .replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&amp;", with: "&")
    let probe = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
    #expect(probe.errors.isEmpty, "page errors: \(probe.errors)")
    let consoleLines = stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
    #expect(consoleLines.isEmpty, "console output: \(consoleLines)")
    #expect(probe.svgs.count == 3)
    #expect(probe.svgs.allSatisfy { $0.count == 2 && $0[0] > 100 && $0[1] > 100 })
    if FileManager.default.fileExists(atPath: "/usr/share/javascript/katex/katex.min.js") {
      #expect(probe.katex > 0)
      #expect(probe.leftoverMath == 0)
    }

    // A screenshot with content compresses far worse than a blank page's.
    let blank = dir.appendingPathComponent("blank.html")
    try "<!DOCTYPE html><html><body></body></html>".write(
      to: blank, atomically: true, encoding: .utf8)
    let blankShot = dir.appendingPathComponent("blank.png")
    let shot = dir.appendingPathComponent("report.png")
    for (page, png) in [(blank, blankShot), (plain, shot)] {
      _ = try Self.runChromium(
        ["--screenshot=\(png.path)", "--window-size=1000,2000", page.absoluteString], in: dir)
    }
    let blankSize = try #require(FileManager.default.contents(atPath: blankShot.path)).count
    let shotData = try #require(FileManager.default.contents(atPath: shot.path))
    #expect(shotData.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(
      shotData.count > 10 * blankSize, "screenshot \(shotData.count) B vs blank \(blankSize) B")
  }
}
